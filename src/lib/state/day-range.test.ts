import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayRangeBounds, startOfLocalDay } from './day-range';

const HOUR = 3_600_000;

// Node re-reads TZ when it is assigned, so each test can pick the browser's zone.
const originalTz = process.env.TZ;
const inZone = (tz: string) => {
	process.env.TZ = tz;
};

describe('calendar days to epoch bounds in the local time zone', () => {
	beforeEach(() => inZone('Europe/Copenhagen'));
	afterEach(() => {
		if (originalTz === undefined) delete process.env.TZ;
		else process.env.TZ = originalTz;
	});

	it('spans one chosen day from its local midnight to the next (Copenhagen, summer time)', () => {
		expect(dayRangeBounds('2025-10-01', '2025-10-01')).toEqual({
			ok: true,
			bounds: { from: Date.UTC(2025, 8, 30, 22), before: Date.UTC(2025, 9, 1, 22) }
		});
	});

	it('gives the 25-hour and 23-hour days of the summer-time changes their real length', () => {
		const autumn = dayRangeBounds('2025-10-26', '2025-10-26');
		expect(autumn).toEqual({
			ok: true,
			bounds: { from: Date.UTC(2025, 9, 25, 22), before: Date.UTC(2025, 9, 26, 23) }
		});
		const spring = dayRangeBounds('2025-03-30', '2025-03-30');
		expect(spring.ok && spring.bounds.before! - spring.bounds.from!).toBe(23 * HOUR);
	});

	it('uses whatever zone the browser is in', () => {
		inZone('America/New_York');
		expect(startOfLocalDay('2025-01-15')).toBe(Date.UTC(2025, 0, 15, 5));
		inZone('UTC');
		expect(dayRangeBounds('2025-01-15', '2025-01-31')).toEqual({
			ok: true,
			bounds: { from: Date.UTC(2025, 0, 15), before: Date.UTC(2025, 1, 1) }
		});
	});

	it('leaves a side open when its day is empty, and both for no days', () => {
		expect(dayRangeBounds('2025-12-31', '')).toEqual({
			ok: true,
			bounds: { from: Date.UTC(2025, 11, 30, 23) }
		});
		// The last day of the year rolls over into the next.
		expect(dayRangeBounds('', '2025-12-31')).toEqual({
			ok: true,
			bounds: { before: Date.UTC(2025, 11, 31, 23) }
		});
		expect(dayRangeBounds('', '')).toEqual({ ok: true, bounds: {} });
	});

	it('refuses days that do not exist and a first day after the last', () => {
		for (const day of ['2025-02-30', '2025-13-01', '2025-1-1', 'today', '1969-12-31']) {
			expect(dayRangeBounds(day, '')).toEqual({ ok: false, problem: 'invalid' });
			expect(dayRangeBounds('', day)).toEqual({ ok: false, problem: 'invalid' });
		}
		expect(dayRangeBounds('2024-02-29', '2024-02-29').ok).toBe(true);
		expect(dayRangeBounds('2025-10-02', '2025-10-01')).toEqual({ ok: false, problem: 'reversed' });
	});
});
