import { getAuditStore } from './app-services';

/** How many audits and photos on this device are not yet on the server; always on screen. */
class PendingStatus {
	#audits = $state(0);
	#photos = $state(0);

	get audits(): number {
		return this.#audits;
	}

	get photos(): number {
		return this.#photos;
	}

	async refresh(): Promise<void> {
		try {
			const summary = await (await getAuditStore()).pendingSummary();
			this.#audits = summary.audits;
			this.#photos = summary.photos;
		} catch {
			// The header keeps its last figures; the page that failed reports the error itself.
		}
	}
}

export const pendingStatus = new PendingStatus();
