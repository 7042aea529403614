import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openShopwalkDb } from '$lib/client/storage/open-db';
import { ReferenceStore, type PulledData } from '$lib/client/storage/reference-store';
import type { JourneyTemplate, Location } from '$lib/domain/types';
import { ReferenceData } from './reference-data.svelte';

// The screens' services, over a fresh fake IndexedDB per test: the new-audit list is read from
// what a pull stored, as on the tablet.
let reference: ReferenceStore;
vi.mock('./app-services', () => ({
	getDeviceServices: () => Promise.resolve({ reference })
}));

beforeEach(async () => {
	globalThis.indexedDB = new IDBFactory();
	reference = new ReferenceStore(await openShopwalkDb());
});

const store = (kind: Location['kind']): Location => ({
	id: `l-${kind}`,
	name: kind,
	kind,
	brand: 'B',
	address: 'A',
	region: 'R'
});

const template = (
	id: string,
	version: number,
	locationKind: JourneyTemplate['locationKind'] = 'any'
): JourneyTemplate => ({ id, version, name: { en: id }, locationKind, stages: [] });

function pull(cursor: number, overrides: Partial<PulledData> = {}): PulledData {
	return { cursor, templates: [], locations: [], assignments: [], audits: [], ...overrides };
}

async function offered(location: Location): Promise<string[]> {
	const data = new ReferenceData();
	await data.refresh();
	return data.templatesFor(location).map((t) => `${t.id} v${t.version}`);
}

describe('ReferenceData.templatesFor (the new-audit screen’s journeys)', () => {
	it('offers the newest version of each template for the store’s kind first, then for any', async () => {
		await reference.applyPull(
			pull(100, {
				templates: [
					template('anywhere', 1),
					template('own-only', 1, 'own'),
					template('own-only', 2, 'own'),
					template('rivals', 1, 'competitor')
				]
			}),
			0
		);
		expect(await offered(store('own'))).toEqual(['own-only v2', 'anywhere v1']);
		expect(await offered(store('competitor'))).toEqual(['rivals v1', 'anywhere v1']);
	});

	it('offers no archived journey, keeps its versions for what was started, and offers it again once restored', async () => {
		await reference.applyPull(
			pull(100, {
				templates: [template('kept', 1), template('retired', 1), template('retired', 2)],
				archivedTemplateIds: ['retired']
			}),
			0
		);
		expect(await offered(store('own'))).toEqual(['kept v1']);
		const data = new ReferenceData();
		await data.refresh();
		// Assigned visits and audits already on it still find their template.
		expect(data.templateOf('retired', 2)?.id).toBe('retired');
		expect(await reference.getTemplate('retired', 1)).toBeDefined();

		// Restored in the office: the next pull's list no longer names it.
		await reference.applyPull(pull(200, { archivedTemplateIds: [] }), 0);
		expect(await offered(store('own'))).toEqual(['kept v1', 'retired v2']);
	});

	it('hides nothing when the server sends no list (an older server)', async () => {
		await reference.applyPull(pull(100, { templates: [template('t', 1)] }), 0);
		expect(await offered(store('own'))).toEqual(['t v1']);
	});
});
