import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Assignment, PullResponse } from '$lib/contract/sync';
import { RETAIL_STORE_VISIT } from '$lib/domain/builtin-templates';
import type { Location } from '$lib/domain/types';
import { openShopwalkDb } from '$lib/client/storage/open-db';
import { PULL_APPLY_BATCH, ReferenceStore } from '$lib/client/storage/reference-store';
import { FakeSyncServer, makeDevice } from './test-harness';

type PullTemplate = PullResponse['templates'][number];

const RECORDS = 200_000;

afterEach(() => {
	vi.restoreAllMocks();
});

/** The disk fills up while one assignment is written, as a browser reports it. */
function failPutOf(assignmentId: string) {
	const put = IDBObjectStore.prototype.put;
	return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
		this: IDBObjectStore,
		...args: Parameters<IDBObjectStore['put']>
	) {
		if (this.name === 'assignments' && (args[0] as { id?: string }).id === assignmentId) {
			throw new DOMException('disk full', 'QuotaExceededError');
		}
		return put.apply(this, args);
	});
}

const location = (n: number): Location => ({
	id: `loc-${n}`,
	name: `Store ${n}`,
	kind: n % 3 ? 'own' : 'competitor',
	brand: 'Nordlys',
	address: `Hovedgade ${n}`,
	region: 'Midtjylland'
});

const assignment = (n: number, status: Assignment['status'] = 'open'): Assignment => ({
	id: `as-${n}`,
	templateId: RETAIL_STORE_VISIT.id,
	templateVersion: RETAIL_STORE_VISIT.version,
	location: location(n % 500),
	windowStart: 1_000 + n,
	windowEnd: 2_000 + n,
	brief: { en: 'Ask about the warranty', da: 'Spørg om garantien' },
	status
});

/** 200,000 records: the template, 20,000 locations and 179,999 assignments. */
function bigReference() {
	const locations = Array.from({ length: 20_000 }, (_, n) => location(n));
	const assignments = Array.from({ length: RECORDS - 1 - locations.length }, (_, n) =>
		assignment(n)
	);
	return {
		templates: [RETAIL_STORE_VISIT as unknown as PullTemplate],
		locations,
		assignments
	};
}

describe('a pull of 200,000 records on the device (fake-indexeddb)', () => {
	it('is applied in bounded batches, whole, and its cursor kept', async () => {
		const server = new FakeSyncServer();
		const device = await makeDevice({
			fetch: server.fetch,
			dbName: `scale-${crypto.randomUUID()}`
		});
		server.reference = bigReference();
		const failures: string[] = [];
		device.engine.onPullFailed((reason) => failures.push(reason));
		expect(await device.engine.pull()).toEqual({ ok: true });
		const cursor = await device.reference.getCursor();
		expect(cursor).toBeGreaterThan(0);
		expect((await device.reference.listAssignments()).length).toBe(179_999);
		expect((await device.reference.listLocations()).length).toBe(20_000);
		expect(failures).toEqual([]);
		// The next pull asks from that cursor, not from the beginning.
		server.referenceChangedAt = server.clock + 1;
		expect(await device.engine.pull()).toEqual({ ok: true });
		const sent = server.received.filter((r) => r.path === '/api/sync/pull');
		expect(sent.length).toBe(2);
		expect(await device.reference.getCursor()).toBeGreaterThanOrEqual(cursor);
		device.db.close();
	}, 240_000);

	it('tells the user when a pull cannot be stored, and keeps the old cursor', async () => {
		const server = new FakeSyncServer();
		const device = await makeDevice({
			fetch: server.fetch,
			dbName: `scale-${crypto.randomUUID()}`
		});
		server.reference = { templates: [], locations: [location(1)], assignments: [] };
		expect(await device.engine.pull()).toEqual({ ok: true });
		const before = await device.reference.getCursor();
		expect(before).toBeGreaterThan(0);

		// The disk is full when a record deep in a pull larger than one batch is written.
		const reference = bigReference();
		const poisoned = reference.assignments[PULL_APPLY_BATCH * 3 + 5]!.id;
		const spy = failPutOf(poisoned);
		server.reference = reference;
		server.referenceChangedAt = server.clock + 1;
		server.clock += 60_000;
		const failures: string[] = [];
		device.engine.onPullFailed((reason) => failures.push(reason));
		const outcome = await device.engine.pull();
		expect(outcome.ok).toBe(false);
		expect(failures.length).toBe(1);
		expect(failures[0]).toBe('storage_quota_exceeded');
		expect(outcome).toEqual({ ok: false, reason: 'storage_quota_exceeded' });
		expect(await device.reference.getCursor()).toBe(before);

		// Room again: the next pull asks from the old cursor and is applied whole.
		spy.mockRestore();
		expect(await device.engine.pull()).toEqual({ ok: true });
		expect(await device.reference.getCursor()).toBeGreaterThan(before);
		expect((await device.reference.listAssignments()).length).toBe(reference.assignments.length);
		device.db.close();
	}, 240_000);
});

describe('ReferenceStore.applyPull batches', () => {
	it('writes one batch per transaction and the cursor only with the last', async () => {
		const db = await openShopwalkDb(`batches-${crypto.randomUUID()}`);
		const store = new ReferenceStore(db);
		const transactions: string[][] = [];
		const original = db.transaction.bind(db);
		db.transaction = ((names: string[], ...rest: unknown[]) => {
			transactions.push([...names]);
			return (original as (...args: unknown[]) => unknown)(names, ...rest);
		}) as typeof db.transaction;
		const locations = Array.from({ length: PULL_APPLY_BATCH * 2 + 1 }, (_, n) => location(n));
		await store.applyPull({ cursor: 42, templates: [], locations, assignments: [], audits: [] }, 1);
		const writes = transactions.filter((names) => names.includes('locations'));
		expect(writes.length).toBe(3);
		expect(writes.slice(0, 2).every((names) => !names.includes('meta'))).toBe(true);
		expect(writes[2]).toContain('meta');
		db.transaction = original;
		expect(await store.getCursor()).toBe(42);
		expect((await store.listLocations()).length).toBe(locations.length);
		db.close();
	});
});
