import { describe, expect, it } from 'vitest';
import { trendBuckets } from './insight-buckets';

describe('trendBuckets', () => {
	it('months in a zone, across a summer-time change', () => {
		const buckets = trendBuckets('month', '2026-02-10', '2026-04-02', 'Europe/Copenhagen')!;
		expect(buckets.map((b) => b.day)).toEqual(['2026-02-01', '2026-03-01', '2026-04-01']);
		expect(buckets[0]!.start).toBe(Date.UTC(2026, 0, 31, 23));
		expect(buckets[1]!.start).toBe(Date.UTC(2026, 1, 28, 23));
		// April starts after the change to summer time: midnight is 22:00 UTC.
		expect(buckets[2]!.start).toBe(Date.UTC(2026, 2, 31, 22));
		expect(buckets[2]!.end).toBe(Date.UTC(2026, 3, 30, 22));
		buckets.slice(1).forEach((b, i) => expect(b.start).toBe(buckets[i]!.end));
	});

	it('ISO weeks from the Monday on or before the first day, across a year end', () => {
		const buckets = trendBuckets('week', '2025-12-31', '2026-01-12', 'UTC')!;
		expect(buckets.map((b) => b.day)).toEqual(['2025-12-29', '2026-01-05', '2026-01-12']);
		expect(buckets[2]!.end - buckets[2]!.start).toBe(7 * 24 * 3600 * 1000);
	});

	it('refuses unreal, reversed and too long spans', () => {
		expect(trendBuckets('month', '2026-02-30', '2026-03-01', 'UTC')).toBeNull();
		expect(trendBuckets('month', '2026-03-01', '2026-02-01', 'UTC')).toBeNull();
		expect(trendBuckets('week', '2020-01-01', '2026-01-01', 'UTC')).toBeNull();
		expect(trendBuckets('month', '2020-01-01', '2026-01-01', 'UTC')).toHaveLength(73);
	});
});
