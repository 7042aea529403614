import type { AuditStore } from '$lib/client/storage/audit-store';
import type { ReviewRecord } from '$lib/client/storage/records';
import type { ReferenceStore } from '$lib/client/storage/reference-store';
import type { Audit } from '$lib/domain/types';
import { getDeviceServices } from './app-services';
import { notifications } from './notifications.svelte';
import { auditBadge, NO_REVIEW, reviewView, type AuditBadge, type ReviewView } from './review-view';

export interface PendingSummary {
	audits: number;
	photos: number;
}

/** What the list reads from the device. */
export interface AuditListDeps {
	audits: Pick<AuditStore, 'listAudits' | 'pendingSummary' | 'deleteAudit'>;
	reference: Pick<ReferenceStore, 'listReviews'>;
}

/**
 * The audits kept on this device, newest first, what of them is not yet on the server, and
 * the review state of each (returned with comments, approved), all from IndexedDB.
 */
export class AuditList {
	#deps: () => Promise<AuditListDeps>;
	#audits = $state.raw<Audit[]>([]);
	#reviews = $state.raw<ReadonlyMap<string, ReviewRecord>>(new Map());
	#pending = $state<PendingSummary>({ audits: 0, photos: 0 });
	#loaded = $state(false);

	constructor(deps: () => Promise<AuditListDeps> = getDeviceServices) {
		this.#deps = deps;
	}

	get audits(): readonly Audit[] {
		return this.#audits;
	}

	get pending(): PendingSummary {
		return this.#pending;
	}

	get loaded(): boolean {
		return this.#loaded;
	}

	/** The latest review round of an audit: open comments, addressed, approved or none. */
	reviewOf(audit: Audit): ReviewView {
		const review = this.#reviews.get(audit.id);
		return review ? reviewView(review, audit) : NO_REVIEW;
	}

	/** What the list shows for an audit: its device status, "returned — N comments" or approved. */
	badgeOf(audit: Audit): AuditBadge {
		return auditBadge(audit, this.reviewOf(audit));
	}

	async refresh(): Promise<void> {
		try {
			const { audits: store, reference } = await this.#deps();
			const [audits, pending, reviews] = await Promise.all([
				store.listAudits(),
				store.pendingSummary(),
				reference.listReviews()
			]);
			this.#audits = audits;
			this.#pending = pending;
			this.#reviews = new Map(reviews.map((review) => [review.id, review]));
		} catch (error) {
			notifications.error(error);
		} finally {
			this.#loaded = true;
		}
	}

	/** Deletes a draft audit and its photos from the device. */
	async remove(auditId: string): Promise<void> {
		try {
			const { audits: store } = await this.#deps();
			await store.deleteAudit(auditId);
			await this.refresh();
		} catch (error) {
			notifications.error(error);
		}
	}
}
