import { describe, expect, it } from 'vitest';
import { outsideWindow, visitState } from './visit-state';
import { instantOfLocal, localOfInstant } from './zoned-time';

describe('wall-clock times in a store’s zone', () => {
	it('reads and writes datetime-local values in the named zone, across summer time', () => {
		expect(instantOfLocal('2026-07-01T10:00', 'Europe/Copenhagen')).toBe(Date.UTC(2026, 6, 1, 8));
		expect(instantOfLocal('2026-12-01T10:00', 'Europe/Copenhagen')).toBe(Date.UTC(2026, 11, 1, 9));
		expect(instantOfLocal('2026-12-01T10:00', 'America/New_York')).toBe(Date.UTC(2026, 11, 1, 15));
		expect(localOfInstant(Date.UTC(2026, 6, 1, 8), 'Europe/Copenhagen')).toBe('2026-07-01T10:00');
		expect(localOfInstant(Date.UTC(2026, 11, 1, 15), 'America/New_York')).toBe('2026-12-01T10:00');
		for (const bad of ['2026-02-30T10:00', '2026-13-01T10:00', '10:00', '2026-01-01T24:00']) {
			expect(instantOfLocal(bad, 'UTC'), bad).toBeNull();
		}
	});
});

describe('a visit’s state, the same on server and device', () => {
	const visit = { status: 'open' as const, windowStart: 100, windowEnd: 200 };
	it.each([
		[visit, 'none', 150, 'open'],
		[visit, 'started', 150, 'in_progress'],
		[visit, 'handed_in', 150, 'done'],
		[visit, 'none', 201, 'overdue'],
		[visit, 'started', 201, 'overdue'],
		[visit, 'handed_in', 201, 'done'],
		[{ ...visit, status: 'done' as const }, 'none', 201, 'done'],
		[{ ...visit, status: 'cancelled' as const }, 'started', 150, 'cancelled']
	] as const)('%o, %s at %d → %s', (facts, progress, now, state) => {
		expect(visitState(facts, progress, now)).toBe(state);
	});

	it('flags a time outside the window (both ends inclusive inside)', () => {
		expect([99, 100, 200, 201].map((at) => outsideWindow(visit, at))).toEqual([
			true,
			false,
			false,
			true
		]);
	});
});
