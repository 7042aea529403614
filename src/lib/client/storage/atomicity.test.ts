import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoreName } from './schema';
import { StorageError } from './storage-errors';
import { bytesOf, makeAudit, makePhoto, openStore } from './test-fixtures';

afterEach(() => {
	vi.restoreAllMocks();
});

/** Makes `put` on one object store throw, as a browser does when the disk is full. */
function failPutsOn(store: StoreName, error = new DOMException('disk full', 'QuotaExceededError')) {
	const put = IDBObjectStore.prototype.put;
	return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
		this: IDBObjectStore,
		...args: Parameters<IDBObjectStore['put']>
	) {
		if (this.name === store) throw error;
		return put.apply(this, args);
	});
}

describe('a failed write leaves the previous state intact', () => {
	it('quota error on the revision bump: the answer written before it is rolled back', async () => {
		const { store } = await openStore(makeAudit({ revision: 3, updatedAt: 100 }));
		await store.saveAnswer('audit-1', { checkpointId: 'c1', value: 'yes', answeredAt: 100 }, 100);
		const spy = failPutsOn('audits');
		const error = await store
			.saveAnswer('audit-1', { checkpointId: 'c1', value: 'no', answeredAt: 200 }, 200)
			.catch((e) => e);
		expect(spy).toHaveBeenCalled();
		spy.mockRestore();
		expect(error).toBeInstanceOf(StorageError);
		expect(error.reason).toBe('quota_exceeded');
		expect(await store.listAnswers('audit-1')).toEqual([
			{ checkpointId: 'c1', value: 'yes', answeredAt: 100 }
		]);
		expect(await store.getAudit('audit-1')).toMatchObject({ revision: 4, updatedAt: 100 });
	});

	it('quota error on the answer: the revision is not bumped', async () => {
		const { store } = await openStore(makeAudit({ revision: 3 }));
		failPutsOn('answers');
		await expect(
			store.saveAnswer('audit-1', { checkpointId: 'c1', value: 'no', answeredAt: 200 }, 200)
		).rejects.toMatchObject({ reason: 'quota_exceeded' });
		vi.restoreAllMocks();
		expect(await store.listAnswers('audit-1')).toEqual([]);
		expect((await store.getAudit('audit-1'))?.revision).toBe(3);
	});

	it('quota error on the photo bytes: no metadata, no bytes, no revision bump', async () => {
		const { store } = await openStore(makeAudit());
		failPutsOn('photoBytes');
		await expect(
			store.addPhoto(makePhoto('p1', 'audit-1'), bytesOf(1024, 1))
		).rejects.toMatchObject({ reason: 'quota_exceeded' });
		vi.restoreAllMocks();
		expect(await store.listPhotos('audit-1')).toEqual([]);
		expect(await store.getPhotoBytes('p1')).toBeUndefined();
		expect((await store.getAudit('audit-1'))?.revision).toBe(0);
	});

	it('quota error while deleting a photo: photo and bytes stay', async () => {
		const { store } = await openStore(makeAudit());
		await store.addPhoto(makePhoto('p1', 'audit-1'), bytesOf(16, 1));
		failPutsOn('audits');
		await expect(store.deletePhoto('p1', 50)).rejects.toMatchObject({ reason: 'quota_exceeded' });
		vi.restoreAllMocks();
		expect(await store.countPhotos()).toBe(1);
		expect(await store.getPhotoBytes('p1')).toBeDefined();
	});

	it('quota error while queueing: status and outbox stay as they were', async () => {
		const { store } = await openStore(makeAudit());
		failPutsOn('outbox');
		await expect(store.queueForSync('audit-1', 5)).rejects.toMatchObject({
			reason: 'quota_exceeded'
		});
		vi.restoreAllMocks();
		expect((await store.getAudit('audit-1'))?.status).toBe('draft');
		expect(await store.listOutbox()).toEqual([]);
	});

	it('an invalid key aborts the transaction', async () => {
		const { store } = await openStore(makeAudit({ revision: 1 }));
		const broken = { checkpointId: undefined as unknown as string, value: 'yes', answeredAt: 1 };
		const error = await store.saveAnswer('audit-1', broken, 2).catch((e) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect(error.reason).toBe('unknown');
		expect(error.message).toContain('DataError');
		expect(await store.getAudit('audit-1')).toMatchObject({ revision: 1, updatedAt: 1_000 });
	});

	it('a value that cannot be stored aborts the transaction', async () => {
		const { store } = await openStore(makeAudit());
		const error = await store
			.updateAudit('audit-1', (a) => ({ ...a, narrative: (() => 'x') as unknown as string }), 5)
			.catch((e) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect(await store.getAudit('audit-1')).toMatchObject({ narrative: '', revision: 0 });
	});

	it('a change function that throws changes nothing and reports unknown', async () => {
		const { store } = await openStore(makeAudit());
		const error = await store
			.updateAudit(
				'audit-1',
				() => {
					throw new Error('bug');
				},
				5
			)
			.catch((e) => e);
		expect(error).toMatchObject({ reason: 'unknown', message: 'bug' });
		expect((await store.getAudit('audit-1'))?.revision).toBe(0);
	});

	it('the store stays usable after a failed write', async () => {
		const { store } = await openStore(makeAudit());
		failPutsOn('answers');
		await store
			.saveAnswer('audit-1', { checkpointId: 'c1', value: 'no', answeredAt: 1 }, 1)
			.catch(() => undefined);
		vi.restoreAllMocks();
		await store.saveAnswer('audit-1', { checkpointId: 'c1', value: 'yes', answeredAt: 2 }, 2);
		expect(await store.listAnswers('audit-1')).toEqual([
			{ checkpointId: 'c1', value: 'yes', answeredAt: 2 }
		]);
		expect((await store.getAudit('audit-1'))?.revision).toBe(1);
	});
});
