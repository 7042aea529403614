import { getServerContext } from '$lib/server/context';
import { officeLoad } from '$lib/server/http/office-error';
import { requestTimeZone } from '$lib/server/office/request-locale';
import { requireOfficeUser } from '$lib/server/office/require-office-user';
import { ServiceError } from '$lib/server/service-error';
import { getLocationInsights } from '$lib/server/services/insights';
import type { PageServerLoad } from './$types';

/**
 * A location's page: its stages against the organisation's average for the period, its trend
 * (total or one stage, by week or month) with the organisation's average as reference, its latest
 * audits with their reports, and its checkpoints failed most and changed most. Another
 * organisation's location, or one a report reader was not given, is a 404.
 */
export const load: PageServerLoad = (event) =>
	officeLoad(async () => {
		const user = requireOfficeUser(event);
		const { url, cookies, params } = event;
		const q = url.searchParams;
		const timeZone = requestTimeZone(url, cookies);
		const ctx = await getServerContext();
		const chosen = {
			from: q.get('from') ?? '',
			to: q.get('to') ?? '',
			stage: q.get('stage') ?? '',
			granularity: q.get('granularity') === 'week' ? 'week' : 'month'
		};
		const run = (from: string, to: string) =>
			getLocationInsights(
				ctx,
				user,
				params.id,
				{ from, to, granularity: chosen.granularity, stage: chosen.stage, timeZone },
				Date.now()
			);
		let periodProblem = false;
		let insights;
		try {
			insights = await run(chosen.from, chosen.to);
		} catch (caught) {
			if (!(caught instanceof ServiceError) || caught.code !== 'invalid_period') throw caught;
			periodProblem = true;
			insights = await run('', '');
		}
		return { chosen, timeZone, periodProblem, insights, reviews: user.role !== 'viewer' };
	});
