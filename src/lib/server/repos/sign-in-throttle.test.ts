import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import {
	clearFailures,
	deleteStaleThrottles,
	lockedUntil,
	recordFailure,
	type ThrottlePolicy
} from './sign-in-throttle';

const POLICY: ThrottlePolicy = { maxFailures: 3, windowMs: 1000, lockMs: 5000 };

describe('sign-in throttle repo', () => {
	let handle: TestDatabase;
	beforeAll(async () => {
		handle = await createTestDatabase();
	});
	afterAll(async () => {
		await handle.dispose();
	});

	it('counts failures within the window and locks at the limit', async () => {
		expect(await recordFailure(handle.db, 'k1', 100, POLICY)).toEqual({
			key: 'k1',
			failures: 1,
			windowStartedAt: 100,
			lockedUntil: 0
		});
		await recordFailure(handle.db, 'k1', 200, POLICY);
		expect(await lockedUntil(handle.db, ['k1'], 250)).toBe(0);
		expect(await recordFailure(handle.db, 'k1', 300, POLICY)).toMatchObject({
			failures: 3,
			lockedUntil: 5300
		});
		expect(await lockedUntil(handle.db, ['k1', 'other'], 5299)).toBe(5300);
		expect(await lockedUntil(handle.db, ['k1'], 5300)).toBe(0);
	});

	it('starts a new window once the old one has passed', async () => {
		await recordFailure(handle.db, 'k2', 0, POLICY);
		await recordFailure(handle.db, 'k2', 500, POLICY);
		expect(await recordFailure(handle.db, 'k2', 1000, POLICY)).toMatchObject({
			failures: 1,
			windowStartedAt: 1000,
			lockedUntil: 0
		});
	});

	it('loses no count when several instances record failures at once', async () => {
		const wide = { ...POLICY, maxFailures: 100 };
		await Promise.all(Array.from({ length: 10 }, () => recordFailure(handle.db, 'k3', 10, wide)));
		expect((await recordFailure(handle.db, 'k3', 10, wide)).failures).toBe(11);
	});

	it('clears a key and deletes stale rows only', async () => {
		await clearFailures(handle.db, 'k3');
		expect((await recordFailure(handle.db, 'k3', 20, POLICY)).failures).toBe(1);
		await recordFailure(handle.db, 'fresh', 1_000_000, POLICY);
		await deleteStaleThrottles(handle.db, 999_000);
		const keys = await handle.db.selectFrom('sign_in_throttle').select('key').execute();
		expect(keys.map((row) => row.key)).toEqual(['fresh']);
	});
});
