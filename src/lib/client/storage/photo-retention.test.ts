import { describe, expect, it } from 'vitest';
import type { ServerAuditState } from '$lib/contract/sync';
import type { AuditStore } from './audit-store';
import { PHOTO_RELEASE_GRACE_MS } from './photo-retention';
import type { ShopwalkDb } from './schema';
import { bytesOf, makeAudit, makePhoto, openStore } from './test-fixtures';

const DAY = 24 * 60 * 60 * 1000;
const RECEIVED_AT = 50_000;

/**
 * An audit with two photos (hashes cached as sync does), taken to `status`; a received one
 * gets the server's review record `state` at `reviewRevision` (default: the device's).
 */
async function seed(
	db: ShopwalkDb,
	store: AuditStore,
	id: string,
	options: {
		status?: 'draft' | 'queued' | 'received';
		state?: ServerAuditState | null;
		reviewRevision?: number;
		hashed?: boolean;
	} = {}
): Promise<string[]> {
	const { status = 'received', state = 'submitted', hashed = true } = options;
	await store.createAudit(makeAudit({ id, revision: 1 }));
	const photoIds = [`${id}-p1`, `${id}-p2`];
	for (const [i, photoId] of photoIds.entries()) {
		await store.addPhoto(
			makePhoto(photoId, id, { thumb: bytesOf(16, i + 1), capturedAt: 2_000 + i }),
			bytesOf(1000, i + 1)
		);
		if (hashed) {
			const meta = (await db.get('photos', photoId))!;
			await db.put('photos', { ...meta, sha256: `hash-${photoId}` });
		}
	}
	if (status === 'draft') return photoIds;
	await store.queueForSync(id, RECEIVED_AT);
	if (status === 'queued') return photoIds;
	const revision = (await store.getAudit(id))!.revision;
	if (state === null) {
		await store.markReceived(id, RECEIVED_AT);
	} else {
		await store.markSent(id, { state, revision: options.reviewRevision ?? revision }, RECEIVED_AT);
	}
	return photoIds;
}

async function bytesKept(store: AuditStore, photoIds: string[]): Promise<boolean[]> {
	return Promise.all(photoIds.map(async (id) => (await store.getPhotoBytes(id)) !== undefined));
}

describe('releasing photo bytes the server holds', () => {
	it('releases only after the grace period, keeping metadata and thumbnails', async () => {
		const { db, store } = await openStore();
		const photoIds = await seed(db, store, 'a');
		const before = await store.listPhotos('a');

		expect(await store.releasePhotoBytes(RECEIVED_AT + PHOTO_RELEASE_GRACE_MS - 1)).toEqual([]);
		expect(await bytesKept(store, photoIds)).toEqual([true, true]);

		const at = RECEIVED_AT + PHOTO_RELEASE_GRACE_MS;
		expect((await store.releasePhotoBytes(at)).sort()).toEqual(photoIds);
		expect(await bytesKept(store, photoIds)).toEqual([false, false]);
		const after = await store.listPhotos('a');
		expect(after).toEqual(before.map((photo) => ({ ...photo, released: at })));
		expect(new Uint8Array(after[1]!.thumb)).toEqual(new Uint8Array(16).fill(2));
		expect(await store.countPhotos('a')).toBe(2);
		// The audit itself is untouched and still counted as on the server.
		expect((await store.getAudit('a'))?.status).toBe('received');
		expect(await store.pendingSummary()).toEqual({ audits: 0, photos: 0 });
	});

	it('takes an injected grace period and bounds the audits per pass, oldest first', async () => {
		const { db, store } = await openStore();
		await seed(db, store, 'a');
		await seed(db, store, 'b');
		const now = RECEIVED_AT + DAY;
		expect(await store.releasePhotoBytes(now)).toEqual([]);
		expect((await store.releasePhotoBytes(now, { graceMs: DAY, maxAudits: 1 })).length).toBe(2);
		expect((await store.releasePhotoBytes(now, { graceMs: DAY, maxAudits: 1 })).length).toBe(2);
		expect(await store.releasePhotoBytes(now, { graceMs: DAY })).toEqual([]);
	});

	it('never releases an audit that is not received, returned, or not fully confirmed', async () => {
		const { db, store } = await openStore();
		const kept = [
			...(await seed(db, store, 'draft', { status: 'draft' })),
			...(await seed(db, store, 'queued', { status: 'queued' })),
			// Received, but the server has it returned.
			...(await seed(db, store, 'returned', { state: 'returned' })),
			// The server holds an older revision: the device's last photos may not be there.
			...(await seed(db, store, 'older', { reviewRevision: 0 })),
			// No record of what the server holds.
			...(await seed(db, store, 'unknown', { state: null })),
			// A hash never computed: the manifest could not be sent without the bytes.
			...(await seed(db, store, 'unhashed', { hashed: false }))
		];
		const released = await seed(db, store, 'ok', { state: 'approved' });

		const later = RECEIVED_AT + 30 * DAY;
		expect((await store.releasePhotoBytes(later, { maxAudits: 100 })).sort()).toEqual(released);
		expect(await bytesKept(store, kept)).toEqual(kept.map(() => true));
		expect(await bytesKept(store, released)).toEqual([false, false]);
	});

	it('reports the room photos take and how many were released', async () => {
		const { db, store } = await openStore();
		await seed(db, store, 'a');
		await seed(db, store, 'b', { status: 'draft' });
		expect(await store.photoSpace()).toEqual({ bytesOnDevice: 4 * 1016, released: 0 });
		await store.releasePhotoBytes(RECEIVED_AT + PHOTO_RELEASE_GRACE_MS);
		expect(await store.photoSpace()).toEqual({ bytesOnDevice: 2 * 1016 + 2 * 16, released: 2 });
	});

	it('restores released bytes and lists the released photos of returned audits', async () => {
		const { db, store } = await openStore();
		const [p1, p2] = await seed(db, store, 'a');
		await store.releasePhotoBytes(RECEIVED_AT + PHOTO_RELEASE_GRACE_MS);
		// Still received: nothing to fetch back.
		expect(await store.listPhotosToRestore()).toEqual([]);
		await store.markReturned('a', RECEIVED_AT + PHOTO_RELEASE_GRACE_MS + 1);
		expect((await store.listPhotosToRestore()).map((p) => p.id).sort()).toEqual([p1, p2]);

		await store.restorePhotoBytes(p1!, bytesOf(1000, 1));
		expect(new Uint8Array((await store.getPhotoBytes(p1!))!.bytes)).toEqual(
			new Uint8Array(1000).fill(1)
		);
		expect((await db.get('photos', p1!))?.released).toBeUndefined();
		expect((await store.listPhotosToRestore()).map((p) => p.id)).toEqual([p2]);
		await expect(store.restorePhotoBytes('nope', bytesOf(1, 1))).rejects.toMatchObject({
			reason: 'not_found'
		});
	});
});

describe('a released photo', () => {
	it('keeps its metadata and thumbnail readable by id', async () => {
		const { db, store } = await openStore();
		const [p1] = await seed(db, store, 'a');
		await store.releasePhotoBytes(RECEIVED_AT + PHOTO_RELEASE_GRACE_MS);
		const photo = await store.getPhoto(p1!);
		expect(photo?.released).toBe(RECEIVED_AT + PHOTO_RELEASE_GRACE_MS);
		expect(new Uint8Array(photo!.thumb)).toEqual(new Uint8Array(16).fill(1));
		expect(await store.getPhoto('nope')).toBeUndefined();
	});
});
