import { StorageError } from './storage-errors';
import type { OutboxEntry } from './records';
import type { ShopwalkDb } from './schema';
import { runTransaction } from './transaction';

/** How a failed attempt changes an outbox entry. */
export interface AttemptFailure {
	/** Reason code to show (an ApiRequestError reason, or a local one). */
	reason: string;
	/** Epoch ms before which automatic drains leave the entry alone. */
	nextAttemptAt: number;
	/** False when the attempt says nothing about the entry (an expired session): attempts stays. */
	countAttempt: boolean;
}

/**
 * Sync bookkeeping that `AuditStore` does not offer: failed attempts on outbox entries and the
 * photo hashes the upload needs. None of it is content, so no audit revision changes.
 */
export class OutboxStore {
	readonly #db: ShopwalkDb;

	constructor(db: ShopwalkDb) {
		this.#db = db;
	}

	/** One outbox entry, or undefined. */
	getEntry(id: string): Promise<OutboxEntry | undefined> {
		return runTransaction(this.#db, ['outbox'], 'readonly', (tx) =>
			tx.objectStore('outbox').get(id)
		);
	}

	/**
	 * Records a failed attempt on the audit's submit entry and, in the same transaction, puts an
	 * `uploading` audit back to `queued`. Everything else of the audit and its entry (the
	 * idempotency key above all) stays. An audit without an entry changes nothing.
	 */
	recordFailure(entryId: string, failure: AttemptFailure, now: number): Promise<void> {
		return runTransaction(this.#db, ['audits', 'outbox'], 'readwrite', async (tx) => {
			const outbox = tx.objectStore('outbox');
			const entry = await outbox.get(entryId);
			if (!entry) return;
			const audits = tx.objectStore('audits');
			const audit = await audits.get(entry.auditId);
			if (audit?.status === 'uploading') {
				await audits.put({ ...audit, status: 'queued', updatedAt: now });
			}
			await outbox.put({
				...entry,
				attempts: entry.attempts + (failure.countAttempt ? 1 : 0),
				nextAttemptAt: failure.nextAttemptAt,
				lastError: failure.reason
			});
		});
	}

	/** Caches a photo's SHA-256. Throws `not_found` for an unknown photo. */
	setPhotoSha256(photoId: string, sha256: string): Promise<void> {
		return runTransaction(this.#db, ['photos'], 'readwrite', async (tx) => {
			const photos = tx.objectStore('photos');
			const photo = await photos.get(photoId);
			if (!photo) throw new StorageError('not_found', `No photo ${photoId}`);
			if (photo.sha256 !== sha256) await photos.put({ ...photo, sha256 });
		});
	}
}
