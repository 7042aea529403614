import { sql } from 'kysely';
import type { Db } from '../db/connect';

/** How many failures lock a key, within which window, and for how long. */
export interface ThrottlePolicy {
	maxFailures: number;
	windowMs: number;
	lockMs: number;
	/**
	 * Progressive: each failure past the limit doubles the lock (`lockMs`, 2×, 4×, …) up to this.
	 * Without it every lock is `lockMs`.
	 */
	maxLockMs?: number;
}

/** The lock a key gets at its `failures`-th failure in the window (0 below the limit). */
export function lockDurationMs(policy: ThrottlePolicy, failures: number): number {
	if (failures < policy.maxFailures) return 0;
	if (policy.maxLockMs === undefined) return policy.lockMs;
	const doublings = Math.min(failures - policy.maxFailures, 30);
	return Math.min(policy.maxLockMs, policy.lockMs * 2 ** doublings);
}

/** One throttle key's state: `email:<address>` or `ip:<address>`. */
export interface ThrottleState {
	key: string;
	failures: number;
	windowStartedAt: number;
	lockedUntil: number;
}

/** The latest `locked_until` among these keys, or 0 when none is locked at `now`. */
export async function lockedUntil(db: Db, keys: readonly string[], now: number): Promise<number> {
	if (keys.length === 0) return 0;
	const rows = await db
		.selectFrom('sign_in_throttle')
		.select('locked_until')
		.where('key', 'in', keys)
		.where('locked_until', '>', now)
		.execute();
	return rows.reduce((latest, row) => Math.max(latest, Number(row.locked_until)), 0);
}

/**
 * Counts one failed sign-in against `key` in a single upsert, so concurrent instances sharing the
 * database never lose a count. A failure after the window has passed starts a new window.
 */
export async function recordFailure(
	db: Db,
	key: string,
	now: number,
	policy: ThrottlePolicy
): Promise<ThrottleState> {
	const windowOpen = sql<boolean>`sign_in_throttle.window_started_at > ${now - policy.windowMs}`;
	const failures = sql<number>`case when ${windowOpen} then sign_in_throttle.failures + 1 else 1 end`;
	const row = await db
		.insertInto('sign_in_throttle')
		.values({
			key,
			failures: 1,
			window_started_at: now,
			locked_until: policy.maxFailures <= 1 ? now + policy.lockMs : 0
		})
		.onConflict((oc) =>
			oc.column('key').doUpdateSet({
				failures,
				window_started_at: sql<number>`case when ${windowOpen} then sign_in_throttle.window_started_at else ${now} end`,
				locked_until: sql<number>`case when ${failures} >= ${policy.maxFailures} then ${now + policy.lockMs} else sign_in_throttle.locked_until end`
			})
		)
		.returningAll()
		.executeTakeFirstOrThrow();
	let locked = Number(row.locked_until);
	const progressive = lockDurationMs(policy, Number(row.failures));
	if (policy.maxLockMs !== undefined && progressive > 0 && now + progressive !== locked) {
		locked = now + progressive;
		await db
			.updateTable('sign_in_throttle')
			.set({ locked_until: locked })
			.where('key', '=', key)
			.execute();
	}
	return {
		key: row.key,
		failures: Number(row.failures),
		windowStartedAt: Number(row.window_started_at),
		lockedUntil: locked
	};
}

/** Whether `address` is one `userId` signed in from successfully at or after `since`. */
export async function isKnownSignInAddress(
	db: Db,
	userId: string,
	address: string,
	since: number
): Promise<boolean> {
	const row = await db
		.selectFrom('sign_in_addresses')
		.select('user_id')
		.where('user_id', '=', userId)
		.where('address', '=', address)
		.where('last_success_at', '>=', since)
		.executeTakeFirst();
	return row !== undefined;
}

/** Remembers a successful sign-in of `userId` from `address`. */
export async function rememberSignInAddress(
	db: Db,
	userId: string,
	address: string,
	now: number
): Promise<void> {
	await db
		.insertInto('sign_in_addresses')
		.values({ user_id: userId, address, last_success_at: now })
		.onConflict((oc) => oc.columns(['user_id', 'address']).doUpdateSet({ last_success_at: now }))
		.execute();
}

/** Forgets addresses last used before `olderThan`; returns how many. */
export async function deleteOldSignInAddresses(db: Db, olderThan: number): Promise<number> {
	const result = await db
		.deleteFrom('sign_in_addresses')
		.where('last_success_at', '<', olderThan)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

/** Forgets a key's failures (after a successful sign-in). */
export async function clearFailures(db: Db, key: string): Promise<void> {
	await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}

/** Deletes rows whose window and lock have both passed; returns how many. */
export async function deleteStaleThrottles(db: Db, olderThan: number): Promise<number> {
	const result = await db
		.deleteFrom('sign_in_throttle')
		.where('window_started_at', '<', olderThan)
		.where('locked_until', '<', olderThan)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}
