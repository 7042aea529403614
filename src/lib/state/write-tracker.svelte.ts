/** Counts writes to the device that have not committed yet, across every open audit. */
class WriteTracker {
	#inFlight = $state(0);

	get busy(): boolean {
		return this.#inFlight > 0;
	}

	/** Runs `write`, counting it as in flight until it settles. */
	async track<T>(write: () => Promise<T>): Promise<T> {
		this.#inFlight += 1;
		try {
			return await write();
		} finally {
			this.#inFlight -= 1;
		}
	}
}

export const writeTracker = new WriteTracker();
