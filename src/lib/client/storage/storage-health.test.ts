import { describe, expect, it, vi } from 'vitest';
import {
	checkRoomForPhoto,
	estimateFreeSpace,
	requestPersistentStorage,
	type StorageManagerLike
} from './storage-health';

const MB = 1024 * 1024;
const GB = 1024 * MB;

function fakeStorage(usage: number, quota: number): StorageManagerLike {
	return { estimate: async () => ({ usage, quota }) };
}

describe('requestPersistentStorage', () => {
	it('does not ask again when the data is already persisted', async () => {
		const persist = vi.fn(async () => true);
		const result = await requestPersistentStorage({ persisted: async () => true, persist });
		expect(result).toBe('persisted');
		expect(persist).not.toHaveBeenCalled();
	});

	it('asks when not yet persisted and reports the answer', async () => {
		const granted = await requestPersistentStorage({
			persisted: async () => false,
			persist: async () => true
		});
		const refused = await requestPersistentStorage({
			persisted: async () => false,
			persist: async () => false
		});
		expect([granted, refused]).toEqual(['persisted', 'denied']);
	});

	it('treats a throwing persist() as denied', async () => {
		const result = await requestPersistentStorage({
			persisted: async () => false,
			persist: () => Promise.reject(new Error('nope'))
		});
		expect(result).toBe('denied');
	});

	it('is unsupported without the Storage API', async () => {
		expect(await requestPersistentStorage(undefined)).toBe('unsupported');
		expect(await requestPersistentStorage({ persisted: async () => false })).toBe('unsupported');
	});
});

describe('estimateFreeSpace', () => {
	it('reports usage, quota and free bytes', async () => {
		expect(await estimateFreeSpace(fakeStorage(300, 1000))).toEqual({
			usage: 300,
			quota: 1000,
			free: 700
		});
	});

	it('never reports negative free space', async () => {
		expect((await estimateFreeSpace(fakeStorage(1200, 1000)))?.free).toBe(0);
	});

	it('is null when the browser cannot tell', async () => {
		expect(await estimateFreeSpace(undefined)).toBeNull();
		expect(await estimateFreeSpace({ estimate: async () => ({}) })).toBeNull();
		expect(await estimateFreeSpace({ estimate: () => Promise.reject(new Error('x')) })).toBeNull();
	});
});

describe('checkRoomForPhoto', () => {
	it('allows a photo when plenty of room is left', async () => {
		expect(await checkRoomForPhoto(5 * MB, undefined, fakeStorage(1 * GB, 10 * GB))).toEqual({
			ok: true
		});
	});

	it('refuses when the free space after the write would fall below the floor', async () => {
		// 1 GB quota, 790 MB used: 234 MB free; a 30 MB photo leaves 204 MB, a 35 MB one 199 MB.
		const storage = fakeStorage(790 * MB, 1 * GB);
		expect(await checkRoomForPhoto(30 * MB, 200 * MB, storage)).toEqual({ ok: true });
		expect(await checkRoomForPhoto(35 * MB, 200 * MB, storage)).toEqual({
			ok: false,
			reason: 'low_space',
			free: 234 * MB
		});
	});

	it('refuses when usage would pass 90% of the quota even with room above the floor', async () => {
		// 100 GB quota, 89.9 GB used: 10.1 GB free is far above the floor, but 90% is 90 GB.
		const storage = fakeStorage(89.9 * GB, 100 * GB);
		const result = await checkRoomForPhoto(200 * MB, 200 * MB, storage);
		expect(result.ok).toBe(false);
		expect(await checkRoomForPhoto(50 * MB, 200 * MB, storage)).toEqual({ ok: true });
	});

	it('uses a 200 MB floor by default', async () => {
		const storage = fakeStorage(0, 200 * MB + 1 * MB);
		expect((await checkRoomForPhoto(2 * MB, undefined, storage)).ok).toBe(false);
		expect((await checkRoomForPhoto(0, undefined, fakeStorage(0, 300 * MB))).ok).toBe(true);
	});

	it('allows the photo when space cannot be estimated', async () => {
		expect(await checkRoomForPhoto(5 * MB, undefined, undefined)).toEqual({ ok: true });
	});
});
