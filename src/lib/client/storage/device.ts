import { runTransaction } from './transaction';
import type { ShopwalkDb } from './schema';

const DEVICE_ID_KEY = 'deviceId';

/**
 * This device's id: a UUID made on first use and kept in `meta`, the same for every tab and
 * every later call. `makeId` is for tests.
 */
export function getDeviceId(
	db: ShopwalkDb,
	makeId: () => string = () => crypto.randomUUID()
): Promise<string> {
	// One readwrite transaction: two tabs asking at once are serialised and agree on one id.
	return runTransaction(db, ['meta'], 'readwrite', async (tx) => {
		const meta = tx.objectStore('meta');
		const existing = await meta.get(DEVICE_ID_KEY);
		if (typeof existing === 'string') return existing;
		const id = makeId();
		await meta.put(id, DEVICE_ID_KEY);
		return id;
	});
}
