import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../http/api-error';
import { ServiceError } from '../service-error';
import {
	changePresenceCheck,
	changeStorePosition,
	getPresenceSettings,
	parseStorePosition
} from './presence-settings';
import { pullChanges } from './sync-pull';
import { openSyncFixture, type SyncFixture } from './test-helpers';

const NOW = 1_760_000_000_000;
const STROGET = { latitude: 55.6786, longitude: 12.5747, radiusM: 150 };

async function refusal(run: Promise<unknown>): Promise<ApiFailure> {
	const error = await run.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ServiceError);
	return ApiFailure.fromServiceError(error as ServiceError);
}

describe('presence settings and what devices pull', () => {
	let f: SyncFixture;
	beforeEach(async () => {
		f = await openSyncFixture(NOW);
	});
	afterEach(async () => {
		await f.database.dispose();
	});

	it('admins turn the check on; managers set positions; shoppers, viewers and other organisations cannot', async () => {
		expect((await getPresenceSettings(f.ctx, f.a.admin, null)).enabled).toBe(false);
		expect((await refusal(changePresenceCheck(f.ctx, f.a.manager, true))).status).toBe(403);
		await changePresenceCheck(f.ctx, f.a.admin, true);
		const settings = await getPresenceSettings(f.ctx, f.a.manager, null);
		expect(settings).toMatchObject({ enabled: true, mayToggle: false });
		expect((await getPresenceSettings(f.ctx, f.a.admin, null)).mayToggle).toBe(true);
		expect((await getPresenceSettings(f.ctx, f.b.admin, null)).enabled).toBe(false);

		await changeStorePosition(f.ctx, f.a.manager, f.a.location.id, STROGET, NOW + 1);
		for (const who of [f.a.shopper, f.a.viewer]) {
			expect(
				(await refusal(changeStorePosition(f.ctx, who, f.a.location.id, null, NOW))).status
			).toBe(403);
			expect((await refusal(getPresenceSettings(f.ctx, who, null))).status).toBe(403);
		}
		// Another organisation's location is not found, and stays as it was.
		expect(
			(await refusal(changeStorePosition(f.ctx, f.b.manager, f.a.location.id, null, NOW))).code
		).toBe('location_not_found');
		const stores = (await getPresenceSettings(f.ctx, f.a.admin, null)).stores;
		expect(stores.find((s) => s.id === f.a.location.id)?.position).toEqual(STROGET);
		expect(stores.find((s) => s.id === f.a.competitor.id)?.position).toBeNull();
		expect(
			(await getPresenceSettings(f.ctx, f.b.admin, null)).stores.map((s) => s.id)
		).not.toContain(f.a.location.id);
	});

	it('parses a position, or all-empty to clear, and refuses anything else', () => {
		expect(
			parseStorePosition({ latitude: ' 55,6786', longitude: '12.5747', radius: '150' })
		).toEqual(STROGET);
		expect(parseStorePosition({ latitude: '', longitude: '', radius: '' })).toBeNull();
		for (const bad of [
			{ latitude: '91', longitude: '0', radius: '100' },
			{ latitude: '0', longitude: '-181', radius: '100' },
			{ latitude: '0', longitude: '0', radius: '5' },
			{ latitude: '0', longitude: '0', radius: '10.5' },
			{ latitude: '0', longitude: '', radius: '100' },
			{ latitude: 'north', longitude: '0', radius: '100' }
		]) {
			expect(() => parseStorePosition(bad), JSON.stringify(bad)).toThrow(ServiceError);
		}
	});

	it('pulls positions only while the check is on, only to the shopper with an open assignment there', async () => {
		await changeStorePosition(f.ctx, f.a.manager, f.a.location.id, STROGET, NOW);
		await changeStorePosition(
			f.ctx,
			f.a.manager,
			f.a.competitor.id,
			{ ...STROGET, latitude: 56 },
			NOW
		);
		expect((await pullChanges(f.ctx, f.a.shopper, 0, NOW + 1)).presence).toEqual({
			enabled: false,
			stores: []
		});
		await changePresenceCheck(f.ctx, f.a.admin, true);
		const pulled = await pullChanges(f.ctx, f.a.shopper, 0, NOW + 2);
		expect(pulled.presence).toEqual({
			enabled: true,
			stores: [{ locationId: f.a.location.id, ...STROGET }]
		});
		// The locations themselves carry no position.
		expect(JSON.stringify(pulled.locations)).not.toContain('55.6786');
		expect((await pullChanges(f.ctx, f.a.otherShopper, 0, NOW + 2)).presence).toEqual({
			enabled: true,
			stores: []
		});
		expect((await pullChanges(f.ctx, f.b.shopper, 0, NOW + 2)).presence?.enabled).toBe(false);
	});
});
