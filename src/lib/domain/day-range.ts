import { zoneOffsetMs } from './zone-offset';

/** A calendar day as `<input type="date">` gives it: `YYYY-MM-DD`. */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The epoch-ms instant at which `day` (plus `addDays`) starts in `timeZone` (an IANA name such as
 * `Europe/Copenhagen`), or null when `day` is not a real calendar day from 1970 on. Days of 23 or
 * 25 hours (summer time) come out right. The zone is explicit because the office computes this
 * on the server, which has no idea of the reader's zone.
 */
export function startOfDayIn(day: string, timeZone: string, addDays = 0): number | null {
	const match = DAY.exec(day);
	if (!match) return null;
	const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
	const check = new Date(Date.UTC(year, month, date));
	if (
		year < 1970 ||
		check.getUTCFullYear() !== year ||
		check.getUTCMonth() !== month ||
		check.getUTCDate() !== date
	) {
		return null;
	}
	const wallMidnight = Date.UTC(year, month, date + addDays);
	// The offset at a first guess, then at the instant it gives: right across a summer-time change.
	const guess = wallMidnight - zoneOffsetMs(wallMidnight, timeZone);
	return wallMidnight - zoneOffsetMs(guess, timeZone);
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
 * bounds in `timeZone`: `from` is the midnight starting the first day, `before` the midnight
 * starting the day after the last. `invalid` for a day that does not exist; `reversed` when the
 * first day is after the last.
 */
export function dayRangeBounds(fromDay: string, toDay: string, timeZone: string): DayRangeResult {
	const bounds: DayBounds = {};
	if (fromDay !== '') {
		const from = startOfDayIn(fromDay, timeZone);
		if (from === null) return { ok: false, problem: 'invalid' };
		bounds.from = from;
	}
	if (toDay !== '') {
		const before = startOfDayIn(toDay, timeZone, 1);
		if (before === null) return { ok: false, problem: 'invalid' };
		bounds.before = before;
	}
	if (bounds.from !== undefined && bounds.before !== undefined && bounds.from >= bounds.before) {
		return { ok: false, problem: 'reversed' };
	}
	return { ok: true, bounds };
}
