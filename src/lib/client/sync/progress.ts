/** What the sync engine is doing, for the UI. */
export type SyncState = 'idle' | 'syncing' | 'waiting' | 'needs_sign_in' | 'error';

export interface SyncProgress {
	/**
	 * `idle`: nothing due; `syncing`: sending; `waiting`: the network failed, the next try is at
	 * `nextAttemptAt`; `needs_sign_in`: the session expired, nothing is lost, sign in again;
	 * `error`: an audit was refused (its outbox entry's `lastError` says why) or the device
	 * failed locally.
	 */
	state: SyncState;
	/** The audit being sent. */
	current?: { auditId: string; photosDone: number; photosTotal: number };
	nextAttemptAt?: number;
	/** Reason code of the last failure. */
	lastError?: string;
}

export type ProgressListener = (progress: SyncProgress) => void;

/** Holds the latest progress and tells listeners of every change. */
export class ProgressEmitter {
	#progress: SyncProgress = { state: 'idle' };
	readonly #listeners = new Set<ProgressListener>();

	get value(): SyncProgress {
		return this.#progress;
	}

	set(progress: SyncProgress): void {
		this.#progress = progress;
		for (const listener of [...this.#listeners]) {
			try {
				listener(progress);
			} catch {
				// A broken listener must not stop sync or the other listeners.
			}
		}
	}

	/** Calls `listener` now and on every change; returns the unsubscribe function. */
	subscribe(listener: ProgressListener): () => void {
		this.#listeners.add(listener);
		listener(this.#progress);
		return () => this.#listeners.delete(listener);
	}
}
