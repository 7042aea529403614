import { describe, expect, it } from 'vitest';
import { createLocalLock, defaultLock, OUTBOX_LOCK_NAME } from './lock';

describe('defaultLock', () => {
	it('asks Web Locks for the outbox lock with ifAvailable and runs the work when granted', async () => {
		const asked: unknown[] = [];
		const locks = {
			request: (
				name: string,
				options: { ifAvailable: boolean },
				cb: (l: unknown) => Promise<boolean>
			) => {
				asked.push([name, options]);
				return cb({ name });
			}
		};
		let ran = false;
		expect(await defaultLock(locks)(async () => void (ran = true))).toBe(true);
		expect(ran).toBe(true);
		expect(asked).toEqual([[OUTBOX_LOCK_NAME, { ifAvailable: true }]]);
	});

	it('returns false without running the work when another tab holds the lock', async () => {
		const locks = {
			request: (_n: string, _o: unknown, cb: (l: unknown) => Promise<boolean>) => cb(null)
		};
		let ran = false;
		expect(await defaultLock(locks)(async () => void (ran = true))).toBe(false);
		expect(ran).toBe(false);
	});
});

describe('createLocalLock', () => {
	it('lets one holder in at a time and frees the lock after a failure', async () => {
		const lock = createLocalLock();
		let release!: () => void;
		const first = lock(() => new Promise<void>((resolve) => (release = resolve)));
		expect(await lock(async () => undefined)).toBe(false);
		release();
		expect(await first).toBe(true);
		await expect(lock(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		expect(await lock(async () => undefined)).toBe(true);
	});
});
