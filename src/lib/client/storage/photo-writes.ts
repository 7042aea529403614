import { StorageError } from './storage-errors';
import { bumped, requireAudit, requireDraft, toArrayBuffer, type BinaryInput } from './records';
import type { PhotoMeta } from './records';
import type { ShopwalkDb } from './schema';
import { requests, runTransaction } from './transaction';

/**
 * A photo to store: its metadata record, where `byteLength` (if given) is ignored in favour of
 * the real size of the bytes and the thumbnail may still be a Blob.
 */
export interface NewPhoto extends Omit<PhotoMeta, 'byteLength' | 'thumb'> {
	byteLength?: number;
	thumb: BinaryInput;
}

/** See `AuditStore.addPhoto`. */
export async function addPhoto(db: ShopwalkDb, photo: NewPhoto, bytes: BinaryInput): Promise<void> {
	const now = photo.createdAt;
	// Converted before the transaction opens: awaiting a Blob inside it would let it commit early.
	const [full, thumb] = await Promise.all([toArrayBuffer(bytes), toArrayBuffer(photo.thumb)]);
	const record: PhotoMeta = {
		id: photo.id,
		auditId: photo.auditId,
		checkpointId: photo.checkpointId,
		kind: photo.kind,
		caption: photo.caption,
		capturedAt: photo.capturedAt,
		width: photo.width,
		height: photo.height,
		byteLength: full.byteLength,
		type: photo.type,
		thumb,
		thumbType: photo.thumbType,
		createdAt: now
	};
	await runTransaction(db, ['audits', 'photos', 'photoBytes'], 'readwrite', async (tx) => {
		const audits = tx.objectStore('audits');
		const photos = tx.objectStore('photos');
		const [audit, existing] = await requests(
			() => audits.get(photo.auditId),
			() => photos.get(photo.id)
		);
		if (existing) {
			requireAudit(audit, photo.auditId);
			if (existing.auditId === photo.auditId) return;
			throw new StorageError('conflict', `Photo ${photo.id} belongs to another audit`);
		}
		const draft = requireDraft(audit, photo.auditId);
		await requests(
			() => photos.put(record),
			() =>
				tx.objectStore('photoBytes').put({
					photoId: photo.id,
					auditId: photo.auditId,
					bytes: full,
					type: photo.type
				}),
			() => audits.put(bumped(draft, now))
		);
	});
}

/** See `AuditStore.updatePhotoCaption`. */
export function updatePhotoCaption(
	db: ShopwalkDb,
	photoId: string,
	caption: string,
	now: number
): Promise<void> {
	return runTransaction(db, ['audits', 'photos'], 'readwrite', async (tx) => {
		const photos = tx.objectStore('photos');
		const audits = tx.objectStore('audits');
		const photo = await photos.get(photoId);
		if (!photo) throw new StorageError('not_found', `No photo ${photoId}`);
		const draft = requireDraft(await audits.get(photo.auditId), photo.auditId);
		await requests(
			() => photos.put({ ...photo, caption }),
			() => audits.put(bumped(draft, now))
		);
	});
}

/** See `AuditStore.deletePhoto`. */
export function deletePhoto(db: ShopwalkDb, photoId: string, now: number): Promise<void> {
	return runTransaction(db, ['audits', 'photos', 'photoBytes'], 'readwrite', async (tx) => {
		const photos = tx.objectStore('photos');
		const audits = tx.objectStore('audits');
		const photo = await photos.get(photoId);
		if (!photo) return;
		const draft = requireDraft(await audits.get(photo.auditId), photo.auditId);
		await requests(
			() => photos.delete(photoId),
			() => tx.objectStore('photoBytes').delete(photoId),
			() => audits.put(bumped(draft, now))
		);
	});
}
