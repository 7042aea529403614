import { trendBuckets } from '$lib/domain/insight-buckets';
import type { ReportInsightsInput } from '$lib/domain/report-insights';
import type { Location } from '$lib/domain/types';
import type { Db } from '../db/connect';
import { stageBenchmark, trend, type MeanRow } from '../repos/insights';

/** Months of trend a report shows, ending with the month of the visit. */
export const REPORT_TREND_MONTHS = 6;
/** Below this many audits a report's figure is starred (as on the office's screens). */
export const REPORT_SMALL_SAMPLE = 5;

function dayIn(instant: number, timeZone: string): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(instant);
}

const figure = (row: MeanRow | undefined) => ({ mean: row?.mean ?? null, n: row?.n ?? 0 });

/**
 * The report's insights for an audit at `location` visited at `visitedAt`: this store's mean
 * total per month over the REPORT_TREND_MONTHS months ending with the visit's month, beside the
 * organisation's average of stores of its kind, and per stage this store, the own stores and the
 * competitors over the same months. A report goes to report readers, so only approved audits
 * count. Read from the score rows when the report is made.
 */
export async function reportInsightsFor(
	db: Db,
	organisationId: string,
	location: Pick<Location, 'id' | 'kind'>,
	visitedAt: number,
	timeZone: string
): Promise<ReportInsightsInput> {
	const toDay = dayIn(visitedAt, timeZone);
	const [year, month] = toDay.split('-').map(Number) as [number, number];
	const first = new Date(Date.UTC(year, month - REPORT_TREND_MONTHS, 1)).toISOString().slice(0, 10);
	const buckets = trendBuckets('month', first, toDay, timeZone) ?? [];
	const bounds = [...buckets.map((b) => b.start), buckets[buckets.length - 1]!.end];
	const from = bounds[0]!;
	const before = bounds[bounds.length - 1]!;
	const base = { organisationId, from, before, approvedOnly: true };
	const [store, reference, storeStages, allStages] = await Promise.all([
		trend(db, { ...base, locationId: location.id }, bounds),
		trend(db, { ...base, kind: location.kind }, bounds),
		stageBenchmark(db, { ...base, locationId: location.id }),
		stageBenchmark(db, base)
	]);
	return {
		from,
		before,
		months: buckets.map((bucket, i) => ({
			start: bucket.start,
			store: figure(store.find((r) => r.bucket === i)),
			organisation: figure(reference.find((r) => r.bucket === i))
		})),
		stages: storeStages.map((row) => ({
			stageKey: row.stageKey,
			store: figure(row),
			own: figure(allStages.find((r) => r.kind === 'own' && r.stageKey === row.stageKey)),
			competitor: figure(
				allStages.find((r) => r.kind === 'competitor' && r.stageKey === row.stageKey)
			)
		})),
		smallSample: REPORT_SMALL_SAMPLE
	};
}
