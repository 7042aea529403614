import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { insightTimeZone } from '$lib/server/http/insight-request';
import { getTrends } from '$lib/server/services/insights';
import type { RequestHandler } from './$types';

/** A trend by week or month with the organisation's average as reference (see docs/api.md). */
export const GET: RequestHandler = ({ locals, url }) =>
	respond(async () => {
		const user = requireUser(locals);
		const q = url.searchParams;
		const ctx = await getServerContext();
		const body = await getTrends(
			ctx,
			user,
			{
				from: q.get('from'),
				to: q.get('to'),
				granularity: q.get('granularity'),
				stage: q.get('stage'),
				locationId: q.get('location'),
				region: q.get('region'),
				timeZone: insightTimeZone(url)
			},
			Date.now()
		);
		return json(body, { headers: { 'cache-control': 'private, no-store' } });
	});
