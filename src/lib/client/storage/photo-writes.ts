import type { PhotoEdit } from '$lib/domain/photo-edits';
import { StorageError } from './storage-errors';
import { bumped, requireAudit, requireDraft, toArrayBuffer, type BinaryInput } from './records';
import type { PhotoMeta } from './records';
import type { ShopwalkDb } from './schema';
import { requests, runTransaction } from './transaction';

export { dropPhotoOriginals } from './photo-originals';

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

/** The flattened photo that replaces an edited one; see `AuditStore.replaceEditedPhoto`. */
export interface EditedPhoto {
	/** A new photo id: the server refuses other bytes under an id it already knows. */
	id: string;
	width: number;
	height: number;
	thumb: BinaryInput;
	bytes: BinaryInput;
}

/** See `AuditStore.replaceEditedPhoto`. */
export async function replaceEditedPhoto(
	db: ShopwalkDb,
	photoId: string,
	edits: PhotoEdit[],
	next: EditedPhoto,
	now: number
): Promise<PhotoMeta> {
	const [flattened, thumb] = await Promise.all([
		toArrayBuffer(next.bytes),
		toArrayBuffer(next.thumb)
	]);
	return runTransaction(db, ['audits', 'photos', 'photoBytes'], 'readwrite', async (tx) => {
		const photos = tx.objectStore('photos');
		const bytesStore = tx.objectStore('photoBytes');
		const [photo, stored] = await requests(
			() => photos.get(photoId),
			() => bytesStore.get(photoId)
		);
		if (!photo) throw new StorageError('not_found', `No photo ${photoId}`);
		const audits = tx.objectStore('audits');
		const draft = requireDraft(await audits.get(photo.auditId), photo.auditId);
		if (!stored) throw new StorageError('not_found', `The bytes of photo ${photoId} are not here`);
		if (await photos.get(next.id)) throw new StorageError('conflict', `Photo ${next.id} exists`);
		// Without a kept original (never edited, or sent and returned since), the photo as it is.
		const original = stored.original ?? stored.bytes;
		// No edits left: the photo is its original again, byte for byte.
		const bytes = edits.length === 0 ? original : flattened;
		// A new photo to sync: no cached hash, not sent, not released, and its own edit list.
		const kept: PhotoMeta = { ...photo };
		delete kept.edits;
		delete kept.sha256;
		delete kept.sentAt;
		delete kept.released;
		const record: PhotoMeta = {
			...kept,
			id: next.id,
			width: next.width,
			height: next.height,
			byteLength: bytes.byteLength,
			thumb,
			thumbType: 'image/jpeg',
			...(edits.length > 0 && { edits })
		};
		await requests(
			() => photos.delete(photoId),
			() => bytesStore.delete(photoId),
			() => photos.put(record),
			() =>
				bytesStore.put({
					photoId: next.id,
					auditId: photo.auditId,
					bytes,
					type: 'image/jpeg',
					...(edits.length > 0 && { original })
				}),
			() => audits.put(bumped(draft, now))
		);
		return record;
	});
}

/** See `AuditStore.getPhotoOriginal`. */
export function getPhotoOriginal(
	db: ShopwalkDb,
	photoId: string
): Promise<{ bytes: ArrayBuffer; edits: PhotoEdit[] } | undefined> {
	return runTransaction(db, ['photos', 'photoBytes'], 'readonly', async (tx) => {
		const [photo, stored] = await requests(
			() => tx.objectStore('photos').get(photoId),
			() => tx.objectStore('photoBytes').get(photoId)
		);
		if (!photo || !stored) return undefined;
		// Once the original is gone (the server received the audit), the flattened photo is where
		// a new edit starts, with nothing of the old list to undo.
		if (stored.original === undefined) return { bytes: stored.bytes, edits: [] };
		return { bytes: stored.original, edits: photo.edits ?? [] };
	});
}
