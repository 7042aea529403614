import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import NoticeList from '$lib/components/NoticeList.svelte';
import type { Assignment, PullResponse } from '$lib/contract/sync';
import { RETAIL_STORE_VISIT } from '$lib/domain/builtin-templates';
import type { Location } from '$lib/domain/types';
import { en } from '$lib/i18n/messages/en';
import { PULL_APPLY_BATCH } from '$lib/client/storage/reference-store';
import { notifications } from '$lib/state/notifications.svelte';
import { showPullFailures } from '$lib/state/sync-status.svelte';
import { FakeSyncServer, makeDevice } from '$lib/client/sync/test-harness';

// Real Chromium IndexedDB: the engine's argument limit (a RangeError near 125,000 spread
// arguments) and its transaction sizes are what this must survive, not fake-indexeddb's.

type PullTemplate = PullResponse['templates'][number];

const location = (n: number): Location => ({
	id: `loc-${n}`,
	name: `Store ${n}`,
	kind: n % 3 ? 'own' : 'competitor',
	brand: 'Nordlys',
	address: `Hovedgade ${n}`,
	region: 'Midtjylland'
});

const assignment = (n: number): Assignment => ({
	id: `as-${n}`,
	templateId: RETAIL_STORE_VISIT.id,
	templateVersion: RETAIL_STORE_VISIT.version,
	location: location(n % 500),
	windowStart: 1_000 + n,
	windowEnd: 2_000 + n,
	brief: { en: 'Ask about the warranty', da: 'Spørg om garantien' },
	status: 'open'
});

function reference() {
	const locations = Array.from({ length: 20_000 }, (_, n) => location(n));
	return {
		templates: [RETAIL_STORE_VISIT as unknown as PullTemplate],
		locations,
		assignments: Array.from({ length: 200_000 - 1 - locations.length }, (_, n) => assignment(n))
	};
}

afterEach(() => {
	vi.restoreAllMocks();
});

describe('a pull of 200,000 records in Chromium', () => {
	it('is stored whole, its cursor kept', async () => {
		const server = new FakeSyncServer();
		const device = await makeDevice({
			fetch: server.fetch,
			dbName: `scale-${crypto.randomUUID()}`
		});
		server.reference = reference();
		expect(await device.engine.pull()).toEqual({ ok: true });
		expect(await device.reference.getCursor()).toBe(server.clock);
		expect((await device.reference.listAssignments()).length).toBe(179_999);
		expect((await device.reference.listLocations()).length).toBe(20_000);
		device.db.close();
	}, 300_000);

	it('shows the user a pull the device could not store, and keeps the old cursor', async () => {
		const screen = await render(NoticeList);
		const server = new FakeSyncServer();
		const device = await makeDevice({
			fetch: server.fetch,
			dbName: `scale-${crypto.randomUUID()}`
		});
		const stop = showPullFailures(device.engine);
		server.reference = { templates: [], locations: [location(1)], assignments: [] };
		expect(await device.engine.pull()).toEqual({ ok: true });
		const before = await device.reference.getCursor();

		const big = reference();
		const poisoned = big.assignments[PULL_APPLY_BATCH * 4 + 1]!.id;
		const put = IDBObjectStore.prototype.put;
		const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
			this: IDBObjectStore,
			...args: Parameters<IDBObjectStore['put']>
		) {
			if (this.name === 'assignments' && (args[0] as { id?: string }).id === poisoned) {
				throw new DOMException('disk full', 'QuotaExceededError');
			}
			return put.apply(this, args);
		});
		server.reference = big;
		server.referenceChangedAt = server.clock + 1;
		server.clock += 60_000;
		expect(await device.engine.pull()).toEqual({ ok: false, reason: 'storage_quota_exceeded' });
		expect(await device.reference.getCursor()).toBe(before);
		await expect
			.element(screen.locator.getByRole('alert'))
			.toHaveTextContent(en['export.pull.applyFailed']);

		// Room again: the next pull is stored whole and the notice goes away.
		spy.mockRestore();
		expect(await device.engine.pull()).toEqual({ ok: true });
		expect(await device.reference.getCursor()).toBe(server.clock);
		await expect.element(screen.locator.getByRole('alert')).not.toBeInTheDocument();
		expect(notifications.items).toEqual([]);
		stop();
		device.db.close();
	}, 300_000);
});
