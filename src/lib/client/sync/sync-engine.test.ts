import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, ONLINE_RETRY_CAP_MS } from './backoff';
import { sha256Hex } from './sha256';
import type { SyncProgress } from './progress';
import {
	fakeClock,
	fakeTimers,
	FakeSyncServer,
	makeDevice,
	photoBytes,
	seedQueuedAudit,
	type Device
} from './test-harness';
import { createFaultyFetch, faultWhen, PASS, type FaultPlan } from './testing/faulty-fetch';
import { FAKE_PASSWORD, FAKE_USER } from './testing/fake-server';
import { createLocalLock } from './lock';

const isSubmit = (r: { method: string; url: string }) => r.url.endsWith('/submit');
const isPhoto = (r: { method: string; url: string }) => r.url.includes('/photos/');

/** The fake server holds exactly the device's audits and photos, each submitted once. */
async function expectConverged(device: Device, server: FakeSyncServer): Promise<void> {
	const audits = await device.audits.listAudits();
	expect(audits.every((a) => a.status === 'received')).toBe(true);
	expect(await device.audits.listOutbox()).toEqual([]);
	expect([...server.audits.keys()].sort()).toEqual(audits.map((a) => a.id).sort());
	expect([...server.submitExecutions].sort()).toEqual(audits.map((a) => a.id).sort());
	let photoCount = 0;
	for (const audit of audits) {
		const stored = server.audits.get(audit.id)!;
		expect(stored.state).toBe('submitted');
		expect(stored.upload.revision).toBe(audit.revision);
		for (const photo of await device.audits.listPhotos(audit.id)) {
			photoCount++;
			const bytes = (await device.audits.getPhotoBytes(photo.id))!.bytes;
			const onServer = server.photos.get(photo.id);
			expect(onServer?.auditId).toBe(audit.id);
			expect(onServer?.sha256).toBe(await sha256Hex(bytes));
			expect(onServer?.bytes).toEqual(new Uint8Array(bytes));
		}
	}
	expect(server.photos.size).toBe(photoCount);
}

async function setup(
	plan: FaultPlan = () => PASS,
	extra: Parameters<typeof makeDevice>[0] | object = {}
) {
	const server = new FakeSyncServer();
	const faulty = createFaultyFetch(server.fetch, plan);
	const clock = fakeClock();
	const timers = fakeTimers();
	const device = await makeDevice({
		fetch: faulty,
		now: clock.now,
		timers: timers.timers,
		...extra
	});
	return { server, faulty, clock, timers, device };
}

describe('SyncEngine.drain', () => {
	it('sends queued audits oldest first: audit, photos, submit; then received, outbox empty', async () => {
		const { server, faulty, device } = await setup();
		const first = await seedQueuedAudit(device.audits, 3, 10_000);
		const second = await seedQueuedAudit(device.audits, 2, 20_000);
		const seen: SyncProgress[] = [];
		device.engine.subscribe((p) => seen.push(p));

		expect(await device.engine.drain()).toBe('done');

		await expectConverged(device, server);
		expect(faulty.log.map((r) => `${r.method} ${r.url.split('/').length}`)).toEqual([
			'PUT 4',
			'PUT 6',
			'PUT 6',
			'PUT 6',
			'POST 5',
			'PUT 4',
			'PUT 6',
			'PUT 6',
			'POST 5'
		]);
		expect(faulty.log[0]!.url).toContain(first.auditId);
		expect(faulty.log[5]!.url).toContain(second.auditId);
		const progress = seen.filter((p) => p.current?.auditId === first.auditId);
		expect(progress.map((p) => p.current!.photosDone)).toEqual([0, 0, 1, 2, 3]);
		expect(progress.every((p) => p.state === 'syncing' && p.current!.photosTotal === 3)).toBe(true);
		expect(device.engine.progress).toEqual({ state: 'idle' });
		const upload = (await device.audits.getAudit(first.auditId))!;
		expect(server.audits.get(first.auditId)!.upload.answers).toEqual([
			{ checkpointId: 'cp-1', value: 'yes', answeredAt: 10_000 }
		]);
		expect(server.audits.get(first.auditId)!.upload.notes[0]?.text).toBe('Friendly staff');
		expect(upload.status).toBe('received');
	});

	it('hashes each photo once and caches the hash across retries', async () => {
		let hashes = 0;
		const { server, device } = await setup(faultWhen(isSubmit, { kind: 'fail' }), {
			hash: (bytes: ArrayBuffer) => {
				hashes++;
				return sha256Hex(bytes);
			}
		});
		const { auditId } = await seedQueuedAudit(device.audits, 4);
		expect(await device.engine.drain()).toBe('waiting');
		expect(hashes).toBe(4);
		expect(
			(await device.audits.listPhotos(auditId)).every((p) => /^[0-9a-f]{64}$/.test(p.sha256!))
		).toBe(true);
		expect(await device.engine.drain({ force: true })).toBe('done');
		expect(hashes).toBe(4);
		await expectConverged(device, server);
	});

	it('after a failed photo upload, the retry sends only the photos the server lacks', async () => {
		let photoPuts = 0;
		const plan = faultWhen((r) => isPhoto(r) && ++photoPuts === 3, { kind: 'drop_request' });
		const { server, faulty, device } = await setup(plan);
		await seedQueuedAudit(device.audits, 5);
		expect(await device.engine.drain()).toBe('waiting');
		expect(server.photos.size).toBe(2);
		const before = faulty.log.length;
		expect(await device.engine.drain({ force: true })).toBe('done');
		expect(faulty.log.slice(before).filter(isPhoto)).toHaveLength(3);
		await expectConverged(device, server);
	});

	it('a submit whose response is lost after the server committed is retried with the same key, applied once', async () => {
		const { server, faulty, device } = await setup(faultWhen(isSubmit, { kind: 'drop_response' }));
		const { auditId } = await seedQueuedAudit(device.audits, 2);
		expect(await device.engine.drain()).toBe('waiting');
		expect(server.submitExecutions).toEqual([auditId]);
		expect((await device.audits.getAudit(auditId))?.status).toBe('queued');

		expect(await device.engine.drain({ force: true })).toBe('done');
		const keys = faulty.log.filter(isSubmit).map((r) => r.headers['idempotency-key']);
		expect(keys).toHaveLength(2);
		expect(keys[0]).toBe(keys[1]);
		const revision = (await device.audits.getAudit(auditId))!.revision;
		expect(keys[0]).toBe(`${auditId}:submit:${revision}`);
		await expectConverged(device, server);
	});

	it('requests delivered twice (some late) create no second audit, photo or submission', async () => {
		const { server, faulty, device } = await setup(() => ({ kind: 'duplicate', delayMs: 2 }));
		await seedQueuedAudit(device.audits, 3);
		await seedQueuedAudit(device.audits, 1);
		expect(await device.engine.drain()).toBe('done');
		await faulty.settled();
		expect(server.received).toHaveLength(2 * faulty.log.length);
		await expectConverged(device, server);
	});

	it('a 5xx keeps everything, backs off with jitter, and stops the drain', async () => {
		const { server, clock, timers, device } = await setup(
			faultWhen((r) => r.method === 'PUT', { kind: 'fail' })
		);
		const a = await seedQueuedAudit(device.audits, 1, 10_000);
		const b = await seedQueuedAudit(device.audits, 1, 20_000);
		device.engine.start();
		await device.engine.drain();
		// start() drained already; the first failure stopped it before audit b.
		expect(server.received.filter((r) => r.method === 'PUT')).toHaveLength(0);
		const [entryA, entryB] = await device.audits.listOutbox();
		expect(entryA).toMatchObject({ auditId: a.auditId, attempts: 1, lastError: 'server' });
		// random() is 0.5: half of the first ceiling (30 s).
		expect(entryA!.nextAttemptAt).toBe(clock.now() + 15_000);
		expect(entryB).toMatchObject({ auditId: b.auditId, attempts: 0, lastError: null });
		expect((await device.audits.getAudit(a.auditId))?.status).toBe('queued');
		expect(device.engine.progress).toMatchObject({
			state: 'waiting',
			lastError: 'server',
			nextAttemptAt: clock.now() + 15_000
		});
		expect(timers.delays()).toEqual([15_000]);
		device.engine.stop();
	});

	it('automatic drains respect the backoff; the timer drains when it runs out', async () => {
		const { server, clock, timers, device } = await setup(
			faultWhen(() => true, { kind: 'fail' }, 2)
		);
		await seedQueuedAudit(device.audits, 0);
		device.engine.start();
		await device.engine.drain();
		expect(timers.delays()).toEqual([15_000]);

		// A save before the backoff runs out sends nothing.
		device.engine.notifyChange();
		await device.engine.drain();
		expect(server.received).toHaveLength(0);

		clock.advance(15_000);
		timers.fireAll();
		await device.engine.drain();
		// The second failure doubles the ceiling: 0.5 * 60 s.
		const [entry] = await device.audits.listOutbox();
		expect(entry).toMatchObject({ attempts: 2, nextAttemptAt: clock.now() + 30_000 });
		expect(timers.delays()).toEqual([30_000]);

		clock.advance(30_000);
		timers.fireAll();
		await device.engine.drain();
		await expectConverged(device, server);
		expect(timers.delays()).toEqual([]);
		device.engine.stop();
	});

	it('backoff is capped at 10 minutes', async () => {
		const { clock, device } = await setup(() => ({ kind: 'fail' }));
		await seedQueuedAudit(device.audits, 0);
		for (let i = 0; i < 8; i++) await device.engine.drain({ force: true });
		const [entry] = await device.audits.listOutbox();
		expect(entry!.attempts).toBe(8);
		expect(entry!.nextAttemptAt).toBe(clock.now() + BACKOFF_CAP_MS / 2);
	});

	it('while the device is online, a server that did not answer is tried again within 20 s', async () => {
		let serverUp = false;
		const server = new FakeSyncServer();
		const clock = fakeClock();
		const timers = fakeTimers();
		const device = await makeDevice({
			fetch: (input, init) =>
				serverUp ? server.fetch(input, init) : Promise.reject(new TypeError('Failed to fetch')),
			now: clock.now,
			timers: timers.timers,
			environment: { isOnline: () => true }
		});
		const { auditId } = await seedQueuedAudit(device.audits, 1);
		device.engine.start();
		for (let i = 0; i < 8; i++) await device.engine.drain({ force: true });
		const [entry] = await device.audits.listOutbox();
		expect(entry!.attempts).toBeGreaterThanOrEqual(8);
		expect(entry!.nextAttemptAt - clock.now()).toBeLessThanOrEqual(ONLINE_RETRY_CAP_MS);
		expect(Math.max(...timers.delays())).toBeLessThanOrEqual(ONLINE_RETRY_CAP_MS);
		// The server comes back; the timer's try sends the audit.
		serverUp = true;
		clock.advance(ONLINE_RETRY_CAP_MS);
		timers.fireAll();
		await device.engine.drain();
		expect((await device.audits.getAudit(auditId))?.status).toBe('received');
		device.engine.stop();
	});

	it('a refused audit keeps its error visible and the drain goes on with the next', async () => {
		const { server, device } = await setup();
		const bad = await seedQueuedAudit(device.audits, 1, 10_000);
		const good = await seedQueuedAudit(device.audits, 1, 20_000);
		server.refuse.add(bad.auditId);
		expect(await device.engine.drain()).toBe('error');
		expect((await device.audits.getAudit(bad.auditId))?.status).toBe('queued');
		expect((await device.audits.getAudit(good.auditId))?.status).toBe('received');
		const [entry] = await device.audits.listOutbox();
		expect(entry).toMatchObject({ auditId: bad.auditId, lastError: 'invalid', attempts: 1 });
		expect(device.engine.progress).toMatchObject({ state: 'error', lastError: 'invalid' });
		// A later automatic drain with nothing due keeps the error on show.
		expect(await device.engine.drain()).toBe('done');
		expect(device.engine.progress).toMatchObject({ state: 'error', lastError: 'invalid' });

		// Once the server accepts it, a forced drain sends it.
		server.refuse.clear();
		expect(await device.engine.drain({ force: true })).toBe('done');
		await expectConverged(device, server);
	});

	it('an expired session stops the drain, loses nothing, asks for sign-in, and resumes', async () => {
		let photoPuts = 0;
		let expire = () => {};
		// The session expires in the middle of audit b's photos.
		const { server, device } = await setup((r) => {
			if (isPhoto(r) && ++photoPuts === 3) expire();
			return PASS;
		});
		expire = () => server.expireSession();
		const a = await seedQueuedAudit(device.audits, 2, 10_000);
		const b = await seedQueuedAudit(device.audits, 2, 20_000);
		const c = await seedQueuedAudit(device.audits, 2, 30_000);

		expect(await device.engine.drain()).toBe('needs_sign_in');
		expect((await device.audits.getAudit(a.auditId))?.status).toBe('received');
		expect((await device.audits.getAudit(b.auditId))?.status).toBe('queued');
		expect((await device.audits.getAudit(c.auditId))?.status).toBe('queued');
		const entries = await device.audits.listOutbox();
		expect(entries.map((e) => e.auditId)).toEqual([b.auditId, c.auditId]);
		expect(entries[0]).toMatchObject({ attempts: 0, lastError: 'unauthenticated' });
		expect(device.engine.progress.state).toBe('needs_sign_in');

		// Saves do not hammer the server while signed out.
		const count = server.received.length;
		device.engine.notifyChange();
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(server.received).toHaveLength(count);

		const user = await device.session.signIn({ email: FAKE_USER.email, password: FAKE_PASSWORD });
		expect(user.id).toBe(FAKE_USER.id);
		expect(await device.engine.resume()).toBe('done');
		expect(device.engine.progress.state).toBe('idle');
		await expectConverged(device, server);
	});

	it('one drain at a time: a second tab finds the lock taken, a second call joins', async () => {
		const server = new FakeSyncServer();
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		let first = true;
		const slowFetch = async (url: string, init?: RequestInit) => {
			if (first) {
				first = false;
				await gate;
			}
			return server.fetch(url, init);
		};
		const lock = createLocalLock();
		const tabA = await makeDevice({ fetch: slowFetch, lock, dbName: 'shared' });
		const tabB = await makeDevice({ fetch: slowFetch, lock, dbName: 'shared' });
		await seedQueuedAudit(tabA.audits, 2);
		await seedQueuedAudit(tabA.audits, 1);

		const draining = tabA.engine.drain();
		const joined = tabA.engine.drain();
		expect(await tabB.engine.drain()).toBe('locked');
		release();
		expect(await draining).toBe('done');
		expect(await joined).toBe('done');
		// Every request was made once: 2 audits, 3 photos, 2 submits.
		expect(server.received).toHaveLength(7);
		await expectConverged(tabA, server);
	});

	it('removes entries left behind for audits that are gone or received, skips drafts', async () => {
		const { server, device } = await setup();
		const { auditId } = await seedQueuedAudit(device.audits, 0);
		await device.db.put('audits', {
			...(await device.audits.getAudit(auditId))!,
			status: 'received'
		});
		const draft = await seedQueuedAudit(device.audits, 0);
		await device.db.put('audits', {
			...(await device.audits.getAudit(draft.auditId))!,
			status: 'draft'
		});
		expect(await device.engine.drain()).toBe('done');
		expect((await device.audits.listOutbox()).map((e) => e.auditId)).toEqual([draft.auditId]);
		expect(server.received).toHaveLength(0);
		expect(photoBytes(1)).toHaveLength(64);
	});
});
