import { describe, expect, it } from 'vitest';
import type { SessionUser } from '$lib/contract/auth';
import type { Assignment } from '$lib/contract/sync';
import type { JourneyTemplate, Location } from '$lib/domain/types';
import { openShopwalkDb } from './open-db';
import { ReferenceStore, type PulledData } from './reference-store';

const loc = (id: string, name: string): Location => ({
	id,
	name,
	kind: 'own',
	brand: 'B',
	address: 'A',
	region: 'R'
});

const template = (id: string, version: number, name = `T ${id}`): JourneyTemplate => ({
	id,
	version,
	name: { en: name },
	locationKind: 'any',
	stages: []
});

const assignment = (id: string, windowStart: number, status: Assignment['status']): Assignment => ({
	id,
	templateId: 't1',
	templateVersion: 1,
	location: loc('l1', 'North'),
	windowStart,
	windowEnd: windowStart + 10,
	brief: { en: 'Ask about warranty', pl: 'Zapytaj o gwarancję' },
	status
});

function pull(overrides: Partial<PulledData> = {}): PulledData {
	return { cursor: 100, templates: [], locations: [], assignments: [], audits: [], ...overrides };
}

const user = (id: string): SessionUser => ({
	id,
	email: `${id}@x.dk`,
	displayName: id,
	pseudonym: `P-${id}`,
	role: 'shopper',
	fieldWork: true,
	organisation: { id: 'o1', name: 'Org' }
});

const NOW = 5_000;

async function open() {
	return new ReferenceStore(await openShopwalkDb());
}

describe('ReferenceStore.applyPull', () => {
	it('stores templates by id and version, locations, assignments, reviews and the cursor', async () => {
		const store = await open();
		expect(await store.getCursor()).toBe(0);
		await store.applyPull(
			pull({
				cursor: 100,
				templates: [template('t1', 2, 'newer'), template('t1', 1)],
				locations: [loc('l2', 'South'), loc('l1', 'North')],
				assignments: [assignment('a2', 50, 'open'), assignment('a1', 20, 'open')],
				audits: [{ id: 'x', state: 'returned', revision: 3, comments: [] }]
			}),
			NOW
		);
		expect(await store.getCursor()).toBe(100);
		expect((await store.getTemplate('t1', 2))?.name.en).toBe('newer');
		expect((await store.getTemplate('t1', 1))?.name.en).toBe('T t1');
		expect(await store.getTemplate('t1', 3)).toBeUndefined();
		expect((await store.listTemplates()).map((t) => [t.id, t.version])).toEqual([
			['t1', 1],
			['t1', 2]
		]);
		expect((await store.listLocations()).map((l) => l.id)).toEqual(['l1', 'l2']);
		expect((await store.listAssignments()).map((a) => a.id)).toEqual(['a1', 'a2']);
		expect((await store.getReview('x'))?.state).toBe('returned');
	});

	it('upserts: a later pull changes statuses and keeps cancelled and done assignments', async () => {
		const store = await open();
		await store.applyPull(
			pull({ assignments: [assignment('a1', 20, 'open'), assignment('a2', 30, 'open')] }),
			NOW
		);
		await store.applyPull(
			pull({
				cursor: 200,
				assignments: [assignment('a1', 20, 'cancelled'), assignment('a2', 30, 'done')]
			}),
			NOW
		);
		expect((await store.listAssignments()).map((a) => [a.id, a.status])).toEqual([
			['a1', 'cancelled'],
			['a2', 'done']
		]);
		expect(await store.getCursor()).toBe(200);
	});

	it('never moves the cursor backwards', async () => {
		const store = await open();
		await store.applyPull(pull({ cursor: 300 }), NOW);
		await store.applyPull(pull({ cursor: 200, locations: [loc('l9', 'Late')] }), NOW);
		expect(await store.getCursor()).toBe(300);
		expect((await store.listLocations()).map((l) => l.id)).toEqual(['l9']);
	});

	it('is one transaction: a bad record stores nothing, not even the cursor', async () => {
		const store = await open();
		const broken = { ...assignment('a1', 20, 'open'), id: undefined } as unknown as Assignment;
		await expect(
			store.applyPull(
				pull({ cursor: 500, locations: [loc('l1', 'North')], assignments: [broken] }),
				NOW
			)
		).rejects.toBeDefined();
		expect(await store.getCursor()).toBe(0);
		expect(await store.listLocations()).toEqual([]);
	});
});

describe('ReferenceStore: archived template ids', () => {
	it('replaces the list with each pull’s, whole; a pull without one (older server) keeps it', async () => {
		const store = await open();
		expect(await store.getArchivedTemplateIds()).toEqual([]);
		await store.applyPull(pull({ cursor: 100, archivedTemplateIds: ['t1', 't2'] }), NOW);
		expect(await store.getArchivedTemplateIds()).toEqual(['t1', 't2']);
		// t1 restored, t3 archived: the new list, not a merge.
		await store.applyPull(pull({ cursor: 200, archivedTemplateIds: ['t2', 't3'] }), NOW);
		expect(await store.getArchivedTemplateIds()).toEqual(['t2', 't3']);
		await store.applyPull(pull({ cursor: 300 }), NOW);
		expect(await store.getArchivedTemplateIds()).toEqual(['t2', 't3']);
		await store.applyPull(pull({ cursor: 400, archivedTemplateIds: [] }), NOW);
		expect(await store.getArchivedTemplateIds()).toEqual([]);
	});

	it('goes in with the cursor: a pull that fails keeps the old list and the old cursor', async () => {
		const store = await open();
		await store.applyPull(pull({ cursor: 100, archivedTemplateIds: ['t1'] }), NOW);
		const broken = { ...assignment('a1', 20, 'open'), id: undefined } as unknown as Assignment;
		await expect(
			store.applyPull(
				pull({ cursor: 500, archivedTemplateIds: ['t2'], assignments: [broken] }),
				NOW
			)
		).rejects.toBeDefined();
		expect(await store.getCursor()).toBe(100);
		expect(await store.getArchivedTemplateIds()).toEqual(['t1']);
	});

	it('is forgotten with the rest of the pulled data on sign-out and for another user', async () => {
		const store = await open();
		await store.setUser(user('u1'));
		await store.applyPull(pull({ archivedTemplateIds: ['t1'] }), NOW);
		await store.setUser(user('u2'));
		expect(await store.getArchivedTemplateIds()).toEqual([]);
		await store.applyPull(pull({ archivedTemplateIds: ['t1'] }), NOW);
		await store.clearSession();
		expect(await store.getArchivedTemplateIds()).toEqual([]);
	});
});

describe('ReferenceStore user', () => {
	it('keeps the user offline and clears pulled data when a different user signs in', async () => {
		const store = await open();
		expect(await store.getUser()).toBeNull();
		await store.setUser(user('u1'));
		await store.applyPull(pull({ cursor: 100, locations: [loc('l1', 'North')] }), NOW);
		await store.setUser(user('u1'));
		expect(await store.getUser()).toEqual(user('u1'));
		expect(await store.getCursor()).toBe(100);

		await store.setUser(user('u2'));
		expect((await store.getUser())?.id).toBe('u2');
		expect(await store.getCursor()).toBe(0);
		expect(await store.listLocations()).toEqual([]);
	});

	it('clearSession forgets the user, cursor and pulled data', async () => {
		const store = await open();
		await store.setUser(user('u1'));
		await store.applyPull(pull({ assignments: [assignment('a1', 1, 'open')] }), NOW);
		await store.clearSession();
		expect(await store.getUser()).toBeNull();
		expect(await store.getCursor()).toBe(0);
		expect(await store.listAssignments()).toEqual([]);
	});
});

describe('ReferenceStore: briefs', () => {
	it('reads an old single-string brief already stored on the tablet as a LocalizedText', async () => {
		const db = await openShopwalkDb();
		const store = new ReferenceStore(db);
		// What a pull from before briefs had languages left in IndexedDB.
		const old = {
			...assignment('old', 10, 'open'),
			brief: 'Spørg om garantien.\n\nEN: Ask about the warranty.'
		};
		const plain = { ...assignment('plain', 20, 'open'), brief: 'Ask about the warranty.' };
		await db.put('assignments', old);
		await db.put('assignments', plain);
		await store.applyPull(pull({ assignments: [assignment('new', 30, 'open')] }), NOW);
		expect((await store.listAssignments()).map((a) => a.brief)).toEqual([
			{ en: 'Ask about the warranty.', da: 'Spørg om garantien.' },
			{ en: 'Ask about the warranty.' },
			{ en: 'Ask about warranty', pl: 'Zapytaj o gwarancję' }
		]);
		expect((await store.getAssignment('plain'))?.brief).toEqual({ en: 'Ask about the warranty.' });
		expect((await store.getAssignment('new'))?.brief.pl).toBe('Zapytaj o gwarancję');
	});
});

describe('a pull too large to spread into arguments', () => {
	it('is applied whole, and its cursor kept', async () => {
		const db = await openShopwalkDb(`big-pull-${crypto.randomUUID()}`);
		const store = new ReferenceStore(db);
		const locations = Array.from({ length: 150_000 }, (_, n) => loc(`loc-${n}`, `Store ${n}`));
		await store.applyPull(pull({ cursor: 777, locations }), 1);
		expect(await store.getCursor()).toBe(777);
		expect((await store.listLocations()).length).toBe(150_000);
		db.close();
	}, 120_000);
});
