import { describe, expect, it } from 'vitest';
import { OutboxStore } from './outbox-store';
import { StorageError } from './storage-errors';
import { bytesOf, makeAudit, makePhoto, openStore } from './test-fixtures';

describe('OutboxStore', () => {
	it('recordFailure puts an uploading audit back to queued and books the attempt, key kept', async () => {
		const { db, store } = await openStore(makeAudit({ id: 'a', revision: 1 }));
		const outbox = new OutboxStore(db);
		await store.queueForSync('a', 10);
		await store.markUploading('a', 11);
		const [before] = await store.listOutbox();

		await outbox.recordFailure(
			'a:submit',
			{ reason: 'server', nextAttemptAt: 500, countAttempt: true },
			12
		);
		const audit = await store.getAudit('a');
		expect(audit).toMatchObject({ status: 'queued', revision: 1, updatedAt: 12 });
		expect(await outbox.getEntry('a:submit')).toEqual({
			...before,
			attempts: 1,
			nextAttemptAt: 500,
			lastError: 'server'
		});

		await outbox.recordFailure(
			'a:submit',
			{ reason: 'unauthenticated', nextAttemptAt: 500, countAttempt: false },
			13
		);
		expect(await outbox.getEntry('a:submit')).toMatchObject({
			attempts: 1,
			lastError: 'unauthenticated',
			idempotencyKey: before!.idempotencyKey
		});
	});

	it('recordFailure on a missing entry changes nothing', async () => {
		const { db, store } = await openStore(makeAudit({ id: 'a', status: 'uploading' }));
		await new OutboxStore(db).recordFailure(
			'a:submit',
			{ reason: 'server', nextAttemptAt: 1, countAttempt: true },
			2
		);
		expect((await store.getAudit('a'))?.status).toBe('uploading');
		expect(await store.listOutbox()).toEqual([]);
	});

	it('caches a photo hash without touching the audit revision', async () => {
		const { db, store } = await openStore(makeAudit({ id: 'a', revision: 1 }));
		await store.addPhoto(makePhoto('p', 'a'), bytesOf(4, 1));
		await store.queueForSync('a', 3);
		const revision = (await store.getAudit('a'))!.revision;
		const outbox = new OutboxStore(db);
		await outbox.setPhotoSha256('p', 'f'.repeat(64));
		expect((await store.listPhotos('a'))[0]?.sha256).toBe('f'.repeat(64));
		expect((await store.getAudit('a'))!.revision).toBe(revision);
		await expect(outbox.setPhotoSha256('nope', 'f'.repeat(64))).rejects.toMatchObject({
			reason: 'not_found'
		});
		await expect(outbox.setPhotoSha256('nope', 'f'.repeat(64))).rejects.toBeInstanceOf(
			StorageError
		);
	});
});
