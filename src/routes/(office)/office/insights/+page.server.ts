import { getServerContext } from '$lib/server/context';
import { officeLoad } from '$lib/server/http/office-error';
import { requestTimeZone } from '$lib/server/office/request-locale';
import { requireOfficeUser } from '$lib/server/office/require-office-user';
import { ServiceError } from '$lib/server/service-error';
import {
	getBenchmark,
	getCheckpointInsights,
	getTrends,
	listInsightLocations
} from '$lib/server/services/insights';
import type { PageServerLoad } from './$types';

/**
 * The benchmark page: own stores against competitors per stage for the period and filters in the
 * address (a GET form, so it works without JavaScript), the own stores' trend by region with the
 * organisation's average, the checkpoints failed most and changed most, and the stores to open.
 * A period that is not real is said on the page, and the default period is shown instead.
 */
export const load: PageServerLoad = (event) =>
	officeLoad(async () => {
		const user = requireOfficeUser(event);
		const { url, cookies } = event;
		const q = url.searchParams;
		const timeZone = requestTimeZone(url, cookies);
		const ctx = await getServerContext();
		const now = Date.now();
		const chosen = {
			from: q.get('from') ?? '',
			to: q.get('to') ?? '',
			region: q.get('region') ?? '',
			brand: q.get('brand') ?? '',
			template: q.get('template') ?? '',
			stage: q.get('stage') ?? '',
			granularity: q.get('granularity') === 'week' ? 'week' : 'month'
		};
		const run = (from: string, to: string) =>
			Promise.all([
				getBenchmark(
					ctx,
					user,
					{
						from,
						to,
						region: chosen.region,
						brand: chosen.brand,
						templateId: chosen.template,
						timeZone
					},
					now
				),
				getTrends(
					ctx,
					user,
					{ granularity: chosen.granularity, stage: chosen.stage, timeZone },
					now
				),
				getCheckpointInsights(ctx, user, { from, to, timeZone }, now),
				listInsightLocations(ctx, user)
			]);
		let periodProblem = false;
		let result;
		try {
			result = await run(chosen.from, chosen.to);
		} catch (caught) {
			if (!(caught instanceof ServiceError) || caught.code !== 'invalid_period') throw caught;
			periodProblem = true;
			result = await run('', '');
		}
		const [benchmark, trends, checkpoints, locations] = result;
		return {
			chosen,
			timeZone,
			periodProblem,
			reader: user.role === 'viewer',
			benchmark,
			trends,
			checkpoints,
			locations
		};
	});
