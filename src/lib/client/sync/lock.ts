/**
 * Runs `work` while holding the outbox lock, resolving true; or, when another holder has it,
 * resolves false at once without running `work`.
 */
export type LockFn = (work: () => Promise<void>) => Promise<boolean>;

/** The Web Locks name every tab of this origin contends for before draining the outbox. */
export const OUTBOX_LOCK_NAME = 'shopwalk-outbox';

interface LocksLike {
	request(
		name: string,
		options: { ifAvailable: boolean },
		callback: (lock: unknown) => Promise<boolean>
	): Promise<boolean>;
}

/**
 * The lock for this environment: Web Locks (`ifAvailable`, so a tab that finds another tab
 * draining returns at once) when the browser has them, otherwise a lock local to this page.
 */
export function defaultLock(locks: LocksLike | undefined = browserLocks()): LockFn {
	if (locks) {
		return (work) =>
			locks.request(OUTBOX_LOCK_NAME, { ifAvailable: true }, async (lock) => {
				if (!lock) return false;
				await work();
				return true;
			});
	}
	return createLocalLock();
}

/** A lock shared only by the callers of this function's result (one page, or one test). */
export function createLocalLock(): LockFn {
	let held = false;
	return async (work) => {
		if (held) return false;
		held = true;
		try {
			await work();
			return true;
		} finally {
			held = false;
		}
	};
}

function browserLocks(): LocksLike | undefined {
	const nav = (globalThis as { navigator?: { locks?: LocksLike } }).navigator;
	return nav?.locks;
}
