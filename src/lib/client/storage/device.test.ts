import { describe, expect, it, vi } from 'vitest';
import { getDeviceId } from './device';
import { openShopwalkDb } from './open-db';

describe('getDeviceId', () => {
	it('makes an id once and returns the same one afterwards, also after reopening', async () => {
		const makeId = vi.fn(() => 'device-a');
		const db = await openShopwalkDb();
		expect(await getDeviceId(db, makeId)).toBe('device-a');
		expect(await getDeviceId(db, () => 'device-b')).toBe('device-a');
		db.close();
		const again = await openShopwalkDb();
		expect(await getDeviceId(again, () => 'device-c')).toBe('device-a');
		expect(makeId).toHaveBeenCalledTimes(1);
	});

	it('agrees on one id when asked concurrently', async () => {
		const db = await openShopwalkDb();
		let n = 0;
		const ids = await Promise.all([1, 2, 3].map(() => getDeviceId(db, () => `id-${++n}`)));
		expect(new Set(ids).size).toBe(1);
	});

	it('makes a UUID by default', async () => {
		const db = await openShopwalkDb();
		expect(await getDeviceId(db)).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
		);
	});
});
