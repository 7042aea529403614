import { deleteDB, openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { AuditStore } from './audit-store';
import { openShopwalkDb } from './open-db';
import type { PhotoRecordV1 } from './records';
import {
	DB_VERSION,
	runUpgradeSteps,
	UPGRADE_STEPS,
	type ShopwalkSchema,
	type UpgradeStep
} from './schema';
import { StorageError } from './storage-errors';
import { makeAudit } from './test-fixtures';

/** Opens `name` at `version`, running only the given steps, as an older app build did. */
function openAt(name: string, version: number, steps: readonly UpgradeStep[] = UPGRADE_STEPS) {
	return openDB<ShopwalkSchema>(name, version, {
		upgrade(db, oldVersion, newVersion, tx) {
			runUpgradeSteps(db, oldVersion, newVersion ?? version, tx, steps).catch(() => undefined);
		}
	});
}

function v1Photo(id: string, auditId: string, fill: number, length: number): PhotoRecordV1 {
	return {
		id,
		auditId,
		checkpointId: id === 'receipt' ? null : 'c1',
		kind: id === 'receipt' ? 'receipt' : 'checkpoint',
		caption: `caption ${id}`,
		capturedAt: 500,
		width: 1600,
		height: 1200,
		type: 'image/jpeg',
		bytes: new Uint8Array(length).fill(fill).buffer,
		thumb: new Uint8Array(4).fill(fill).buffer,
		thumbType: 'image/jpeg',
		createdAt: 600
	};
}

/** A version-1 database holding an audit, two answers and two photos with their bytes. */
async function seedVersion1(name: string): Promise<void> {
	const db = await openAt(name, 1);
	expect([...db.objectStoreNames].sort()).toEqual(['answers', 'audits', 'photos']);
	await db.put('audits', makeAudit({ revision: 2 }));
	await db.put('answers', { auditId: 'audit-1', checkpointId: 'c1', value: 'yes', answeredAt: 1 });
	await db.put('answers', { auditId: 'audit-1', checkpointId: 'c2', value: 4, answeredAt: 2 });
	// Version 1 kept bytes inside the photo record; write the record as that build did.
	const photos = db.transaction('photos', 'readwrite');
	await photos.store.put(v1Photo('p1', 'audit-1', 3, 2048) as never);
	await photos.store.put(v1Photo('receipt', 'audit-1', 5, 512) as never);
	await photos.done;
	db.close();
}

describe('schema', () => {
	it('is at version 4 with every store and index', async () => {
		const db = await openShopwalkDb('fresh');
		expect(db.version).toBe(DB_VERSION);
		expect(DB_VERSION).toBe(4);
		expect([...db.objectStoreNames].sort()).toEqual([
			'answers',
			'assignments',
			'audits',
			'locations',
			'meta',
			'notes',
			'outbox',
			'photoBytes',
			'photos',
			'reviews',
			'templates'
		]);
		const tx = db.transaction(['audits', 'answers', 'notes', 'photos', 'photoBytes', 'outbox']);
		expect([...tx.objectStore('audits').indexNames]).toEqual(['by-updatedAt']);
		expect([...tx.objectStore('outbox').indexNames].sort()).toEqual(['by-audit', 'by-createdAt']);
		for (const name of ['answers', 'notes', 'photoBytes'] as const) {
			expect([...tx.objectStore(name).indexNames]).toEqual(['by-audit']);
		}
		expect([...tx.objectStore('photos').indexNames].sort()).toEqual(['by-audit', 'by-released']);
		expect(tx.objectStore('answers').keyPath).toEqual(['auditId', 'checkpointId']);
		expect(tx.objectStore('notes').keyPath).toEqual(['auditId', 'checkpointId']);
		expect(tx.objectStore('photoBytes').keyPath).toBe('photoId');
		await tx.done;
	});

	it('moves version-1 photo bytes into photoBytes and loses nothing', async () => {
		await seedVersion1('old');
		const db = await openShopwalkDb('old');
		expect(db.version).toBe(DB_VERSION);
		const store = new AuditStore(db);

		expect(await store.getAudit('audit-1')).toEqual(makeAudit({ revision: 2 }));
		expect(await store.listAnswers('audit-1')).toEqual([
			{ checkpointId: 'c1', value: 'yes', answeredAt: 1 },
			{ checkpointId: 'c2', value: 4, answeredAt: 2 }
		]);

		const photos = await store.listPhotos('audit-1');
		expect(photos.map((p) => p.id).sort()).toEqual(['p1', 'receipt']);
		for (const photo of photos) {
			const { bytes, ...meta } = v1Photo(photo.id, 'audit-1', photo.id === 'p1' ? 3 : 5, 0);
			expect(photo).toEqual({ ...meta, byteLength: photo.id === 'p1' ? 2048 : 512 });
			// toEqual does not compare ArrayBuffer contents; compare the thumbnail's bytes.
			expect(new Uint8Array(photo.thumb)).toEqual(new Uint8Array(meta.thumb));
			expect(photo).not.toHaveProperty('bytes');
			expect(bytes.byteLength).toBe(0);
		}
		const p1 = await db.get('photoBytes', 'p1');
		expect(p1).toMatchObject({ photoId: 'p1', auditId: 'audit-1', type: 'image/jpeg' });
		expect(new Uint8Array(p1!.bytes)).toEqual(new Uint8Array(2048).fill(3));
		const receipt = await store.getPhotoBytes('receipt');
		expect(new Uint8Array(receipt!.bytes)).toEqual(new Uint8Array(512).fill(5));

		// The new stores exist and work on the migrated data.
		await store.saveNote('audit-1', 'c1', 'after upgrade', 700);
		expect(await store.listNotes('audit-1')).toHaveLength(1);
		expect((await store.getAudit('audit-1'))?.revision).toBe(3);
		// The migrated draft and its two photos are still counted as not yet on the server.
		expect(await store.pendingSummary()).toEqual({ audits: 1, photos: 2 });
	});

	it('a failing step aborts the upgrade: the database keeps version 1 and its data', async () => {
		await seedVersion1('failing');
		const failing: UpgradeStep = async (db, tx) => {
			db.createObjectStore('notes', { keyPath: ['auditId', 'checkpointId'] });
			await tx.objectStore('photos').clear();
			throw new Error('migration bug');
		};
		await expect(openAt('failing', 2, [UPGRADE_STEPS[0]!, failing])).rejects.toBeDefined();
		const db = await openDB('failing');
		expect(db.version).toBe(1);
		expect([...db.objectStoreNames].sort()).toEqual(['answers', 'audits', 'photos']);
		expect(await db.count('photos')).toBe(2);
		db.close();
	});

	it('openShopwalkDb reports a failed upgrade as a StorageError with the step’s error', async () => {
		await seedVersion1('broken');
		const db = await openDB('broken', 1);
		const photos = db.transaction('photos', 'readwrite');
		// A v1 photo without bytes makes the v2 step throw while splitting it.
		await photos
			.objectStore('photos')
			.put({ ...v1Photo('bad', 'audit-1', 1, 1), bytes: undefined });
		await photos.done;
		db.close();
		const error = await openShopwalkDb('broken').catch((e) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect(error.message).toContain('byteLength');
		const after = await openDB('broken');
		expect(after.version).toBe(1);
		expect(await after.count('photos')).toBe(3);
		after.close();
	});

	it('refuses a version with no step', async () => {
		const error = await runUpgradeSteps(null as never, DB_VERSION, DB_VERSION + 1, {
			abort() {},
			done: Promise.resolve()
		} as never).catch((e) => e);
		expect(error).toBeInstanceOf(Error);
		expect(String(error)).toContain(`No upgrade step to schema version ${DB_VERSION + 1}`);
		await deleteDB('unused');
	});
});
