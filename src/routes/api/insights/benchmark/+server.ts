import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { insightTimeZone } from '$lib/server/http/insight-request';
import { getBenchmark } from '$lib/server/services/insights';
import type { RequestHandler } from './$types';

/** Own stores against competitors per stage for a period (see docs/api.md). */
export const GET: RequestHandler = ({ locals, url }) =>
	respond(async () => {
		const user = requireUser(locals);
		const q = url.searchParams;
		const ctx = await getServerContext();
		const body = await getBenchmark(
			ctx,
			user,
			{
				from: q.get('from'),
				to: q.get('to'),
				region: q.get('region'),
				brand: q.get('brand'),
				templateId: q.get('template'),
				timeZone: insightTimeZone(url)
			},
			Date.now()
		);
		return json(body, { headers: { 'cache-control': 'private, no-store' } });
	});
