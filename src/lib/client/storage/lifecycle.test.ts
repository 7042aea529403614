import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditStatus } from '$lib/domain/types';
import type { AuditStore } from './audit-store';
import { StorageError } from './storage-errors';
import { bytesOf, makeAudit, makePhoto, openStore } from './test-fixtures';

afterEach(() => {
	vi.restoreAllMocks();
});

/** Every content change, as a call on audit `audit-1` whose photo `p1` exists. */
const contentWrites: [string, (store: AuditStore) => Promise<object | void>][] = [
	[
		'saveAnswer',
		(s) => s.saveAnswer('audit-1', { checkpointId: 'c1', value: 'no', answeredAt: 9 }, 9)
	],
	['clearAnswer', (s) => s.clearAnswer('audit-1', 'c1', 9)],
	['saveNote', (s) => s.saveNote('audit-1', 'c1', 'changed', 9)],
	['saveNote (delete)', (s) => s.saveNote('audit-1', 'c1', '', 9)],
	['updateAudit', (s) => s.updateAudit('audit-1', (a) => ({ ...a, narrative: 'x' }), 9)],
	['addPhoto', (s) => s.addPhoto(makePhoto('p2', 'audit-1', { createdAt: 9 }), bytesOf(4, 4))],
	['updatePhotoCaption', (s) => s.updatePhotoCaption('p1', 'changed', 9)],
	['deletePhoto', (s) => s.deletePhoto('p1', 9)]
];

/** A draft with an answer, a note and a photo, then moved to `status`. */
async function auditWithContent(status: AuditStatus) {
	const opened = await openStore(makeAudit());
	const { store, db } = opened;
	await store.saveAnswer('audit-1', { checkpointId: 'c1', value: 'yes', answeredAt: 2 }, 2);
	await store.saveNote('audit-1', 'c1', 'note', 3);
	await store.addPhoto(makePhoto('p1', 'audit-1', { createdAt: 4 }), bytesOf(8, 1));
	const audit = await store.getAudit('audit-1');
	await db.put('audits', { ...audit!, status });
	return opened;
}

async function snapshot(store: AuditStore) {
	return {
		audit: await store.getAudit('audit-1'),
		answers: await store.listAnswers('audit-1'),
		notes: await store.listNotes('audit-1'),
		photos: await store.listPhotos('audit-1')
	};
}

describe('content changes on non-draft audits', () => {
	for (const status of ['queued', 'uploading', 'received'] as const) {
		it.each(contentWrites)(
			`${status}: %s throws read_only and changes nothing`,
			async (_, write) => {
				const { store } = await auditWithContent(status);
				const before = await snapshot(store);
				const error = await write(store).catch((e) => e);
				expect(error).toBeInstanceOf(StorageError);
				expect(error.reason).toBe('read_only');
				expect(await snapshot(store)).toEqual(before);
			}
		);
	}

	it.each(contentWrites)('draft: %s succeeds and bumps the revision', async (_, write) => {
		const { store } = await auditWithContent('draft');
		const before = (await store.getAudit('audit-1'))!.revision;
		await write(store);
		expect(await store.getAudit('audit-1')).toMatchObject({ revision: before + 1, updatedAt: 9 });
	});
});

describe('queueForSync', () => {
	it('queues a draft with one submit entry carrying its revision', async () => {
		const { store } = await openStore(makeAudit({ revision: 6 }));
		await store.queueForSync('audit-1', 50);
		expect(await store.getAudit('audit-1')).toMatchObject({ status: 'queued', revision: 6 });
		expect(await store.listOutbox()).toEqual([
			{
				id: 'audit-1:submit',
				auditId: 'audit-1',
				kind: 'submit',
				revision: 6,
				createdAt: 50,
				idempotencyKey: 'audit-1:submit:6',
				attempts: 0,
				nextAttemptAt: 0,
				lastError: null
			}
		]);
	});

	it('is idempotent: a second call (double tap) leaves one untouched entry', async () => {
		const { store } = await openStore(makeAudit());
		await Promise.all([store.queueForSync('audit-1', 50), store.queueForSync('audit-1', 51)]);
		await store.queueForSync('audit-1', 60);
		const outbox = await store.listOutbox();
		expect(outbox).toHaveLength(1);
		expect(outbox[0]?.createdAt).toBe(50);
	});

	it('restores a missing entry of a queued audit', async () => {
		const { store } = await openStore(makeAudit({ status: 'queued' }));
		await store.queueForSync('audit-1', 70);
		expect((await store.listOutbox()).map((e) => e.id)).toEqual(['audit-1:submit']);
	});

	it('changes nothing on an uploading or received audit', async () => {
		const { store } = await openStore(
			makeAudit({ id: 'up', status: 'uploading' }),
			makeAudit({ id: 'rx', status: 'received' })
		);
		await store.queueForSync('up', 80);
		await store.queueForSync('rx', 80);
		expect(await store.listOutbox()).toEqual([]);
		expect((await store.getAudit('rx'))?.status).toBe('received');
	});

	it('writes with strict durability', async () => {
		const { store } = await openStore(makeAudit());
		const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
		await store.queueForSync('audit-1', 50);
		expect(spy).toHaveBeenCalledWith(['audits', 'outbox'], 'readwrite', { durability: 'strict' });
	});

	it('throws not_found for an unknown audit', async () => {
		const { store } = await openStore();
		await expect(store.queueForSync('nope', 1)).rejects.toMatchObject({ reason: 'not_found' });
	});
});

describe('status transitions', () => {
	it('reopenAudit takes a queued audit back to draft and removes its entry', async () => {
		const { store } = await openStore(makeAudit(), makeAudit({ id: 'other' }));
		await store.queueForSync('audit-1', 10);
		await store.queueForSync('other', 11);
		await store.reopenAudit('audit-1', 20);
		expect(await store.getAudit('audit-1')).toMatchObject({ status: 'draft', updatedAt: 20 });
		expect((await store.listOutbox()).map((e) => e.id)).toEqual(['other:submit']);
		await store.saveAnswer('audit-1', { checkpointId: 'c', value: 'yes', answeredAt: 30 }, 30);
		await store.reopenAudit('audit-1', 40);
		expect((await store.getAudit('audit-1'))?.updatedAt).toBe(30);
	});

	it.each(['uploading', 'received'] as const)('reopenAudit refuses a %s audit', async (status) => {
		const { store } = await openStore(makeAudit({ status }));
		await expect(store.reopenAudit('audit-1', 1)).rejects.toMatchObject({ reason: 'read_only' });
		expect((await store.getAudit('audit-1'))?.status).toBe(status);
	});

	it('walks queued → uploading → queued → uploading → received, removing the entry at the end', async () => {
		const { store } = await openStore(makeAudit({ revision: 3 }));
		await store.queueForSync('audit-1', 10);
		await store.markUploading('audit-1', 11);
		expect((await store.getAudit('audit-1'))?.status).toBe('uploading');
		await store.markUploadFailed('audit-1', 12);
		expect((await store.getAudit('audit-1'))?.status).toBe('queued');
		expect(await store.listOutbox()).toHaveLength(1);
		await store.markUploading('audit-1', 13);
		await store.markUploading('audit-1', 14);
		await store.markReceived('audit-1', 15);
		await store.markReceived('audit-1', 16);
		expect(await store.getAudit('audit-1')).toMatchObject({
			status: 'received',
			revision: 3,
			updatedAt: 15
		});
		expect(await store.listOutbox()).toEqual([]);
	});

	it('markReturned makes a received audit an editable draft again', async () => {
		const { store } = await openStore(makeAudit({ status: 'received', revision: 5 }));
		await store.markReturned('audit-1', 20);
		await store.markReturned('audit-1', 21);
		expect(await store.getAudit('audit-1')).toMatchObject({ status: 'draft', updatedAt: 20 });
		await store.saveNote('audit-1', 'c1', 'fixed', 30);
		expect((await store.getAudit('audit-1'))?.revision).toBe(6);
	});

	it.each<[string, AuditStatus, (s: AuditStore) => Promise<void>]>([
		['markUploading', 'draft', (s) => s.markUploading('audit-1', 1)],
		['markUploading', 'received', (s) => s.markUploading('audit-1', 1)],
		['markUploadFailed', 'draft', (s) => s.markUploadFailed('audit-1', 1)],
		['markReceived', 'draft', (s) => s.markReceived('audit-1', 1)],
		['markReturned', 'queued', (s) => s.markReturned('audit-1', 1)]
	])('%s from %s throws conflict and changes nothing', async (_, status, move) => {
		const { store } = await openStore(makeAudit({ status }));
		const error = await move(store).catch((e) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect(error.reason).toBe('conflict');
		expect((await store.getAudit('audit-1'))?.status).toBe(status);
	});
});

describe('outbox', () => {
	it('lists entries oldest first and removes one by id', async () => {
		const { store } = await openStore(makeAudit({ id: 'b' }), makeAudit({ id: 'a' }));
		await store.queueForSync('b', 10);
		await store.queueForSync('a', 20);
		expect((await store.listOutbox()).map((e) => e.id)).toEqual(['b:submit', 'a:submit']);
		await store.removeOutboxEntry('b:submit');
		await store.removeOutboxEntry('unknown');
		expect((await store.listOutbox()).map((e) => e.id)).toEqual(['a:submit']);
	});
});

describe('pendingSummary', () => {
	it('counts every audit not yet received — drafts included — and their photos', async () => {
		const { db, store } = await openStore(
			makeAudit({ id: 'draft' }),
			makeAudit({ id: 'queued' }),
			makeAudit({ id: 'uploading', status: 'uploading' }),
			makeAudit({ id: 'received', status: 'received' }),
			makeAudit({ id: 'draft-with-entry' })
		);
		for (const id of ['draft', 'queued', 'uploading', 'received', 'draft-with-entry']) {
			await db.put('audits', { ...(await store.getAudit(id))!, status: 'draft' });
			await store.addPhoto(makePhoto(`${id}-1`, id), bytesOf(1, 1));
		}
		await store.addPhoto(makePhoto('queued-2', 'queued'), bytesOf(1, 1));
		await store.queueForSync('queued', 1);
		await store.queueForSync('uploading', 1);
		await store.markUploading('uploading', 2);
		await store.queueForSync('received', 1);
		await store.markReceived('received', 2);
		// A draft exists nowhere but here; so does one with an entry left behind by a crash.
		await db.put('outbox', {
			id: 'draft-with-entry:submit',
			auditId: 'draft-with-entry',
			kind: 'submit',
			revision: 1,
			createdAt: 3,
			idempotencyKey: crypto.randomUUID(),
			attempts: 0,
			nextAttemptAt: 0,
			lastError: null
		});
		// A stale entry of a received audit does not: the server has it.
		await db.put('outbox', {
			id: 'received:submit',
			auditId: 'received',
			kind: 'submit',
			revision: 1,
			createdAt: 3,
			idempotencyKey: crypto.randomUUID(),
			attempts: 0,
			nextAttemptAt: 0,
			lastError: null
		});
		expect(await store.pendingSummary()).toEqual({ audits: 4, photos: 5 });
	});

	it('is zero on an empty device', async () => {
		const { store } = await openStore();
		expect(await store.pendingSummary()).toEqual({ audits: 0, photos: 0 });
	});
});

describe('deleteAudit', () => {
	it('removes the audit and everything of it, and nothing of other audits', async () => {
		const { db, store } = await openStore(makeAudit(), makeAudit({ id: 'audit-10' }));
		for (const id of ['audit-1', 'audit-10']) {
			await store.saveAnswer(id, { checkpointId: 'c1', value: 'yes', answeredAt: 1 }, 1);
			await store.saveNote(id, 'c1', 'note', 1);
			await store.addPhoto(makePhoto(`${id}-p`, id), bytesOf(8, 1));
			await store.queueForSync(id, 2);
		}
		await store.deleteAudit('audit-1');
		expect(await store.getAudit('audit-1')).toBeUndefined();
		for (const name of ['answers', 'notes', 'photos', 'photoBytes', 'outbox'] as const) {
			const keys = await db.getAllKeysFromIndex(name, 'by-audit', 'audit-1');
			expect(keys, name).toEqual([]);
			const others = await db.getAllKeysFromIndex(name, 'by-audit', 'audit-10');
			expect(others, name).toHaveLength(1);
		}
		expect(await store.getAudit('audit-10')).toBeDefined();
		await store.deleteAudit('audit-1');
		expect(await store.listAudits()).toHaveLength(1);
	});
});
