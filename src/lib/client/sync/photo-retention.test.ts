import { describe, expect, it, vi } from 'vitest';
import { PHOTO_RELEASE_GRACE_MS } from '$lib/client/storage/photo-retention';
import {
	fakeClock,
	FakeSyncServer,
	makeDevice,
	seedQueuedAudit,
	type Device
} from './test-harness';
import { RETENTION_EVERY_MS } from './sync-engine';

const DAY = 24 * 60 * 60 * 1000;

/** A device on a fake server; `backup` answers photo reads the server itself cannot. */
async function setup() {
	const server = new FakeSyncServer();
	const clock = fakeClock();
	const backup = new Map<string, Uint8Array>();
	const fetch = (input: string, init?: RequestInit) => {
		const id = /\/api\/photos\/([^/]+)$/.exec(input)?.[1];
		const bytes = id && !server.photos.has(id) ? backup.get(id) : undefined;
		if (bytes) {
			server.received.push({ method: 'GET', path: `/api/photos/${id}` });
			return Promise.resolve(
				new Response(bytes.slice(), { headers: { 'content-type': 'image/jpeg' } })
			);
		}
		return server.fetch(input, init);
	};
	const device = await makeDevice({ fetch, now: clock.now });
	return { server, clock, device, backup };
}

/** A sent audit with two photos whose bytes the device released after the grace period. */
async function releasedAudit(
	server: FakeSyncServer,
	clock: ReturnType<typeof fakeClock>,
	device: Device
) {
	const { auditId, photoIds } = await seedQueuedAudit(device.audits, 2);
	expect(await device.engine.sync()).toBe('done');
	expect((await device.audits.getAudit(auditId))?.status).toBe('received');
	// Within the grace period a sync releases nothing.
	clock.advance(PHOTO_RELEASE_GRACE_MS - 1);
	await device.engine.sync();
	expect(await device.audits.getPhotoBytes(photoIds[0]!)).toBeDefined();
	// Past it, the next pass (at most hourly when nothing was sent or pulled) releases them.
	clock.advance(RETENTION_EVERY_MS);
	await device.engine.sync();
	for (const id of photoIds) expect(await device.audits.getPhotoBytes(id)).toBeUndefined();
	expect(await device.audits.listPhotos(auditId)).toHaveLength(2);
	expect(server.photos.size).toBe(2);
	return { auditId, photoIds };
}

const requestsTo = (server: FakeSyncServer, pattern: RegExp) =>
	server.received.filter((r) => pattern.test(`${r.method} ${r.path}`));

describe('photo retention in the sync engine', () => {
	it('runs a pass after a send, and otherwise at most hourly (not on every page load)', async () => {
		const { clock, device } = await setup();
		const passes = vi.spyOn(device.audits, 'releasePhotoBytes');
		await seedQueuedAudit(device.audits, 1);
		await device.engine.sync();
		expect(passes).toHaveBeenCalledTimes(1);
		// Syncs with nothing sent and no audit states pulled: no pass within the hour…
		clock.advance(RETENTION_EVERY_MS - 1);
		await device.engine.sync();
		await device.engine.sync();
		expect(passes).toHaveBeenCalledTimes(1);
		// …and one once it has passed.
		clock.advance(1);
		await device.engine.sync();
		expect(passes).toHaveBeenCalledTimes(2);
	});

	it('releases bytes after a sync once the grace period is over', async () => {
		const { server, clock, device } = await setup();
		await releasedAudit(server, clock, device);
		expect(await device.audits.photoSpace()).toMatchObject({ released: 2 });
	});

	it('keeps the bytes of an audit the server has returned', async () => {
		const { server, clock, device } = await setup();
		const { auditId, photoIds } = await seedQueuedAudit(device.audits, 1);
		await device.engine.sync();
		server.returnAudit(auditId, 'Add the receipt.');
		clock.advance(30 * DAY);
		await device.engine.sync();
		expect((await device.audits.getAudit(auditId))?.status).toBe('draft');
		expect(await device.audits.getPhotoBytes(photoIds[0]!)).toBeDefined();
	});

	it('resubmits a returned audit without reading released bytes when the server has them', async () => {
		const { server, clock, device } = await setup();
		const { auditId } = await releasedAudit(server, clock, device);
		server.returnAudit(auditId, 'Say more about the greeting.');
		// A pull alone (no fetch-back): the audit is a draft whose photos have no bytes here.
		expect(await device.engine.pull()).toEqual({ ok: true });
		expect((await device.audits.getAudit(auditId))?.status).toBe('draft');

		const readBytes = vi.spyOn(device.audits, 'getPhotoBytes');
		await device.audits.saveNote(auditId, 'cp-1', 'She said hello at once', clock.now());
		await device.audits.queueForSync(auditId, clock.now());
		expect(await device.engine.drain({ force: true })).toBe('done');

		expect((await device.audits.getAudit(auditId))?.status).toBe('received');
		expect(server.audits.get(auditId)?.state).toBe('resubmitted');
		expect(server.audits.get(auditId)?.upload.photos).toHaveLength(2);
		expect(readBytes).not.toHaveBeenCalled();
		// Only the first submission uploaded photos; nothing was fetched back.
		expect(requestsTo(server, /^PUT .*\/photos\//)).toHaveLength(2);
		expect(requestsTo(server, /^GET \/api\/photos\//)).toHaveLength(0);
	});

	it('fetches released bytes back after a return, checked against their hash', async () => {
		const { server, clock, device } = await setup();
		const { auditId, photoIds } = await releasedAudit(server, clock, device);
		server.returnAudit(auditId, 'Retake?');
		await device.engine.sync();
		expect((await device.audits.getAudit(auditId))?.status).toBe('draft');
		for (const id of photoIds) {
			const stored = await device.audits.getPhotoBytes(id);
			expect(new Uint8Array(stored!.bytes)).toEqual(server.photos.get(id)!.bytes);
		}
		expect(await device.audits.photoSpace()).toMatchObject({ released: 0 });
		expect(await device.audits.listPhotosToRestore()).toEqual([]);
	});

	it('fetches a released photo back first when the server asks for it', async () => {
		const { server, clock, device, backup } = await setup();
		const { auditId, photoIds } = await releasedAudit(server, clock, device);
		server.returnAudit(auditId, 'Retake?');
		await device.engine.pull();
		// The server lost its stored copy of one photo: it lists it in missingPhotos, and the
		// photo read answers from a backup.
		const lost = photoIds[0]!;
		const original = server.photos.get(lost)!;
		backup.set(lost, original.bytes);
		server.photos.delete(lost);
		await device.audits.queueForSync(auditId, clock.now());

		expect(await device.engine.drain({ force: true })).toBe('done');

		expect(requestsTo(server, new RegExp(`^GET /api/photos/${lost}$`))).toHaveLength(1);
		expect(server.photos.get(lost)?.sha256).toBe(original.sha256);
		expect(server.audits.get(auditId)?.state).toBe('resubmitted');
		expect(new Uint8Array((await device.audits.getPhotoBytes(lost))!.bytes)).toEqual(
			original.bytes
		);
	});

	it('reports a clear error when the server asks for a released photo it cannot send', async () => {
		const { server, clock, device } = await setup();
		const { auditId, photoIds } = await releasedAudit(server, clock, device);
		server.returnAudit(auditId, 'Retake?');
		await device.engine.pull();
		server.photos.delete(photoIds[0]!);
		await device.audits.queueForSync(auditId, clock.now());

		expect(await device.engine.drain({ force: true })).toBe('error');

		expect(device.engine.progress.lastError).toBe('photo_released_unavailable');
		expect((await device.audits.getAudit(auditId))?.status).toBe('queued');
		const [entry] = await device.audits.listOutbox();
		expect(entry).toMatchObject({ auditId, lastError: 'photo_released_unavailable' });
		expect(server.audits.get(auditId)?.state).toBe('returned');
	});
});
