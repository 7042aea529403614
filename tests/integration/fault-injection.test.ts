import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { createApiClient } from '$lib/client/api/api-client';
import { AuditStore } from '$lib/client/storage/audit-store';
import { openShopwalkDb } from '$lib/client/storage/open-db';
import { OutboxStore } from '$lib/client/storage/outbox-store';
import { ReferenceStore } from '$lib/client/storage/reference-store';
import { createLocalLock } from '$lib/client/sync/lock';
import { createFaultyFetch, type Fault } from '$lib/client/sync/testing/faulty-fetch';
import { SyncEngine } from '$lib/client/sync/sync-engine';
import type { AuditDetail, AuditListResponse } from '$lib/contract/office';
import { newAudit } from '$lib/domain/new-audit';
import { scoreAudit } from '$lib/domain/scoring';
import type { JourneyTemplate, Location } from '$lib/domain/types';
import {
	buildCompleteAudit,
	devicePhoto,
	distinctJpeg,
	type BuiltAudit
} from '$lib/server/testing/complete-audit';
import { cookieFetch } from './cookie-fetch';

const AUDITS = 20;
const SHOPPER = 'shopper17@nordlys.example';
const MANAGER = 'manager@nordlys.example';
const PASSWORD = 'shopwalk-demo';

/** Puts a built audit on the device as the app would have stored it: answers, notes, photos, times. */
async function storeOnDevice(
	audits: AuditStore,
	built: BuiltAudit,
	template: JourneyTemplate,
	location: Location,
	clock: number,
	narrative = built.upload.narrative
): Promise<void> {
	const { id, upload } = built;
	await audits.createAudit(newAudit({ id, template, location, locale: 'en', now: upload.timeIn }));
	for (const answer of upload.answers) await audits.saveAnswer(id, answer, clock);
	for (const note of upload.notes) await audits.saveNote(id, note.checkpointId, note.text, clock);
	for (const photo of built.photos) {
		await audits.addPhoto(
			{
				id: photo.entry.id,
				auditId: id,
				checkpointId: photo.entry.checkpointId,
				kind: photo.entry.kind,
				caption: '',
				capturedAt: photo.entry.capturedAt,
				width: photo.entry.width,
				height: photo.entry.height,
				byteLength: photo.bytes.byteLength,
				type: 'image/jpeg',
				thumb: new ArrayBuffer(8),
				thumbType: 'image/jpeg',
				createdAt: clock
			},
			photo.bytes
		);
	}
	await audits.updateAudit(
		id,
		(a) => ({ ...a, timeOut: upload.timeOut, stageTimeMs: upload.stageTimeMs, narrative }),
		clock
	);
}

/** Deterministic chaos: a seeded sequence of faults over every request of the sync. */
function chaos(seed: number): (request: { method: string; url: string }) => Fault {
	let state = seed >>> 0;
	const random = () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
	return () => {
		const r = random();
		if (r < 0.1) return { kind: 'drop_request' };
		if (r < 0.2) return { kind: 'fail', status: 503 };
		if (r < 0.3) return { kind: 'duplicate', delayMs: Math.floor(random() * 40) };
		if (r < 0.42) return { kind: 'drop_response' };
		if (r < 0.5) return { kind: 'delay', ms: Math.floor(random() * 60) };
		return { kind: 'pass' };
	};
}

test('20 audits with 5 photos each reach the server exactly once through a faulty network', async () => {
	const baseUrl = inject('baseUrl');
	const dataDir = inject('dataDir');

	// The device: signed in once over a clean connection, reference data pulled.
	const browser = cookieFetch(baseUrl);
	const plain = createApiClient({ fetch: browser, baseUrl });
	const db = await openShopwalkDb('fault-device');
	const audits = new AuditStore(db);
	const reference = new ReferenceStore(db);
	const outbox = new OutboxStore(db);
	await reference.setUser(await plain.signIn({ email: SHOPPER, password: PASSWORD }));

	let chaosOn = false;
	const plan = chaos(20261123);
	const faulty = createFaultyFetch(browser, (request) =>
		chaosOn ? plan(request) : { kind: 'pass' }
	);
	const api = createApiClient({ fetch: faulty, baseUrl, jsonTimeoutMs: 15_000 });
	let clock = Date.now();
	const engine = new SyncEngine({
		api,
		audits,
		outbox,
		reference,
		lock: createLocalLock(),
		now: () => clock,
		environment: {}
	});
	expect(await engine.pull()).toEqual({ ok: true });
	const template = (await reference.getTemplate('retail-store-visit', 1)) as JourneyTemplate;
	expect(template).toBeDefined();
	const location = (await reference.listLocations()).find((l) => l.kind === 'own')!;

	// Twenty complete audits on the device, five photos each, all queued.
	const receipt = devicePhoto('receipt.jpg');
	const expected = new Map<string, { total: number | null; hashes: string[] }>();
	for (let i = 0; i < AUDITS; i++) {
		const id = crypto.randomUUID();
		const built = buildCompleteAudit({
			template,
			location,
			id,
			receipt: false,
			now: clock,
			photoBytes: Array.from({ length: 5 }, (_, p) => distinctJpeg(receipt, i * 5 + p))
		});
		expect(built.photos).toHaveLength(5);
		const { upload } = built;
		await storeOnDevice(audits, built, template, location, clock);
		await audits.queueForSync(id, clock);
		const answers = new Map(upload.answers.map((a) => [a.checkpointId, a.value]));
		expected.set(id, {
			total: scoreAudit(template, answers).totalPercent,
			hashes: built.photos.map((p) => createHash('sha256').update(p.bytes).digest('hex')).sort()
		});
	}

	// Sync through the chaos: every drain that stops on a network fault is retried after its backoff.
	chaosOn = true;
	let drains = 0;
	while ((await audits.listOutbox()).length > 0) {
		drains += 1;
		expect(drains, 'the outbox converges').toBeLessThan(400);
		await engine.sync({ force: true });
		clock += 11 * 60_000;
	}
	await faulty.settled();
	const faults = faulty.log.filter((entry) => entry.fault.kind !== 'pass').length;
	expect(faults, 'the network really misbehaved').toBeGreaterThan(50);

	// The device: every audit received, nothing left to send.
	for (const id of expected.keys()) expect((await audits.getAudit(id))?.status).toBe('received');
	expect(await audits.pendingSummary()).toEqual({ audits: 0, photos: 0 });

	// The server: exactly the twenty audits, once each, with the right scores and photos.
	const office = cookieFetch(baseUrl);
	await createApiClient({ fetch: office, baseUrl }).signIn({ email: MANAGER, password: PASSWORD });
	const list = (await (
		await office(`${baseUrl}/api/audits?limit=100`)
	).json()) as AuditListResponse;
	expect(list.items, 'nothing else, nothing twice').toHaveLength(AUDITS);
	const ours = list.items.filter((item) => expected.has(item.id));
	expect(ours).toHaveLength(AUDITS);
	expect(new Set(ours.map((item) => item.id)).size).toBe(AUDITS);
	for (const item of ours) {
		const want = expected.get(item.id)!;
		expect(item.state).toBe('submitted');
		expect(item.totalPercent).toBeCloseTo(want.total!, 9);
		const detail = (await (await office(`${baseUrl}/api/audits/${item.id}`)).json()) as AuditDetail;
		expect(detail.photos.map((p) => p.sha256).sort()).toEqual(want.hashes);
		expect(detail.photos.every((p) => p.stored)).toBe(true);
		for (const photo of detail.photos) {
			const bytes = new Uint8Array(
				await (await office(`${baseUrl}/api/photos/${photo.id}`)).arrayBuffer()
			);
			expect(createHash('sha256').update(bytes).digest('hex')).toBe(photo.sha256);
		}
	}

	// On disk (the demo organisation's folder; other tests use their own organisations): one file
	// per photo, no temporary files left behind by retried uploads.
	const files = readdirSync(join(dataDir, 'photos', 'org-nordlys'), {
		recursive: true,
		withFileTypes: true
	})
		.filter((entry) => entry.isFile())
		.map((entry) => entry.name);
	expect(files.filter((name) => name.endsWith('.jpg'))).toHaveLength(AUDITS * 5);
	expect(files.filter((name) => !name.endsWith('.jpg'))).toEqual([]);
	db.close();
});

test('a returned audit comes back, is edited and resubmitted through a faulty network: one audit, its final content, one report per version', async () => {
	const baseUrl = inject('baseUrl');
	const browser = cookieFetch(baseUrl);
	const plain = createApiClient({ fetch: browser, baseUrl });
	const db = await openShopwalkDb('fault-device-review');
	const audits = new AuditStore(db);
	const reference = new ReferenceStore(db);
	const outbox = new OutboxStore(db);
	await reference.setUser(
		await plain.signIn({ email: 'shopper23@nordlys.example', password: PASSWORD })
	);
	let chaosOn = false;
	const plan = chaos(20261201);
	// Harsher than the first test's schedule: a round of few requests still meets many faults.
	const harsh = (request: { method: string; url: string }): Fault => {
		const first = plan(request);
		return first.kind === 'pass' ? plan(request) : first;
	};
	const faulty = createFaultyFetch(browser, (request) =>
		chaosOn ? harsh(request) : { kind: 'pass' }
	);
	const api = createApiClient({ fetch: faulty, baseUrl, jsonTimeoutMs: 15_000 });
	let clock = Date.now();
	const engine = new SyncEngine({
		api,
		audits,
		outbox,
		reference,
		lock: createLocalLock(),
		now: () => clock,
		environment: {}
	});
	expect(await engine.pull()).toEqual({ ok: true });
	const template = (await reference.getTemplate('retail-store-visit', 1)) as JourneyTemplate;
	const location = (await reference.listLocations()).find((l) => l.kind === 'own')!;

	// One complete audit, sent over a clean connection.
	const id = crypto.randomUUID();
	const built = buildCompleteAudit({ template, location, id, receipt: false, now: clock });
	const { upload } = built;
	await storeOnDevice(audits, built, template, location, clock, 'First.');
	await audits.queueForSync(id, clock);
	await engine.sync({ force: true });
	expect((await audits.getAudit(id))?.status).toBe('received');
	const sentRevision = (await audits.getAudit(id))!.revision;

	// The manager returns it with an overall comment and two checkpoint comments.
	const office = cookieFetch(baseUrl);
	await createApiClient({ fetch: office, baseUrl }).signIn({ email: MANAGER, password: PASSWORD });
	const [cp1, cp2] = upload.answers.map((a) => a.checkpointId);
	const returned = await office(`${baseUrl}/api/audits/${id}/return`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			expectedState: 'submitted',
			expectedRevision: sentRevision,
			comment: 'Tell us more about the visit.',
			checkpointComments: [
				{ checkpointId: cp1, body: 'Photo please.' },
				{ checkpointId: cp2, body: 'Is this right?' }
			]
		})
	});
	expect(returned.status, await returned.clone().text()).toBe(200);

	// Under chaos: pull until the return has arrived, then edit and resubmit until sent.
	chaosOn = true;
	let rounds = 0;
	while ((await audits.getAudit(id))?.status !== 'draft') {
		rounds += 1;
		expect(rounds, 'the return arrives').toBeLessThan(200);
		await engine.pull();
		clock += 60_000;
	}
	const review = await reference.getReview(id);
	expect(review?.state).toBe('returned');
	expect(review?.comments.map((c) => c.checkpointId).sort()).toEqual([cp1, cp2, null].sort());
	await audits.updateAudit(id, (a) => ({ ...a, narrative: 'Second, after the return.' }), clock);
	await audits.queueForSync(id, clock);
	while ((await audits.listOutbox()).length > 0) {
		rounds += 1;
		expect(rounds, 'the resubmission converges').toBeLessThan(400);
		await engine.sync({ force: true });
		clock += 11 * 60_000;
	}
	await faulty.settled();
	const faults = faulty.log.filter((entry) => entry.fault.kind !== 'pass');
	expect(faults.length, 'the network really misbehaved').toBeGreaterThan(3);
	const final = (await audits.getAudit(id))!;
	expect(final.status).toBe('received');

	// The server: one audit, resubmitted at the device's final revision with its final content.
	const detail = (await (await office(`${baseUrl}/api/audits/${id}`)).json()) as AuditDetail;
	expect(detail).toMatchObject({ state: 'resubmitted', revision: final.revision });
	expect(detail.content.narrative).toBe('Second, after the return.');
	const list = (await (
		await office(`${baseUrl}/api/audits?limit=100`)
	).json()) as AuditListResponse;
	expect(list.items.filter((item) => item.id === id)).toHaveLength(1);
	// One report version per decision: submitted, returned, resubmitted — none twice.
	const versions = (await (await office(`${baseUrl}/api/audits/${id}/reports`)).json()) as {
		versions: { version: number; reviewState: string; revision: number }[];
	};
	expect(versions.versions.map((v) => [v.version, v.reviewState, v.revision])).toEqual([
		[3, 'resubmitted', final.revision],
		[2, 'returned', sentRevision],
		[1, 'submitted', sentRevision]
	]);
	db.close();
});
