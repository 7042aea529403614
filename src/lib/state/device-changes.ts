/**
 * Tells open screens that something else changed the device's stored data: the sync engine
 * started sending, sent, or pulled (a return, an approval). Each view that holds stored state
 * (an open audit, the home list) reads it again, so nothing on screen outlives what is stored.
 */
export class DeviceChanges {
	readonly #listeners = new Set<() => void>();

	/** Calls `listener` on every change until the returned function is called. */
	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	emit(): void {
		for (const listener of [...this.#listeners]) {
			try {
				listener();
			} catch {
				// One broken view must not stop the others from following.
			}
		}
	}
}

export const deviceChanges = new DeviceChanges();
