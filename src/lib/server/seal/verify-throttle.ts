import type { Db } from '../db/connect';
import { lockedUntil, recordFailure, type ThrottlePolicy } from '../repos/sign-in-throttle';

/**
 * Per client address: 20 checks (codes or files) within 10 minutes, then none for 10 minutes. Every
 * check counts, found or not, so guessing codes stays slow; the count is kept in the database
 * (the sign-in throttle's table, key `verify:<address>`), so instances share it.
 */
export const VERIFY_THROTTLE: ThrottlePolicy = {
	maxFailures: 20,
	windowMs: 10 * 60 * 1000,
	lockMs: 10 * 60 * 1000
};

const keyOf = (address: string | null) => `verify:${address ?? 'unknown'}`;

/**
 * Counts one check from `address`; returns the epoch ms until which it may check no more (0 when
 * this check may go ahead).
 */
export async function takeVerifyCheck(
	db: Db,
	address: string | null,
	now: number
): Promise<number> {
	const key = keyOf(address);
	const locked = await lockedUntil(db, [key], now);
	if (locked > now) return locked;
	await recordFailure(db, key, now, VERIFY_THROTTLE);
	return 0;
}
