/** A calendar day as `<input type="date">` gives it: `YYYY-MM-DD`. */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The epoch-ms instant at which `day` (plus `addDays`) starts in the browser's time zone, or null
 * when `day` is not a real calendar day from 1970 on. The Date constructor does the zone's
 * arithmetic, so days of 23 or 25 hours (summer time) come out right.
 */
export function startOfLocalDay(day: string, addDays = 0): number | null {
	const match = DAY.exec(day);
	if (!match) return null;
	const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
	const check = new Date(year, month, date);
	if (
		year < 1970 ||
		check.getFullYear() !== year ||
		check.getMonth() !== month ||
		check.getDate() !== date
	) {
		return null;
	}
	return new Date(year, month, date + addDays).getTime();
}

/** Half-open span `[from, before)` of epoch ms; an absent side is open. */
export interface DayBounds {
	from?: number;
	before?: number;
}

export type DayRangeResult =
	{ ok: true; bounds: DayBounds } | { ok: false; problem: 'invalid' | 'reversed' };

/**
 * Turns the chosen first and last calendar days (both inclusive, `''` for no limit) into epoch-ms
 * bounds in the browser's time zone: `from` is local midnight starting the first day, `before`
 * local midnight starting the day after the last. `invalid` for a day that does not exist;
 * `reversed` when the first day is after the last.
 */
export function dayRangeBounds(fromDay: string, toDay: string): DayRangeResult {
	const bounds: DayBounds = {};
	if (fromDay !== '') {
		const from = startOfLocalDay(fromDay);
		if (from === null) return { ok: false, problem: 'invalid' };
		bounds.from = from;
	}
	if (toDay !== '') {
		const before = startOfLocalDay(toDay, 1);
		if (before === null) return { ok: false, problem: 'invalid' };
		bounds.before = before;
	}
	if (bounds.from !== undefined && bounds.before !== undefined && bounds.from >= bounds.before) {
		return { ok: false, problem: 'reversed' };
	}
	return { ok: true, bounds };
}
