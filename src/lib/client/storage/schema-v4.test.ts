import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { AuditStore } from './audit-store';
import { openShopwalkDb } from './open-db';
import { PHOTO_RELEASE_GRACE_MS } from './photo-retention';
import { DB_VERSION, runUpgradeSteps, UPGRADE_STEPS, type ShopwalkSchema } from './schema';
import { makeAudit } from './test-fixtures';

/** A version-3 database as the shipped build left it: a received audit and a draft, with photos. */
async function seedVersion3(name: string): Promise<void> {
	const db = await openDB<ShopwalkSchema>(name, 3, {
		upgrade(database, oldVersion, newVersion, tx) {
			runUpgradeSteps(database, oldVersion, 3, tx, UPGRADE_STEPS.slice(0, 3)).catch(
				() => undefined
			);
		}
	});
	await db.put('audits', makeAudit({ id: 'r1', status: 'received', revision: 2, updatedAt: 10 }));
	await db.put('audits', makeAudit({ id: 'd1', revision: 5, narrative: 'draft' }));
	await db.put('reviews', { id: 'r1', state: 'submitted', revision: 2, comments: [] });
	await db.put('answers', { auditId: 'd1', checkpointId: 'c1', value: 'no', answeredAt: 3 });
	for (const [id, auditId] of [
		['p1', 'r1'],
		['p2', 'd1']
	] as const) {
		await db.put('photos', {
			id,
			auditId,
			checkpointId: 'c1',
			kind: 'checkpoint',
			caption: `shelf ${id}`,
			capturedAt: 5,
			width: 10,
			height: 10,
			byteLength: 3,
			type: 'image/jpeg',
			thumb: new Uint8Array([9]).buffer,
			thumbType: 'image/jpeg',
			createdAt: 5,
			sha256: `hash-${id}`
		});
		await db.put('photoBytes', {
			photoId: id,
			auditId,
			bytes: new Uint8Array([1, 2, 3]).buffer,
			type: 'image/jpeg'
		});
	}
	await db.put('meta', 'device-123', 'deviceId');
	db.close();
}

describe('schema version 4', () => {
	it('upgrades a version-3 database keeping every record, with no photo released', async () => {
		await seedVersion3('v3');
		const db = await openShopwalkDb('v3');
		expect(db.version).toBe(DB_VERSION);
		expect(DB_VERSION).toBe(4);
		const store = new AuditStore(db);

		expect((await store.listAudits()).map((a) => [a.id, a.status, a.revision]).sort()).toEqual([
			['d1', 'draft', 5],
			['r1', 'received', 2]
		]);
		expect(await store.listAnswers('d1')).toHaveLength(1);
		expect((await store.listPhotos('r1')).map((p) => [p.caption, p.released])).toEqual([
			['shelf p1', undefined]
		]);
		for (const id of ['p1', 'p2']) {
			expect(new Uint8Array((await store.getPhotoBytes(id))!.bytes)).toEqual(
				new Uint8Array([1, 2, 3])
			);
		}
		expect(await db.get('meta', 'deviceId')).toBe('device-123');
		expect(await store.photoSpace()).toEqual({ bytesOnDevice: 8, released: 0 });

		// The old received audit is released through the new index; the draft keeps its bytes.
		expect(await store.releasePhotoBytes(10 + PHOTO_RELEASE_GRACE_MS)).toEqual(['p1']);
		expect(await db.countFromIndex('photos', 'by-released')).toBe(1);
		expect(await store.getPhotoBytes('p1')).toBeUndefined();
		expect(await store.getPhotoBytes('p2')).toBeDefined();
	});
});
