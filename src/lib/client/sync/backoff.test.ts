import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffDelay } from './backoff';

describe('backoffDelay', () => {
	it('draws uniformly below a ceiling that doubles from 30 s', () => {
		const almostOne = () => 0.999_999;
		expect(backoffDelay(1, almostOne)).toBe(Math.floor(0.999_999 * BACKOFF_BASE_MS));
		expect(backoffDelay(2, almostOne)).toBe(Math.floor(0.999_999 * 60_000));
		expect(backoffDelay(3, almostOne)).toBe(Math.floor(0.999_999 * 120_000));
		expect(backoffDelay(2, () => 0.5)).toBe(30_000);
	});

	it('never exceeds 10 minutes however many attempts failed', () => {
		expect(backoffDelay(6, () => 0.999_999)).toBeLessThan(BACKOFF_CAP_MS);
		expect(backoffDelay(6, () => 0.999_999)).toBeGreaterThan(BACKOFF_CAP_MS - 10);
		expect(backoffDelay(500, () => 0.999_999)).toBeLessThan(BACKOFF_CAP_MS);
	});

	it('waits at least a second when the jitter draws zero', () => {
		expect(backoffDelay(1, () => 0)).toBe(1_000);
	});
});
