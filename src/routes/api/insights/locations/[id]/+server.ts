import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { insightTimeZone } from '$lib/server/http/insight-request';
import { getLocationInsights } from '$lib/server/services/insights';
import type { RequestHandler } from './$types';

/** One location's stages, trend, latest audits and failing checkpoints (see docs/api.md). */
export const GET: RequestHandler = ({ locals, url, params }) =>
	respond(async () => {
		const user = requireUser(locals);
		const q = url.searchParams;
		const ctx = await getServerContext();
		const body = await getLocationInsights(
			ctx,
			user,
			params.id,
			{
				from: q.get('from'),
				to: q.get('to'),
				granularity: q.get('granularity'),
				stage: q.get('stage'),
				timeZone: insightTimeZone(url)
			},
			Date.now()
		);
		return json(body, { headers: { 'cache-control': 'private, no-store' } });
	});
