import { describe, expect, it } from 'vitest';
import { StorageError } from './storage-errors';
import { bytesOf, makeAudit, makePhoto, openStore } from './test-fixtures';

const META_FIELDS = [
	'auditId',
	'byteLength',
	'caption',
	'capturedAt',
	'checkpointId',
	'createdAt',
	'height',
	'id',
	'kind',
	'thumb',
	'thumbType',
	'type',
	'width'
];

describe('photos', () => {
	it('stores metadata, thumbnail and full bytes apart, and bumps the revision', async () => {
		const { db, store } = await openStore(makeAudit({ revision: 2 }));
		await store.addPhoto(makePhoto('p1', 'audit-1', { createdAt: 5_000 }), bytesOf(4096, 9));
		const [meta] = await store.listPhotos('audit-1');
		expect(meta).toMatchObject({
			id: 'p1',
			byteLength: 4096,
			type: 'image/jpeg',
			createdAt: 5_000
		});
		expect(new Uint8Array(meta!.thumb)).toEqual(new Uint8Array(16).fill(7));
		const full = await store.getPhotoBytes('p1');
		expect(full?.type).toBe('image/jpeg');
		expect(full?.bytes).toBeInstanceOf(ArrayBuffer);
		expect(new Uint8Array(full!.bytes)).toEqual(new Uint8Array(4096).fill(9));
		expect(await db.get('photoBytes', 'p1')).toMatchObject({ photoId: 'p1', auditId: 'audit-1' });
		expect(await store.getAudit('audit-1')).toMatchObject({ revision: 3, updatedAt: 5_000 });
	});

	it('listPhotos carries no full-size bytes, only the metadata fields and the thumbnail', async () => {
		const { store } = await openStore(makeAudit());
		await store.addPhoto(makePhoto('p1', 'audit-1'), bytesOf(100_000, 1));
		const [meta] = await store.listPhotos('audit-1');
		expect(Object.keys(meta!).sort()).toEqual(META_FIELDS);
		expect(meta!.thumb.byteLength).toBe(16);
		expect(meta).not.toHaveProperty('bytes');
	});

	it('converts Blobs and typed-array views to ArrayBuffers holding exactly their bytes', async () => {
		const { store } = await openStore(makeAudit());
		const whole = new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]);
		await store.addPhoto(
			makePhoto('p1', 'audit-1', {
				thumb: new Blob([new Uint8Array([9, 9])], { type: 'image/jpeg' })
			}),
			whole.subarray(2, 5)
		);
		const [meta] = await store.listPhotos('audit-1');
		expect(meta!.thumb).toBeInstanceOf(ArrayBuffer);
		expect([...new Uint8Array(meta!.thumb)]).toEqual([9, 9]);
		expect(meta!.byteLength).toBe(3);
		const full = await store.getPhotoBytes('p1');
		expect([...new Uint8Array(full!.bytes)]).toEqual([2, 3, 4]);
		await store.addPhoto(makePhoto('p2', 'audit-1'), new Blob([new Uint8Array([5, 6])]));
		expect([...new Uint8Array((await store.getPhotoBytes('p2'))!.bytes)]).toEqual([5, 6]);
	});

	it('ignores a byteLength given by the caller in favour of the real size', async () => {
		const { store } = await openStore(makeAudit());
		await store.addPhoto(makePhoto('p1', 'audit-1', { byteLength: 1 }), bytesOf(10, 0));
		expect((await store.listPhotos('audit-1'))[0]?.byteLength).toBe(10);
	});

	it('adding the same photo twice keeps one photo and bumps the revision once', async () => {
		const { store } = await openStore(makeAudit());
		await store.addPhoto(makePhoto('p1', 'audit-1'), bytesOf(10, 1));
		await store.addPhoto(makePhoto('p1', 'audit-1', { caption: 'retry' }), bytesOf(10, 2));
		const photos = await store.listPhotos('audit-1');
		expect(photos).toHaveLength(1);
		expect(photos[0]?.caption).toBe('');
		expect(new Uint8Array((await store.getPhotoBytes('p1'))!.bytes)[0]).toBe(1);
		expect((await store.getAudit('audit-1'))?.revision).toBe(1);
	});

	it('refuses a photo id that belongs to another audit', async () => {
		const { store } = await openStore(makeAudit(), makeAudit({ id: 'audit-2' }));
		await store.addPhoto(makePhoto('p1', 'audit-1'), bytesOf(10, 1));
		const error = await store.addPhoto(makePhoto('p1', 'audit-2'), bytesOf(10, 2)).catch((e) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect(error.reason).toBe('conflict');
		expect(await store.listPhotos('audit-2')).toEqual([]);
	});

	it('refuses a photo for an unknown audit', async () => {
		const { store } = await openStore();
		await expect(store.addPhoto(makePhoto('p1', 'nope'), bytesOf(1, 1))).rejects.toMatchObject({
			reason: 'not_found'
		});
		expect(await store.countPhotos()).toBe(0);
	});

	it('lists an audit’s photos in capture order and no one else’s', async () => {
		const { store } = await openStore(makeAudit(), makeAudit({ id: 'audit-2' }));
		await store.addPhoto(makePhoto('late', 'audit-1', { capturedAt: 30 }), bytesOf(1, 1));
		await store.addPhoto(makePhoto('early', 'audit-1', { capturedAt: 10 }), bytesOf(1, 1));
		await store.addPhoto(
			makePhoto('receipt', 'audit-1', { capturedAt: 20, checkpointId: null, kind: 'receipt' }),
			bytesOf(1, 1)
		);
		await store.addPhoto(makePhoto('x', 'audit-2'), bytesOf(1, 1));
		const photos = await store.listPhotos('audit-1');
		expect(photos.map((p) => p.id)).toEqual(['early', 'receipt', 'late']);
		expect(photos[1]).toMatchObject({ checkpointId: null, kind: 'receipt' });
	});

	it('updates a caption and bumps the revision', async () => {
		const { store } = await openStore(makeAudit());
		await store.addPhoto(makePhoto('p1', 'audit-1'), bytesOf(10, 1));
		await store.updatePhotoCaption('p1', 'Dusty shelf', 7_000);
		expect((await store.listPhotos('audit-1'))[0]?.caption).toBe('Dusty shelf');
		expect(await store.getAudit('audit-1')).toMatchObject({ revision: 2, updatedAt: 7_000 });
		await expect(store.updatePhotoCaption('nope', 'x', 8_000)).rejects.toMatchObject({
			reason: 'not_found'
		});
	});

	it('deletes a photo with its bytes and bumps the revision; an unknown id changes nothing', async () => {
		const { store } = await openStore(makeAudit());
		await store.addPhoto(makePhoto('p1', 'audit-1'), bytesOf(10, 1));
		await store.addPhoto(makePhoto('p2', 'audit-1'), bytesOf(10, 1));
		await store.deletePhoto('p1', 9_000);
		expect((await store.listPhotos('audit-1')).map((p) => p.id)).toEqual(['p2']);
		expect(await store.getPhotoBytes('p1')).toBeUndefined();
		expect(await store.getPhotoBytes('p2')).toBeDefined();
		expect(await store.getAudit('audit-1')).toMatchObject({ revision: 3, updatedAt: 9_000 });
		await store.deletePhoto('p1', 9_500);
		expect(await store.getAudit('audit-1')).toMatchObject({ revision: 3, updatedAt: 9_000 });
	});

	it('counts photos on the device and per audit', async () => {
		const { store } = await openStore(makeAudit(), makeAudit({ id: 'audit-2' }));
		await store.addPhoto(makePhoto('p1', 'audit-1'), bytesOf(1, 1));
		await store.addPhoto(makePhoto('p2', 'audit-1'), bytesOf(1, 1));
		await store.addPhoto(makePhoto('p3', 'audit-2'), bytesOf(1, 1));
		expect(await store.countPhotos()).toBe(3);
		expect(await store.countPhotos('audit-1')).toBe(2);
		expect(await store.countPhotos('none')).toBe(0);
	});
});
