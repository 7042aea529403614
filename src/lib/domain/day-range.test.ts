import { afterEach, describe, expect, it } from 'vitest';
import { dayRangeBounds, startOfDayIn } from './day-range';

const HOUR = 3_600_000;
const CPH = 'Europe/Copenhagen';

const originalTz = process.env.TZ;
afterEach(() => {
	if (originalTz === undefined) delete process.env.TZ;
	else process.env.TZ = originalTz;
});

describe('calendar days to epoch bounds in a named time zone', () => {
	it('spans one chosen day from its midnight to the next (Copenhagen, summer time)', () => {
		expect(dayRangeBounds('2025-10-01', '2025-10-01', CPH)).toEqual({
			ok: true,
			bounds: { from: Date.UTC(2025, 8, 30, 22), before: Date.UTC(2025, 9, 1, 22) }
		});
	});

	it('gives the 25-hour and 23-hour days of the summer-time changes their real length', () => {
		const autumn = dayRangeBounds('2025-10-26', '2025-10-26', CPH);
		expect(autumn).toEqual({
			ok: true,
			bounds: { from: Date.UTC(2025, 9, 25, 22), before: Date.UTC(2025, 9, 26, 23) }
		});
		const spring = dayRangeBounds('2025-03-30', '2025-03-30', CPH);
		expect(spring.ok && spring.bounds.before! - spring.bounds.from!).toBe(23 * HOUR);
		const newYork = dayRangeBounds('2025-03-09', '2025-03-09', 'America/New_York');
		expect(newYork.ok && newYork.bounds.before! - newYork.bounds.from!).toBe(23 * HOUR);
	});

	it('uses the zone it is given, whatever zone the process runs in', () => {
		process.env.TZ = 'Asia/Tokyo';
		expect(startOfDayIn('2025-01-15', 'America/New_York')).toBe(Date.UTC(2025, 0, 15, 5));
		expect(startOfDayIn('2025-01-15', 'Asia/Kolkata')).toBe(Date.UTC(2025, 0, 14, 18, 30));
		expect(dayRangeBounds('2025-01-15', '2025-01-31', 'UTC')).toEqual({
			ok: true,
			bounds: { from: Date.UTC(2025, 0, 15), before: Date.UTC(2025, 1, 1) }
		});
	});

	it('leaves a side open when its day is empty, and both for no days', () => {
		expect(dayRangeBounds('2025-12-31', '', CPH)).toEqual({
			ok: true,
			bounds: { from: Date.UTC(2025, 11, 30, 23) }
		});
		// The last day of the year rolls over into the next.
		expect(dayRangeBounds('', '2025-12-31', CPH)).toEqual({
			ok: true,
			bounds: { before: Date.UTC(2025, 11, 31, 23) }
		});
		expect(dayRangeBounds('', '', CPH)).toEqual({ ok: true, bounds: {} });
	});

	it('refuses days that do not exist and a first day after the last', () => {
		for (const day of ['2025-02-30', '2025-13-01', '2025-1-1', 'today', '1969-12-31']) {
			expect(dayRangeBounds(day, '', CPH)).toEqual({ ok: false, problem: 'invalid' });
			expect(dayRangeBounds('', day, CPH)).toEqual({ ok: false, problem: 'invalid' });
		}
		expect(dayRangeBounds('2024-02-29', '2024-02-29', CPH).ok).toBe(true);
		expect(dayRangeBounds('2025-10-02', '2025-10-01', CPH)).toEqual({
			ok: false,
			problem: 'reversed'
		});
	});
});
