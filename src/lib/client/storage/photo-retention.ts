import type { Audit } from '$lib/domain/types';
import type { PhotoMeta, ReviewRecord } from './records';
import { HANDED_IN_STATES } from './review-state';
import type { ShopwalkDb } from './schema';
import { StorageError } from './storage-errors';
import { requests, runTransaction } from './transaction';

/**
 * How long the full-size bytes of a received audit's photos stay on the device after the
 * server received it: long enough for a reviewer to return it while the tablet is offline.
 */
export const PHOTO_RELEASE_GRACE_MS = 7 * 24 * 60 * 60 * 1000;

/** At most this many audits have their photo bytes released in one pass. */
export const RELEASE_AUDITS_PER_PASS = 5;

export interface ReleaseOptions {
	graceMs?: number;
	maxAudits?: number;
}

/** Space the device's photos take, for the storage summary. */
export interface PhotoSpace {
	/** Full-size bytes still on the device plus every thumbnail. */
	bytesOnDevice: number;
	/** Photos whose full-size bytes were released (the server holds them). */
	released: number;
}

/**
 * The release rule: the photo bytes of `audit` may go when
 * - its device status is `received` (the submit succeeded),
 * - the server's review state is handed in (submitted, resubmitted or approved: never
 *   returned) at exactly the device's revision, so the server holds every photo the device has,
 * - every photo's SHA-256 is known (a resubmission can send the manifest without the bytes),
 * - and it was received (`updatedAt`: a received audit changes no more) `graceMs` ago or more.
 */
export function mayReleasePhotos(
	audit: Audit,
	review: ReviewRecord | undefined,
	photos: readonly PhotoMeta[],
	now: number,
	graceMs = PHOTO_RELEASE_GRACE_MS
): boolean {
	if (audit.status !== 'received' || now - audit.updatedAt < graceMs) return false;
	if (!review || !HANDED_IN_STATES.includes(review.state) || review.revision !== audit.revision) {
		return false;
	}
	return photos.every((photo) => photo.auditId === audit.id && !!photo.sha256);
}

/**
 * Releases the full-size bytes of the photos of up to `maxAudits` audits that pass
 * {@link mayReleasePhotos}, oldest received first: each photo's bytes are deleted and its
 * metadata (thumbnail, hash, caption) kept and stamped `released: now`. One transaction per
 * audit, which checks the rule again. Resolves with the ids of the released photos.
 */
export async function releasePhotoBytes(
	db: ShopwalkDb,
	now: number,
	options: ReleaseOptions = {}
): Promise<string[]> {
	const graceMs = options.graceMs ?? PHOTO_RELEASE_GRACE_MS;
	const maxAudits = options.maxAudits ?? RELEASE_AUDITS_PER_PASS;
	const candidates = await runTransaction(db, ['audits', 'photoBytes'], 'readonly', async (tx) => {
		const audits = (await tx.objectStore('audits').getAll())
			.filter((audit) => audit.status === 'received' && now - audit.updatedAt >= graceMs)
			.sort((a, b) => a.updatedAt - b.updatedAt);
		const bytes = tx.objectStore('photoBytes').index('by-audit');
		const counts = await requests(...audits.map((audit) => () => bytes.count(audit.id)));
		return audits.filter((_, i) => counts[i]! > 0).map((audit) => audit.id);
	});
	const released: string[] = [];
	for (const auditId of candidates.slice(0, maxAudits)) {
		released.push(...(await releaseAudit(db, auditId, now, graceMs)));
	}
	return released;
}

function releaseAudit(
	db: ShopwalkDb,
	auditId: string,
	now: number,
	graceMs: number
): Promise<string[]> {
	const stores = ['audits', 'reviews', 'photos', 'photoBytes'] as const;
	return runTransaction(db, [...stores], 'readwrite', async (tx) => {
		const photoStore = tx.objectStore('photos');
		const bytesStore = tx.objectStore('photoBytes');
		const [audit, review, photos, bytesKeys] = await requests(
			() => tx.objectStore('audits').get(auditId),
			() => tx.objectStore('reviews').get(auditId),
			() => photoStore.index('by-audit').getAll(auditId),
			() => bytesStore.index('by-audit').getAllKeys(auditId)
		);
		if (!audit || !mayReleasePhotos(audit, review, photos, now, graceMs)) return [];
		const withBytes = new Set(bytesKeys);
		const toRelease = photos.filter((photo) => withBytes.has(photo.id));
		await requests(
			...toRelease.map((photo) => () => bytesStore.delete(photo.id)),
			...toRelease.map((photo) => () => photoStore.put({ ...photo, released: now }))
		);
		return toRelease.map((photo) => photo.id);
	});
}

/**
 * Puts a released photo's full-size bytes back (fetched from the server) and clears its
 * `released` mark, in one transaction, in whatever status its audit is: the bytes are the
 * photo's own (the caller checked their SHA-256), so this is not a content change. A photo
 * that still has its bytes changes nothing. Throws `not_found` for an unknown photo.
 */
export function restorePhotoBytes(
	db: ShopwalkDb,
	photoId: string,
	bytes: ArrayBuffer
): Promise<void> {
	return runTransaction(db, ['photos', 'photoBytes'], 'readwrite', async (tx) => {
		const photos = tx.objectStore('photos');
		const bytesStore = tx.objectStore('photoBytes');
		const [photo, existing] = await requests(
			() => photos.get(photoId),
			() => bytesStore.getKey(photoId)
		);
		if (!photo) throw new StorageError('not_found', `No photo ${photoId}`);
		const { released, ...kept } = photo;
		if (existing !== undefined && released === undefined) return;
		await requests(
			() => bytesStore.put({ photoId, auditId: photo.auditId, bytes, type: photo.type }),
			() => photos.put(kept)
		);
	});
}

/**
 * Released photos of audits that are no longer `received` (a reviewer returned them): their
 * bytes are to be fetched back so the shopper has them while the audit is a draft again.
 */
export function listPhotosToRestore(db: ShopwalkDb): Promise<PhotoMeta[]> {
	return runTransaction(db, ['audits', 'photos'], 'readonly', async (tx) => {
		const audits = (await tx.objectStore('audits').getAll()).filter(
			(audit) => audit.status !== 'received'
		);
		const byAudit = tx.objectStore('photos').index('by-audit');
		const photos = await requests(...audits.map((audit) => () => byAudit.getAll(audit.id)));
		return photos.flat().filter((photo) => photo.released !== undefined);
	});
}

/** How much room the photos take on the device and how many had their bytes released. */
export function photoSpace(db: ShopwalkDb): Promise<PhotoSpace> {
	return runTransaction(db, ['photos'], 'readonly', async (tx) => {
		const store = tx.objectStore('photos');
		const released = await store.index('by-released').count();
		let bytesOnDevice = 0;
		let cursor = await store.openCursor();
		while (cursor) {
			const photo = cursor.value;
			bytesOnDevice +=
				photo.thumb.byteLength + (photo.released === undefined ? photo.byteLength : 0);
			cursor = await cursor.continue();
		}
		return { bytesOnDevice, released };
	});
}
