import { describe, expect, it } from 'vitest';
import { latestRoundComments } from '$lib/client/storage/review-state';
import { makePhoto } from '$lib/client/storage/test-fixtures';
import {
	fakeClock,
	fakeTimers,
	FakeSyncServer,
	makeDevice,
	photoBytes,
	seedQueuedAudit,
	type Device
} from './test-harness';
import {
	createFaultyFetch,
	faultWhen,
	PASS,
	randomFaultPlan,
	seededRandom,
	type FaultPlan
} from './testing/faulty-fetch';

const isSubmit = (r: { url: string }) => r.url.endsWith('/submit');
const isAuditPut = (r: { method: string; url: string }) =>
	r.method === 'PUT' && /\/api\/audits\/[^/]+$/.test(r.url);

async function setup(plan: FaultPlan = () => PASS) {
	const server = new FakeSyncServer();
	const faulty = createFaultyFetch(server.fetch, plan);
	const clock = fakeClock();
	const device = await makeDevice({ fetch: faulty, now: clock.now, timers: fakeTimers().timers });
	return { server, faulty, clock, device };
}

/** A queued audit, sent and handed in on the server. */
async function sentAudit(device: Device): Promise<string> {
	const { auditId } = await seedQueuedAudit(device.audits, 1);
	expect(await device.engine.sync()).toBe('done');
	expect((await device.audits.getAudit(auditId))?.status).toBe('received');
	return auditId;
}

async function statusOf(device: Device, auditId: string) {
	return (await device.audits.getAudit(auditId))?.status;
}

describe('the review loop on the device', () => {
	it('a returned audit becomes an editable draft with its comments stored', async () => {
		const { server, device } = await setup();
		const auditId = await sentAudit(device);
		server.returnAudit(auditId, 'Please add the shelf.\nAnd the receipt.', [
			{ checkpointId: 'cp-1', body: 'Was the greeting really friendly?' }
		]);

		expect(await device.engine.pull()).toEqual({ ok: true });

		expect(await statusOf(device, auditId)).toBe('draft');
		expect(await device.audits.listOutbox()).toEqual([]);
		const review = await device.reference.getReview(auditId);
		expect(review?.state).toBe('returned');
		expect(review?.comments.map((c) => [c.checkpointId, c.body, c.round])).toEqual([
			[null, 'Please add the shelf.\nAnd the receipt.', 1],
			['cp-1', 'Was the greeting really friendly?', 1]
		]);
		// Editable: a content change is accepted and bumps the revision.
		const before = (await device.audits.getAudit(auditId))!.revision;
		await device.audits.saveNote(auditId, 'cp-1', 'Yes: she smiled and said hello', 60_000);
		expect((await device.audits.getAudit(auditId))!.revision).toBe(before + 1);
	});

	it('after a return, only photos added since are counted as not yet on the server', async () => {
		const { server, device } = await setup();
		const { auditId } = await seedQueuedAudit(device.audits, 3);
		expect(await device.audits.pendingSummary()).toEqual({ audits: 1, photos: 3 });
		expect(await device.engine.sync()).toBe('done');
		expect(await device.audits.pendingSummary()).toEqual({ audits: 0, photos: 0 });
		server.returnAudit(auditId, 'Add the receipt.');
		expect(await device.engine.pull()).toEqual({ ok: true });
		expect(await statusOf(device, auditId)).toBe('draft');
		// The three photos are on the server already.
		expect(await device.audits.pendingSummary()).toEqual({ audits: 1, photos: 0 });
		await device.audits.addPhoto(
			makePhoto('receipt', auditId, { createdAt: 70_000 }),
			photoBytes(99)
		);
		expect(await device.audits.pendingSummary()).toEqual({ audits: 1, photos: 1 });
	});

	it('tells listeners after every applied pull, even when nothing was sent', async () => {
		const { server, device } = await setup();
		const auditId = await sentAudit(device);
		let pulled = 0;
		const stop = device.engine.onPulled(() => pulled++);
		server.returnAudit(auditId, 'Add the receipt.');
		expect(await device.engine.sync({ force: true })).toBe('done');
		expect(pulled).toBe(1);
		expect(await statusOf(device, auditId)).toBe('draft');
		stop();
		await device.engine.pull();
		expect(pulled).toBe(1);
	});

	it('edit and resubmit: the new revision goes up once and is submitted once with its own key', async () => {
		const { server, faulty, device } = await setup();
		const auditId = await sentAudit(device);
		const firstRevision = (await device.audits.getAudit(auditId))!.revision;
		server.returnAudit(auditId, 'Add a note on the greeting', [
			{ checkpointId: 'cp-1', body: 'Why yes?' }
		]);
		await device.engine.pull();
		await device.audits.saveNote(auditId, 'cp-1', 'She greeted me at the door', 60_000);
		await device.audits.queueForSync(auditId, 60_001);
		const revision = (await device.audits.getAudit(auditId))!.revision;
		// One for the return (a resubmission is always a new revision), one for the note.
		expect(revision).toBe(firstRevision + 2);
		const sentBefore = faulty.log.length;

		expect(await device.engine.sync()).toBe('done');

		const sent = faulty.log.slice(sentBefore);
		expect(sent.filter(isAuditPut)).toHaveLength(1);
		const submits = sent.filter(isSubmit);
		expect(submits.map((r) => r.headers['idempotency-key'])).toEqual([
			`${auditId}:submit:${revision}`
		]);
		expect(server.submitKeys).toEqual([
			`${auditId}:submit:${firstRevision}`,
			`${auditId}:submit:${revision}`
		]);
		expect(server.audits.get(auditId)).toMatchObject({ state: 'resubmitted' });
		expect(server.audits.get(auditId)!.upload.revision).toBe(revision);
		expect(server.audits.get(auditId)!.upload.notes[0]?.text).toBe('She greeted me at the door');
		expect(await statusOf(device, auditId)).toBe('received');
		// The answered round is no longer open: the device knows the server has it resubmitted.
		expect(await device.reference.getReview(auditId)).toMatchObject({
			state: 'resubmitted',
			revision
		});
	});

	it('a second return (round 2) replaces the comments shown; round 1 stays on record', async () => {
		const { server, device } = await setup();
		const auditId = await sentAudit(device);
		server.returnAudit(auditId, 'Round one', [{ checkpointId: 'cp-1', body: 'First ask' }]);
		await device.engine.pull();
		await device.audits.saveNote(auditId, 'cp-1', 'Answered', 60_000);
		await device.audits.queueForSync(auditId, 60_001);
		await device.engine.sync();
		expect(await statusOf(device, auditId)).toBe('received');

		server.returnAudit(auditId, 'Round two', [{ checkpointId: 'cp-2', body: 'Second ask' }]);
		await device.engine.pull();

		expect(await statusOf(device, auditId)).toBe('draft');
		const review = (await device.reference.getReview(auditId))!;
		expect(review.state).toBe('returned');
		expect(review.comments).toHaveLength(4);
		expect(latestRoundComments(review).map((c) => [c.checkpointId, c.body, c.round])).toEqual([
			[null, 'Round two', 2],
			['cp-2', 'Second ask', 2]
		]);
	});

	it('a stale pull that read "returned" before the resubmit does not reopen the audit', async () => {
		const { server, device } = await setup();
		const auditId = await sentAudit(device);
		server.returnAudit(auditId, 'Fix it');
		await device.engine.pull();
		const stale = (await device.reference.getReview(auditId))!;
		await device.audits.queueForSync(auditId, 60_000);
		await device.engine.drain();
		expect(await statusOf(device, auditId)).toBe('received');

		// A pull that was answered before the resubmit lands after it (rows may come twice).
		// Resubmitted unchanged: still a new revision and a new key, so a real resubmit.
		expect(server.audits.get(auditId)?.state).toBe('resubmitted');
		expect(server.submitExecutions).toEqual([auditId, auditId]);
		const changed = await device.reference.applyPull(
			{ cursor: 1, templates: [], locations: [], assignments: [], audits: [stale] },
			70_000
		);
		expect(changed).toEqual([]);
		expect(await statusOf(device, auditId)).toBe('received');
		expect((await device.reference.getReview(auditId))?.state).toBe('resubmitted');
	});

	it('an approved audit is reflected from the pull; the device keeps it received', async () => {
		const { server, device } = await setup();
		const auditId = await sentAudit(device);
		server.approveAudit(auditId);
		await device.engine.pull();
		expect(await statusOf(device, auditId)).toBe('received');
		expect((await device.reference.getReview(auditId))?.state).toBe('approved');
	});
});

describe('a submit whose answer was lost', () => {
	it('the replay with the same key answers 200: received, submitted once', async () => {
		const { server, faulty, device } = await setup(faultWhen(isSubmit, { kind: 'drop_response' }));
		const { auditId } = await seedQueuedAudit(device.audits, 1);
		expect(await device.engine.drain()).toBe('waiting');
		expect(await statusOf(device, auditId)).toBe('queued');
		expect(await device.engine.drain({ force: true })).toBe('done');
		expect(await statusOf(device, auditId)).toBe('received');
		expect(server.submitExecutions).toEqual([auditId]);
		const keys = faulty.log.filter(isSubmit).map((r) => r.headers['idempotency-key']);
		expect(new Set(keys).size).toBe(1);
	});

	it('a pull reporting "submitted" at the device’s revision makes the queued audit received', async () => {
		const { server, faulty, device } = await setup(faultWhen(isSubmit, { kind: 'drop_response' }));
		const { auditId } = await seedQueuedAudit(device.audits, 1);
		expect(await device.engine.drain()).toBe('waiting');
		const requests = faulty.log.length;

		expect(await device.engine.pull()).toEqual({ ok: true });

		expect(await statusOf(device, auditId)).toBe('received');
		expect(await device.audits.listOutbox()).toEqual([]);
		expect(faulty.log.slice(requests).map((r) => r.method)).toEqual(['GET']);
		expect(server.submitExecutions).toEqual([auditId]);
		expect(await device.audits.pendingSummary()).toEqual({ audits: 0, photos: 0 });
	});

	it('changed after a reopen, the upload is refused as audit_locked: received, never a failing draft', async () => {
		const { server, faulty, device } = await setup(faultWhen(isSubmit, { kind: 'drop_response' }));
		const { auditId } = await seedQueuedAudit(device.audits, 1);
		expect(await device.engine.drain()).toBe('waiting');
		const handedIn = (await device.audits.getAudit(auditId))!.revision;
		// The shopper, seeing it unsent, reopens it and changes something.
		await device.audits.reopenAudit(auditId, 50_000);
		await device.audits.saveNote(auditId, 'cp-1', 'An afterthought', 50_001);
		await device.audits.queueForSync(auditId, 50_002);

		expect(await device.engine.drain()).toBe('done');

		const last = faulty.log.at(-1)!;
		expect(isAuditPut(last)).toBe(true);
		expect(await statusOf(device, auditId)).toBe('received');
		expect(await device.audits.listOutbox()).toEqual([]);
		expect(device.engine.progress.state).toBe('idle');
		expect(await device.reference.getReview(auditId)).toMatchObject({
			state: 'submitted',
			revision: handedIn
		});
		// Nothing is lost: the afterthought stays on the device…
		expect((await device.audits.listNotes(auditId))[0]?.text).toBe('An afterthought');
		// …and goes up with the audit if the reviewer returns the revision they have.
		server.returnAudit(auditId, 'Check the note');
		await device.engine.pull();
		expect(await statusOf(device, auditId)).toBe('draft');
		await device.audits.queueForSync(auditId, 60_000);
		expect(await device.engine.sync()).toBe('done');
		expect(server.audits.get(auditId)?.upload.notes[0]?.text).toBe('An afterthought');
		expect(server.audits.get(auditId)?.state).toBe('resubmitted');
		expect(server.submitExecutions).toEqual([auditId, auditId]);
	});
});

describe('the review loop through a faulty network', () => {
	it.each([11, 12, 13])(
		'return → pull → edit → resubmit converges with one submit per revision (seed %i)',
		async (seed) => {
			const random = seededRandom(seed);
			const server = new FakeSyncServer();
			const faulty = createFaultyFetch(
				server.fetch,
				randomFaultPlan(random, {
					dropRequest: 0.08,
					fail: 0.08,
					duplicate: 0.1,
					dropResponse: 0.1,
					delay: 0.08,
					maxDelayMs: 4
				})
			);
			const clock = fakeClock();
			const device = await makeDevice({ fetch: faulty, now: clock.now, random });
			const ids: string[] = [];
			for (let i = 0; i < 6; i++)
				ids.push((await seedQueuedAudit(device.audits, 2, 10_000 + i)).auditId);

			/** Syncs until `done(id)` holds for every audit (or gives up). */
			const syncUntil = async (done: (id: string) => Promise<boolean>) => {
				for (let round = 0; round < 200; round++) {
					const states = await Promise.all(ids.map(done));
					if (states.every(Boolean)) return;
					clock.advance(11 * 60_000);
					await device.engine.sync({ force: true });
				}
				throw new Error('did not converge');
			};
			await syncUntil(async (id) => (await statusOf(device, id)) === 'received');
			await faulty.settled();
			const firstRevisions = new Map(
				await Promise.all(
					ids.map(async (id) => [id, (await device.audits.getAudit(id))!.revision] as const)
				)
			);

			for (const id of ids) {
				server.returnAudit(id, `Look again at ${id}`, [{ checkpointId: 'cp-1', body: 'Why?' }]);
			}
			await syncUntil(async (id) => (await statusOf(device, id)) === 'draft');
			for (const [i, id] of ids.entries()) {
				await device.audits.saveNote(id, 'cp-1', `Because ${i}`, 80_000 + i);
				await device.audits.queueForSync(id, 80_100 + i);
			}
			await syncUntil(
				async (id) =>
					(await statusOf(device, id)) === 'received' &&
					(await device.reference.getReview(id))?.state === 'resubmitted'
			);
			await faulty.settled();

			expect(await device.audits.listOutbox()).toEqual([]);
			expect(server.submitExecutions).toHaveLength(2 * ids.length);
			const expectedKeys = ids.flatMap((id) => {
				const first = firstRevisions.get(id)!;
				return [`${id}:submit:${first}`, `${id}:submit:${first + 2}`];
			});
			expect([...server.submitKeys].sort()).toEqual(expectedKeys.sort());
			for (const [i, id] of ids.entries()) {
				const stored = server.audits.get(id)!;
				expect(stored.state).toBe('resubmitted');
				expect(stored.upload.revision).toBe(firstRevisions.get(id)! + 2);
				expect(stored.upload.notes[0]?.text).toBe(`Because ${i}`);
			}
			const kinds = new Set(faulty.log.map((entry) => entry.fault.kind));
			for (const kind of ['drop_request', 'fail', 'duplicate', 'drop_response']) {
				expect(kinds).toContain(kind);
			}
		},
		30_000
	);
});
