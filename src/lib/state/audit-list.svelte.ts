import type { Audit } from '$lib/domain/types';
import { getAuditStore } from './app-services';
import { notifications } from './notifications.svelte';

export interface PendingSummary {
	audits: number;
	photos: number;
}

/** The audits kept on this device, newest first, and what of them is not yet on the server. */
export class AuditList {
	#audits = $state<Audit[]>([]);
	#pending = $state<PendingSummary>({ audits: 0, photos: 0 });
	#loaded = $state(false);

	get audits(): readonly Audit[] {
		return this.#audits;
	}

	get pending(): PendingSummary {
		return this.#pending;
	}

	get loaded(): boolean {
		return this.#loaded;
	}

	async refresh(): Promise<void> {
		try {
			const store = await getAuditStore();
			const [audits, pending] = await Promise.all([store.listAudits(), store.pendingSummary()]);
			this.#audits = audits;
			this.#pending = pending;
		} catch (error) {
			notifications.error(error);
		} finally {
			this.#loaded = true;
		}
	}

	/** Deletes a draft audit and its photos from the device. */
	async remove(auditId: string): Promise<void> {
		try {
			const store = await getAuditStore();
			await store.deleteAudit(auditId);
			await this.refresh();
		} catch (error) {
			notifications.error(error);
		}
	}
}
