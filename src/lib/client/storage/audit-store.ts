import type { PhotoEdit } from '$lib/domain/photo-edits';
import type { Answer, Audit, CheckpointNote } from '$lib/domain/types';
import { StorageError } from './storage-errors';
import { dropPhotoOriginals } from './photo-originals';
import type { EditedPhoto, NewPhoto } from './photo-writes';
import type { PhotoSpace, ReleaseOptions } from './photo-retention';
import { auditKeyRange, bumped, requireAudit, requireDraft, submitEntryId } from './records';
import { heldReview, type ServerHolds } from './review-state';
import { TRANSITIONS, transitionStatus } from './status-transitions';
import type { BinaryInput, OutboxEntry, PhotoBytesRecord, PhotoMeta } from './records';
import type { ShopwalkDb } from './schema';
import { requests, runTransaction, start } from './transaction';

/**
 * Photo retention runs after a sync, and photo writes with the first photo (like the photo
 * pipeline that makes what they store), not while a stage screen opens: each is a chunk of its
 * own, loaded on first use (before any transaction opens: each call starts its own) and
 * precached by the service worker, so offline too.
 */
const retention = () => import('./photo-retention');
const photoWrites = () => import('./photo-writes');

/** Audits and photos that are not yet on the server; see {@link AuditStore.pendingSummary}. */
export interface PendingSummary {
	audits: number;
	photos: number;
}

/** Full-size photo bytes; build a Blob with `new Blob([bytes], { type })` when needed. */
export type PhotoBytes = Pick<PhotoBytesRecord, 'bytes' | 'type'>;

/** Fields only the store changes; `updateAudit` refuses to touch them. */
const MANAGED_FIELDS = ['id', 'status', 'revision', 'createdAt'] as const;

/**
 * The tablet's audit data: audits, answers, notes, photos and the sync outbox.
 *
 * Every method resolves only after its transaction has committed, and a failed call changes
 * nothing. Every successful content call (answer, note, photo, `updateAudit`) bumps the audit's
 * `revision` by one and sets `updatedAt` to its `now`, in the same transaction as the change;
 * only a repeated `addPhoto` and a `deletePhoto` of an unknown photo change nothing. Status
 * changes set `updatedAt` but keep the revision: they are not content.
 *
 * Rule for non-draft audits: content can change only while the audit is a `draft`; otherwise
 * the call throws StorageError `read_only`. A `queued` audit goes back to `draft` with
 * `reopenAudit`; `uploading` and `received` audits stay locked until the server returns them
 * (`markReturned`). Status changes go only through the named transition methods.
 */
export class AuditStore {
	readonly #db: ShopwalkDb;

	constructor(db: ShopwalkDb) {
		this.#db = db;
	}

	/** Stores a new audit. Throws `conflict` if an audit with its id exists. */
	createAudit(audit: Audit): Promise<void> {
		return runTransaction(this.#db, ['audits'], 'readwrite', async (tx) => {
			await tx.objectStore('audits').add(audit);
		});
	}

	/** The audit, or undefined. */
	getAudit(id: string): Promise<Audit | undefined> {
		return runTransaction(this.#db, ['audits'], 'readonly', (tx) =>
			tx.objectStore('audits').get(id)
		);
	}

	/** Every audit, most recently updated first. Audits carry no photo bytes. */
	listAudits(): Promise<Audit[]> {
		return runTransaction(this.#db, ['audits'], 'readonly', async (tx) => {
			const audits = await tx.objectStore('audits').index('by-updatedAt').getAll();
			return audits.reverse();
		});
	}

	/**
	 * Applies `change` to a draft audit (narrative, timeOut, stageTimeMs, location, ...) and
	 * resolves with the stored result. `change` must be synchronous and must not alter `id`,
	 * `status`, `revision` or `createdAt` (`read_only` otherwise).
	 */
	updateAudit(auditId: string, change: (audit: Audit) => Audit, now: number): Promise<Audit> {
		return runTransaction(this.#db, ['audits'], 'readwrite', async (tx) => {
			const audits = tx.objectStore('audits');
			const current = requireDraft(await audits.get(auditId), auditId);
			const changed = change(structuredClone(current));
			for (const field of MANAGED_FIELDS) {
				if (changed[field] !== current[field]) {
					throw new StorageError('read_only', `updateAudit cannot change ${field}`);
				}
			}
			const next = bumped(changed, now);
			await audits.put(next);
			return next;
		});
	}

	/** Saves (inserts or replaces) the answer to one checkpoint of a draft audit. */
	saveAnswer(auditId: string, answer: Answer, now: number): Promise<void> {
		return runTransaction(this.#db, ['audits', 'answers'], 'readwrite', async (tx) => {
			const audits = tx.objectStore('audits');
			const record = {
				auditId,
				checkpointId: answer.checkpointId,
				value: answer.value,
				answeredAt: answer.answeredAt
			};
			// The answer is written before the status check; a refusal aborts it with the rest.
			const [audit, written] = start(
				() => audits.get(auditId),
				() => tx.objectStore('answers').put(record)
			);
			const next = bumped(requireDraft(await audit, auditId), now);
			await Promise.all([written, audits.put(next)]);
		});
	}

	/** Removes a checkpoint's answer from a draft audit (bumping the revision even if none was set). */
	clearAnswer(auditId: string, checkpointId: string, now: number): Promise<void> {
		return this.#removeCheckpointRecord('answers', auditId, checkpointId, now);
	}

	/** The audit's answers, in checkpoint-id order. */
	listAnswers(auditId: string): Promise<Answer[]> {
		return runTransaction(this.#db, ['answers'], 'readonly', async (tx) => {
			const records = await tx.objectStore('answers').getAll(auditKeyRange(auditId));
			return records.map(({ checkpointId, value, answeredAt }) => ({
				checkpointId,
				value,
				answeredAt
			}));
		});
	}

	/**
	 * Saves a checkpoint's note on a draft audit; blank text (only whitespace) deletes it
	 * (bumping the revision even if there was none).
	 */
	saveNote(auditId: string, checkpointId: string, text: string, now: number): Promise<void> {
		if (text.trim() === '')
			return this.#removeCheckpointRecord('notes', auditId, checkpointId, now);
		return runTransaction(this.#db, ['audits', 'notes'], 'readwrite', async (tx) => {
			const audits = tx.objectStore('audits');
			const [audit, written] = start(
				() => audits.get(auditId),
				() => tx.objectStore('notes').put({ auditId, checkpointId, text, updatedAt: now })
			);
			const next = bumped(requireDraft(await audit, auditId), now);
			await Promise.all([written, audits.put(next)]);
		});
	}

	/** The audit's checkpoint notes, in checkpoint-id order. */
	listNotes(auditId: string): Promise<CheckpointNote[]> {
		return runTransaction(this.#db, ['notes'], 'readonly', async (tx) => {
			const records = await tx.objectStore('notes').getAll(auditKeyRange(auditId));
			return records.map(({ checkpointId, text, updatedAt }) => ({
				checkpointId,
				text,
				updatedAt
			}));
		});
	}

	/**
	 * Stores a photo (metadata, thumbnail and full-size JPEG bytes) on a draft audit;
	 * `meta.createdAt` is the time of the change. Adding a photo id that is already stored for the
	 * same audit changes nothing, so a retried capture never makes a second photo.
	 */
	addPhoto(meta: NewPhoto, bytes: BinaryInput): Promise<void> {
		return photoWrites().then((w) => w.addPhoto(this.#db, meta, bytes));
	}

	/** Changes a photo's caption. Throws `not_found` for an unknown photo. */
	updatePhotoCaption(photoId: string, caption: string, now: number): Promise<void> {
		return photoWrites().then((w) => w.updatePhotoCaption(this.#db, photoId, caption, now));
	}

	/** Deletes a photo and its bytes. An unknown photo id changes nothing. */
	deletePhoto(photoId: string, now: number): Promise<void> {
		return photoWrites().then((w) => w.deletePhoto(this.#db, photoId, now));
	}

	/**
	 * Replaces a draft's photo with its flattened edit, in one transaction: the photo under its
	 * new id `next.id` (same checkpoint, caption and times) holds the flattened JPEG and `edits`;
	 * the unedited original moves with it, kept on this device only. With no edits left the
	 * photo gets its original bytes back. The old id is gone, so the next upload's manifest drops
	 * it and the server deletes its bytes (the server never takes other bytes under a known id).
	 * Resolves with the new metadata. Throws `read_only` unless a draft, `not_found` for an
	 * unknown photo or one whose bytes are not on the device.
	 */
	replaceEditedPhoto(
		photoId: string,
		edits: PhotoEdit[],
		next: EditedPhoto,
		now: number
	): Promise<PhotoMeta> {
		return photoWrites().then((w) => w.replaceEditedPhoto(this.#db, photoId, edits, next, now));
	}

	/**
	 * What an edit starts from: the photo's unedited original and its edit list; the photo's own
	 * bytes and no edits when no original is kept (never edited, or dropped when the server
	 * received the audit). Undefined for an unknown photo or one whose bytes were released.
	 */
	getPhotoOriginal(
		photoId: string
	): Promise<{ bytes: ArrayBuffer; edits: PhotoEdit[] } | undefined> {
		return photoWrites().then((w) => w.getPhotoOriginal(this.#db, photoId));
	}

	/** The audit's photos (metadata and thumbnails, never the full-size bytes), oldest first. */
	listPhotos(auditId: string): Promise<PhotoMeta[]> {
		return runTransaction(this.#db, ['photos'], 'readonly', async (tx) => {
			const photos = await tx.objectStore('photos').index('by-audit').getAll(auditId);
			return photos.sort(
				(a, b) => a.capturedAt - b.capturedAt || a.createdAt - b.createdAt || cmp(a.id, b.id)
			);
		});
	}

	/**
	 * A photo's full-size bytes, or undefined: gone, or released after the server received the
	 * audit (the photo's `released` is set then; see {@link AuditStore.releasePhotoBytes}).
	 */
	getPhotoBytes(photoId: string): Promise<PhotoBytes | undefined> {
		return runTransaction(this.#db, ['photoBytes'], 'readonly', async (tx) => {
			const record = await tx.objectStore('photoBytes').get(photoId);
			return record && { bytes: record.bytes, type: record.type };
		});
	}

	/**
	 * Frees the device of the full-size bytes of photos the server holds: see
	 * `mayReleasePhotos` for the rule. Metadata and thumbnails stay. Resolves with the ids of
	 * the photos released.
	 */
	releasePhotoBytes(now: number, options?: ReleaseOptions): Promise<string[]> {
		return retention().then((r) => r.releasePhotoBytes(this.#db, now, options));
	}

	/** One photo's metadata and thumbnail, or undefined. */
	getPhoto(photoId: string): Promise<PhotoMeta | undefined> {
		return runTransaction(this.#db, ['photos'], 'readonly', (tx) =>
			tx.objectStore('photos').get(photoId)
		);
	}

	/** Puts a released photo's bytes back (already checked against its SHA-256). */
	restorePhotoBytes(photoId: string, bytes: ArrayBuffer): Promise<void> {
		return retention().then((r) => r.restorePhotoBytes(this.#db, photoId, bytes));
	}

	/** Released photos of audits that are not `received` any more (returned ones). */
	listPhotosToRestore(): Promise<PhotoMeta[]> {
		return retention().then((r) => r.listPhotosToRestore(this.#db));
	}

	/** Room the photos take on the device, and how many had their bytes released. */
	photoSpace(): Promise<PhotoSpace> {
		return retention().then((r) => r.photoSpace(this.#db));
	}

	/** How many photos are stored, on one audit or (no argument) on the device. */
	countPhotos(auditId?: string): Promise<number> {
		return runTransaction(this.#db, ['photos'], 'readonly', (tx) => {
			const photos = tx.objectStore('photos');
			return auditId === undefined ? photos.count() : photos.index('by-audit').count(auditId);
		});
	}

	/**
	 * Deletes the audit and everything of it: answers, notes, photos, photo bytes and outbox
	 * entries, in whatever status. The caller confirms with the user first when the audit is not
	 * yet on the server. An unknown id changes nothing.
	 */
	deleteAudit(id: string): Promise<void> {
		const stores = ['audits', 'answers', 'notes', 'photos', 'photoBytes', 'outbox'] as const;
		return runTransaction(this.#db, [...stores], 'readwrite', async (tx) => {
			const [photoIds, bytesIds, outboxIds] = await requests(
				() => tx.objectStore('photos').index('by-audit').getAllKeys(id),
				() => tx.objectStore('photoBytes').index('by-audit').getAllKeys(id),
				() => tx.objectStore('outbox').index('by-audit').getAllKeys(id)
			);
			await requests(
				() => tx.objectStore('audits').delete(id),
				() => tx.objectStore('answers').delete(auditKeyRange(id)),
				() => tx.objectStore('notes').delete(auditKeyRange(id)),
				...photoIds.map((key) => () => tx.objectStore('photos').delete(key)),
				...bytesIds.map((key) => () => tx.objectStore('photoBytes').delete(key)),
				...outboxIds.map((key) => () => tx.objectStore('outbox').delete(key))
			);
		});
	}

	/**
	 * Submits a draft audit: status `queued` plus the outbox entry `${auditId}:submit`, written
	 * with strict durability. Idempotent: on a queued audit it only makes sure the entry exists;
	 * on an `uploading` or `received` audit it changes nothing.
	 */
	queueForSync(auditId: string, now: number): Promise<void> {
		return transitionStatus(this.#db, auditId, now, TRANSITIONS.submit);
	}

	/**
	 * Takes a queued audit back to `draft` and removes its submit entry, so it can be edited.
	 * A draft stays as it is; `uploading` and `received` audits throw `read_only`.
	 */
	reopenAudit(auditId: string, now: number): Promise<void> {
		return transitionStatus(this.#db, auditId, now, TRANSITIONS.reopen);
	}

	/** Sync has started sending a queued audit. Also accepted again after an interrupted upload. */
	markUploading(auditId: string, now: number): Promise<void> {
		return transitionStatus(this.#db, auditId, now, TRANSITIONS.uploading);
	}

	/** The upload failed; the audit waits in `queued` (its submit entry kept) for the next try. */
	markUploadFailed(auditId: string, now: number): Promise<void> {
		return transitionStatus(this.#db, auditId, now, TRANSITIONS.uploadFailed);
	}

	/** The server has the audit: status `received` and the submit entry removed, atomically. */
	markReceived(auditId: string, now: number): Promise<void> {
		return transitionStatus(this.#db, auditId, now, TRANSITIONS.received);
	}

	/**
	 * The server holds the audit as handed in (`holds`: a submit's answer, a replay, or an
	 * `audit_locked` refusal): status `received`, the submit entry removed and the server's state
	 * and revision recorded beside its review comments, all in one transaction. A received audit
	 * only gets the record. The device's content is kept as it is, even when it is newer than
	 * `holds.revision` (changes made after a submit whose answer was lost): it goes up again if
	 * the audit is returned. Throws `conflict` for a draft.
	 */
	markSent(
		auditId: string,
		holds: ServerHolds,
		now: number,
		sentPhotoIds: readonly string[] = []
	): Promise<void> {
		const stores = ['audits', 'outbox', 'reviews', 'photos', 'photoBytes'] as const;
		return runTransaction(this.#db, [...stores], 'readwrite', async (tx) => {
			const audit = requireAudit(await tx.objectStore('audits').get(auditId), auditId);
			if (audit.status === 'draft') {
				throw new StorageError('conflict', `Audit ${auditId} is a draft; it was not sent`);
			}
			if (audit.status !== 'received') await dropPhotoOriginals(tx, auditId);
			const reviews = tx.objectStore('reviews');
			const review = heldReview(auditId, holds, await reviews.get(auditId));
			await requests(
				() =>
					audit.status === 'received'
						? Promise.resolve()
						: tx.objectStore('audits').put({ ...audit, status: 'received', updatedAt: now }),
				() => tx.objectStore('outbox').delete(submitEntryId(auditId)),
				() => (review ? reviews.put(review) : Promise.resolve())
			);
			// The server accepted the submit with these photos stored: they are no longer pending.
			const photos = tx.objectStore('photos');
			for (const photoId of sentPhotoIds) {
				const photo = await photos.get(photoId);
				if (photo && photo.auditId === auditId && photo.sentAt === undefined) {
					await photos.put({ ...photo, sentAt: now });
				}
			}
		});
	}

	/** A reviewer returned a received audit: it is a draft again. On a draft it changes nothing. */
	markReturned(auditId: string, now: number): Promise<void> {
		return transitionStatus(this.#db, auditId, now, TRANSITIONS.returned);
	}

	/** Every outbox entry, oldest first. */
	listOutbox(): Promise<OutboxEntry[]> {
		return runTransaction(this.#db, ['outbox'], 'readonly', (tx) =>
			tx.objectStore('outbox').index('by-createdAt').getAll()
		);
	}

	/** Removes an outbox entry. An unknown id changes nothing. */
	removeOutboxEntry(id: string): Promise<void> {
		return runTransaction(this.#db, ['outbox'], 'readwrite', async (tx) => {
			await tx.objectStore('outbox').delete(id);
		});
	}

	/**
	 * What is on this device and not yet on the server, for the always-visible "not synced"
	 * badge: every audit whose status is not `received` — drafts included, since a draft exists
	 * nowhere else — and the photos of those audits.
	 */
	pendingSummary(): Promise<PendingSummary> {
		return runTransaction(this.#db, ['audits', 'photos'], 'readonly', async (tx) => {
			const audits = await tx.objectStore('audits').getAll();
			const pending = audits.filter((audit) => audit.status !== 'received');
			const byAudit = tx.objectStore('photos').index('by-audit');
			// Photos the server already holds (sent before a return) are not pending.
			const lists = await requests(...pending.map((audit) => () => byAudit.getAll(audit.id)));
			const photos = lists.reduce(
				(sum, list) => sum + list.filter((photo) => photo.sentAt === undefined).length,
				0
			);
			return { audits: pending.length, photos };
		});
	}

	#removeCheckpointRecord(
		store: 'answers' | 'notes',
		auditId: string,
		checkpointId: string,
		now: number
	): Promise<void> {
		return runTransaction(this.#db, ['audits', store], 'readwrite', async (tx) => {
			const audits = tx.objectStore('audits');
			const [audit, deleted] = start(
				() => audits.get(auditId),
				() => tx.objectStore(store).delete([auditId, checkpointId])
			);
			const next = bumped(requireDraft(await audit, auditId), now);
			await Promise.all([deleted, audits.put(next)]);
		});
	}
}

function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

export type { NewPhoto, PhotoSpace };
