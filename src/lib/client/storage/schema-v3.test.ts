import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { AuditStore } from './audit-store';
import { openShopwalkDb } from './open-db';
import type { OutboxEntryV2 } from './records';
import { DB_VERSION, runUpgradeSteps, UPGRADE_STEPS, type ShopwalkSchema } from './schema';
import { makeAudit } from './test-fixtures';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A version-2 database as the shipped build left it: two queued audits, a draft, photos, meta. */
async function seedVersion2(name: string): Promise<void> {
	const db = await openDB<ShopwalkSchema>(name, 2, {
		upgrade(database, oldVersion, newVersion, tx) {
			runUpgradeSteps(database, oldVersion, 2, tx, UPGRADE_STEPS.slice(0, 2)).catch(
				() => undefined
			);
		}
	});
	await db.put('audits', makeAudit({ id: 'q1', status: 'queued', revision: 4 }));
	await db.put('audits', makeAudit({ id: 'q2', status: 'uploading', revision: 2 }));
	await db.put('audits', makeAudit({ id: 'd1', revision: 7, narrative: 'draft' }));
	await db.put('answers', { auditId: 'q1', checkpointId: 'c1', value: 'no', answeredAt: 3 });
	await db.put('notes', { auditId: 'q1', checkpointId: 'c1', text: 'rude', updatedAt: 3 });
	await db.put('photos', {
		id: 'p1',
		auditId: 'q1',
		checkpointId: 'c1',
		kind: 'checkpoint',
		caption: 'shelf',
		capturedAt: 5,
		width: 10,
		height: 10,
		byteLength: 3,
		type: 'image/jpeg',
		thumb: new Uint8Array([9]).buffer,
		thumbType: 'image/jpeg',
		createdAt: 5
	});
	await db.put('photoBytes', {
		photoId: 'p1',
		auditId: 'q1',
		bytes: new Uint8Array([1, 2, 3]).buffer,
		type: 'image/jpeg'
	});
	const v2Entries: OutboxEntryV2[] = [
		{ id: 'q1:submit', auditId: 'q1', kind: 'submit', revision: 4, createdAt: 20 },
		{ id: 'q2:submit', auditId: 'q2', kind: 'submit', revision: 2, createdAt: 10 }
	];
	for (const entry of v2Entries) await db.put('outbox', entry as never);
	await db.put('meta', 'device-123', 'deviceId');
	db.close();
}

describe('schema version 3', () => {
	it('upgrades a version-2 database keeping every record and adding sync bookkeeping', async () => {
		await seedVersion2('v2');
		const db = await openShopwalkDb('v2');
		expect(db.version).toBe(DB_VERSION);
		const store = new AuditStore(db);

		expect((await store.listAudits()).map((a) => [a.id, a.status, a.revision]).sort()).toEqual([
			['d1', 'draft', 7],
			['q1', 'queued', 4],
			['q2', 'uploading', 2]
		]);
		expect(await store.listAnswers('q1')).toEqual([
			{ checkpointId: 'c1', value: 'no', answeredAt: 3 }
		]);
		expect(await store.listNotes('q1')).toEqual([
			{ checkpointId: 'c1', text: 'rude', updatedAt: 3 }
		]);
		expect((await store.listPhotos('q1')).map((p) => p.caption)).toEqual(['shelf']);
		expect(new Uint8Array((await store.getPhotoBytes('p1'))!.bytes)).toEqual(
			new Uint8Array([1, 2, 3])
		);
		expect(await db.get('meta', 'deviceId')).toBe('device-123');

		const outbox = await store.listOutbox();
		// Queue order (oldest first) survives the migration.
		expect(outbox.map((e) => e.id)).toEqual(['q2:submit', 'q1:submit']);
		for (const entry of outbox) {
			expect(entry).toMatchObject({
				kind: 'submit',
				attempts: 0,
				nextAttemptAt: 0,
				lastError: null
			});
			expect(entry.idempotencyKey).toMatch(UUID);
		}
		expect(outbox[0]!.idempotencyKey).not.toBe(outbox[1]!.idempotencyKey);
		expect(outbox[1]).toMatchObject({ auditId: 'q1', revision: 4, createdAt: 20 });
		expect(await store.pendingSummary()).toEqual({ audits: 3, photos: 1 });

		for (const name of ['templates', 'locations', 'assignments', 'reviews'] as const) {
			expect(await db.count(name)).toBe(0);
		}
		expect(db.transaction('templates').store.keyPath).toEqual(['id', 'version']);
	});
});

describe('outbox entries made by queueForSync', () => {
	it('carry the per-revision idempotency key, kept by a repeated queue and renewed with a new revision', async () => {
		const db = await openShopwalkDb();
		const store = new AuditStore(db);
		await store.createAudit(makeAudit({ id: 'a', revision: 1 }));
		await store.queueForSync('a', 5);
		const [first] = await store.listOutbox();
		expect(first).toMatchObject({ attempts: 0, nextAttemptAt: 0, lastError: null, revision: 1 });
		expect(first!.idempotencyKey).toBe('a:submit:1');

		await store.queueForSync('a', 6);
		expect(await store.listOutbox()).toEqual([first]);

		await store.reopenAudit('a', 7);
		await store.saveNote('a', 'c1', 'more', 8);
		await store.queueForSync('a', 9);
		const [second] = await store.listOutbox();
		expect(second!.revision).toBe(2);
		expect(second!.idempotencyKey).toBe('a:submit:2');
	});
});
