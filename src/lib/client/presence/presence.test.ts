import { describe, expect, it } from 'vitest';
import type { SessionUser } from '$lib/contract/auth';
import { openShopwalkDb } from '$lib/client/storage/open-db';
import { ReferenceStore, type PulledData } from '$lib/client/storage/reference-store';
import { readPresence } from './read-presence';

const STORE = { locationId: 'loc-1', latitude: 55.6786, longitude: 12.5747, radiusM: 150 };

/** A Geolocation that answers once with `position`, or fails with `code`. */
function geolocation(
	answer: { latitude: number; longitude: number; accuracy: number } | { code: number }
) {
	const asked: PositionOptions[] = [];
	const fake = {
		asked,
		getCurrentPosition(
			ok: PositionCallback,
			fail?: PositionErrorCallback | null,
			options?: PositionOptions
		) {
			asked.push(options ?? {});
			if ('code' in answer)
				fail?.({ code: answer.code, message: 'no' } as GeolocationPositionError);
			else ok({ coords: answer, timestamp: 1 } as unknown as GeolocationPosition);
		}
	};
	return fake as unknown as Geolocation & { asked: PositionOptions[] };
}

describe('readPresence', () => {
	it('keeps only the outcome and band of one reading, asked once with a timeout and no cached fix', async () => {
		const geo = geolocation({ latitude: 55.67912, longitude: 12.57633, accuracy: 18 });
		const outcome = await readPresence(STORE, 42, geo);
		expect(outcome).toEqual({ outcome: 'within', accuracy: 'le50', checkedAt: 42 });
		expect(geo.asked).toEqual([{ enableHighAccuracy: true, timeout: 10_000, maximumAge: 0 }]);
		const away = await readPresence(
			STORE,
			43,
			geolocation({ latitude: 55.7, longitude: 12.6, accuracy: 300 })
		);
		expect(away).toEqual({ outcome: 'outside', accuracy: 'gt200', checkedAt: 43 });
	});

	it('is unavailable after a refusal, a timeout, or without geolocation', async () => {
		for (const code of [1, 2, 3]) {
			expect(await readPresence(STORE, 7, geolocation({ code }))).toEqual({
				outcome: 'unavailable',
				accuracy: null,
				checkedAt: 7
			});
		}
		expect((await readPresence(STORE, 7, undefined)).outcome).toBe('unavailable');
	});
});

const user = (id: string): SessionUser => ({
	id,
	email: `${id}@x.dk`,
	displayName: id,
	pseudonym: `P-${id}`,
	role: 'shopper',
	fieldWork: true,
	organisation: { id: 'o1', name: 'Org' }
});

const pull = (presence?: PulledData['presence']): PulledData => ({
	cursor: 100,
	templates: [],
	locations: [],
	assignments: [],
	audits: [],
	...(presence ? { presence } : {})
});

describe('the presence setting and consent on the device', () => {
	it('keeps the newest pulled setting, the answer per user, and forgets the setting at sign-out', async () => {
		const store = new ReferenceStore(await openShopwalkDb());
		expect(await store.getPresenceConfig()).toEqual({ enabled: false, stores: [] });
		await store.setUser(user('u1'));
		await store.applyPull(pull({ enabled: true, stores: [STORE] }), 1);
		expect(await store.getPresenceConfig()).toEqual({ enabled: true, stores: [STORE] });
		// A pull from an older server (no presence) leaves it; a newer one replaces it whole.
		await store.applyPull(pull(), 2);
		expect((await store.getPresenceConfig()).stores).toHaveLength(1);
		await store.applyPull(pull({ enabled: true, stores: [] }), 3);
		expect(await store.getPresenceConfig()).toEqual({ enabled: true, stores: [] });

		expect(await store.getPresenceConsent('u1')).toBeNull();
		await store.setPresenceConsent('u1', 'granted');
		expect(await store.getPresenceConsent('u1')).toBe('granted');
		expect(await store.getPresenceConsent('u2')).toBeNull();
		await store.setPresenceConsent('u1', 'denied');
		expect(await store.getPresenceConsent('u1')).toBe('denied');

		await store.clearSession();
		expect(await store.getPresenceConfig()).toEqual({ enabled: false, stores: [] });
	});
});
