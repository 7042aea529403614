import { startOfDayIn } from './day-range';

/** How a trend groups visits: ISO weeks (Monday first) or calendar months, in a time zone. */
export type TrendGranularity = 'week' | 'month';
export const TREND_GRANULARITIES: readonly TrendGranularity[] = ['week', 'month'];

/** At most this many buckets in one trend (two years of weeks). */
export const MAX_TREND_BUCKETS = 104;

/** One bucket of a trend: `[start, end)` epoch ms and the day (`YYYY-MM-DD`) it starts on. */
export interface TrendBucket {
	start: number;
	end: number;
	day: string;
}

function dayOf(year: number, month: number, date: number): string {
	const d = new Date(Date.UTC(year, month, date));
	return d.toISOString().slice(0, 10);
}

/**
 * The buckets covering the calendar days `fromDay`..`toDay` (both `YYYY-MM-DD`, inclusive) in
 * `timeZone`: whole weeks from the Monday on or before `fromDay`, or whole months from the month
 * of `fromDay`, through the one holding `toDay`. Null when a day is not real, reversed, or the
 * span needs more than MAX_TREND_BUCKETS buckets.
 */
export function trendBuckets(
	granularity: TrendGranularity,
	fromDay: string,
	toDay: string,
	timeZone: string
): TrendBucket[] | null {
	if (startOfDayIn(fromDay, timeZone) === null || startOfDayIn(toDay, timeZone) === null)
		return null;
	if (fromDay > toDay) return null;
	const [fy, fm, fd] = fromDay.split('-').map(Number) as [number, number, number];
	const days: string[] = [];
	if (granularity === 'month') {
		for (let i = 0; ; i++) {
			const day = dayOf(fy, fm - 1 + i, 1);
			if (day > toDay) break;
			days.push(day);
			if (days.length > MAX_TREND_BUCKETS) return null;
		}
		days.push(dayOf(fy, fm - 1 + days.length, 1));
	} else {
		const weekday = (new Date(Date.UTC(fy, fm - 1, fd)).getUTCDay() + 6) % 7;
		for (let i = 0; ; i++) {
			const day = dayOf(fy, fm - 1, fd - weekday + 7 * i);
			if (day > toDay) break;
			days.push(day);
			if (days.length > MAX_TREND_BUCKETS) return null;
		}
		days.push(dayOf(fy, fm - 1, fd - weekday + 7 * days.length));
	}
	const starts = days.map((day) => startOfDayIn(day, timeZone)!);
	return days.slice(0, -1).map((day, i) => ({ start: starts[i]!, end: starts[i + 1]!, day }));
}
