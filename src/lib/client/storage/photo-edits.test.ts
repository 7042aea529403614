import { describe, expect, it } from 'vitest';
import type { PhotoEdit } from '$lib/domain/photo-edits';
import type { ServerHolds } from './review-state';
import { StorageError } from './storage-errors';
import { bytesOf, makeAudit, makePhoto, openStore } from './test-fixtures';

const BOX: PhotoEdit = { kind: 'pixelate-box', from: { x: 0.1, y: 0.1 }, to: { x: 0.4, y: 0.4 } };
const ARROW: PhotoEdit = { kind: 'arrow', from: { x: 0.5, y: 0.5 }, to: { x: 0.8, y: 0.8 } };

function flattened(id: string, fill: number) {
	return { id, width: 40, height: 30, thumb: bytesOf(8, fill), bytes: bytesOf(2000, fill) };
}

async function withPhoto() {
	const opened = await openStore(makeAudit({ revision: 1 }));
	await opened.store.addPhoto(
		makePhoto('p1', 'audit-1', { caption: 'shelf', createdAt: 1_000 }),
		bytesOf(3000, 1)
	);
	return opened;
}

describe('edited photos', () => {
	it('replace the photo under a new id, keep the original on the device and bump the revision', async () => {
		const { db, store } = await withPhoto();
		const meta = await store.replaceEditedPhoto('p1', [BOX, ARROW], flattened('p2', 5), 9_000);
		expect(meta).toMatchObject({ id: 'p2', caption: 'shelf', createdAt: 1_000, byteLength: 2000 });
		expect(meta.edits).toEqual([BOX, ARROW]);
		expect((await store.listPhotos('audit-1')).map((p) => p.id)).toEqual(['p2']);
		expect(await store.getPhotoBytes('p1')).toBeUndefined();
		// What the device shows and uploads is the flattened JPEG …
		expect(new Uint8Array((await store.getPhotoBytes('p2'))!.bytes)).toEqual(
			new Uint8Array(2000).fill(5)
		);
		// … and the edit starts again from the untouched original.
		const start = await store.getPhotoOriginal('p2');
		expect(new Uint8Array(start!.bytes)).toEqual(new Uint8Array(3000).fill(1));
		expect(start!.edits).toEqual([BOX, ARROW]);
		expect(await store.getAudit('audit-1')).toMatchObject({ revision: 3, updatedAt: 9_000 });
		expect((await db.get('photoBytes', 'p2'))?.original?.byteLength).toBe(3000);
	});

	it('undo all: no edits left gives the original bytes back exactly, and no original copy', async () => {
		const { db, store } = await withPhoto();
		await store.replaceEditedPhoto('p1', [BOX], flattened('p2', 5), 9_000);
		const meta = await store.replaceEditedPhoto('p2', [], flattened('p3', 6), 9_500);
		expect(meta.edits).toBeUndefined();
		expect(meta.byteLength).toBe(3000);
		expect(new Uint8Array((await store.getPhotoBytes('p3'))!.bytes)).toEqual(
			new Uint8Array(3000).fill(1)
		);
		expect(await db.get('photoBytes', 'p3')).not.toHaveProperty('original');
	});

	it('a second edit still starts from the first original, not from the flattened photo', async () => {
		const { store } = await withPhoto();
		await store.replaceEditedPhoto('p1', [BOX], flattened('p2', 5), 9_000);
		await store.replaceEditedPhoto('p2', [BOX, ARROW], flattened('p3', 7), 9_100);
		const start = await store.getPhotoOriginal('p3');
		expect(new Uint8Array(start!.bytes)).toEqual(new Uint8Array(3000).fill(1));
	});

	it('are refused on an audit that is not a draft, and change nothing', async () => {
		const { store } = await withPhoto();
		await store.queueForSync('audit-1', 9_000);
		const error = await store
			.replaceEditedPhoto('p1', [BOX], flattened('p2', 5), 9_100)
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect((error as StorageError).reason).toBe('read_only');
		expect((await store.listPhotos('audit-1')).map((p) => p.id)).toEqual(['p1']);
	});

	it.each(['markReceived', 'markSent'] as const)(
		'lose their original once the server receives the audit (%s)',
		async (how) => {
			const { db, store } = await withPhoto();
			await store.replaceEditedPhoto('p1', [BOX], flattened('p2', 5), 9_000);
			await store.queueForSync('audit-1', 9_100);
			if (how === 'markReceived') await store.markReceived('audit-1', 9_200);
			else {
				const holds: ServerHolds = { state: 'submitted', revision: 3 };
				await store.markSent('audit-1', holds, 9_200, ['p2']);
			}
			const record = await db.get('photoBytes', 'p2');
			expect(record, how).not.toHaveProperty('original');
			expect(new Uint8Array(record!.bytes)).toEqual(new Uint8Array(2000).fill(5));
			// An edit after a return starts from the flattened photo, with nothing to undo.
			expect(await store.getPhotoOriginal('p2')).toMatchObject({ edits: [] });
			expect((await store.getPhotoOriginal('p2'))?.bytes.byteLength).toBe(2000);
		}
	);

	it('keep their original while the audit is only queued (it can be reopened)', async () => {
		const { db, store } = await withPhoto();
		await store.replaceEditedPhoto('p1', [BOX], flattened('p2', 5), 9_000);
		await store.queueForSync('audit-1', 9_100);
		await store.reopenAudit('audit-1', 9_200);
		expect((await db.get('photoBytes', 'p2'))?.original?.byteLength).toBe(3000);
	});
});
