import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditStore } from './audit-store';
import { closedReason, openShopwalkDb } from './open-db';
import { DB_VERSION, runUpgradeSteps, type ShopwalkSchema } from './schema';
import { StorageError } from './storage-errors';
import { makeAudit } from './test-fixtures';

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('openShopwalkDb', () => {
	it('closes on versionchange so another tab’s upgrade is not blocked, then reports blocked', async () => {
		const onVersionChange = vi.fn();
		const db = await openShopwalkDb('shared', { onVersionChange });
		const store = new AuditStore(db);
		await store.createAudit(makeAudit());

		// A newer build in another tab: it only opens if this connection steps aside.
		const blocked = vi.fn();
		const newer = await openDB('shared', DB_VERSION + 1, { blocked });
		expect(blocked).not.toHaveBeenCalled();
		expect(onVersionChange).toHaveBeenCalledTimes(1);
		expect(closedReason(db)).toBe('versionchange');

		const error = await store.getAudit('audit-1').catch((e) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect(error.reason).toBe('blocked');
		expect(await newer.get('audits', 'audit-1')).toMatchObject({ id: 'audit-1' });
		newer.close();
	});

	it('waits for an older connection that does not close, telling the caller it is blocked', async () => {
		// A tab of the version-1 build that never learned to close on versionchange.
		const old = await openDB<ShopwalkSchema>('legacy', 1, {
			upgrade: (db, oldVersion, _, tx) => runUpgradeSteps(db, oldVersion, 1, tx)
		});
		const onBlocked = vi.fn();
		const opening = openShopwalkDb('legacy', { onBlocked });
		await vi.waitFor(() => expect(onBlocked).toHaveBeenCalled());
		old.close();
		const db = await opening;
		expect(db.version).toBe(DB_VERSION);
		expect(closedReason(db)).toBeUndefined();
	});

	it('reports unavailable when the stored schema is newer than this code', async () => {
		const future = await openDB('future', DB_VERSION + 5);
		future.close();
		const error = await openShopwalkDb('future').catch((e) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect(error.reason).toBe('unavailable');
		expect(error.message).toContain('VersionError');
	});

	it('reports unavailable without IndexedDB', async () => {
		vi.stubGlobal('indexedDB', undefined);
		await expect(openShopwalkDb()).rejects.toMatchObject({ reason: 'unavailable' });
	});

	it('reports unavailable after the app closed the connection itself', async () => {
		const db = await openShopwalkDb();
		db.close();
		await expect(new AuditStore(db).listAudits()).rejects.toMatchObject({
			reason: 'unavailable'
		});
	});
});
