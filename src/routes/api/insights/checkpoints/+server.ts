import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { insightTimeZone } from '$lib/server/http/insight-request';
import { getCheckpointInsights } from '$lib/server/services/insights';
import type { RequestHandler } from './$types';

/** The checkpoints failed most, and those changed most between two periods (see docs/api.md). */
export const GET: RequestHandler = ({ locals, url }) =>
	respond(async () => {
		const user = requireUser(locals);
		const q = url.searchParams;
		const ctx = await getServerContext();
		const body = await getCheckpointInsights(
			ctx,
			user,
			{
				from: q.get('from'),
				to: q.get('to'),
				compareFrom: q.get('compareFrom'),
				compareTo: q.get('compareTo'),
				locationId: q.get('location'),
				timeZone: insightTimeZone(url)
			},
			Date.now()
		);
		return json(body, { headers: { 'cache-control': 'private, no-store' } });
	});
