import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256';
import { fakeClock, FakeSyncServer, makeDevice, seedQueuedAudit } from './test-harness';
import { createFaultyFetch, randomFaultPlan, seededRandom } from './testing/faulty-fetch';
import { FAKE_PASSWORD, FAKE_USER } from './testing/fake-server';

describe('sync through a faulty network', () => {
	it.each([1, 2, 3])(
		'20 audits with 5 photos each converge exactly once (seed %i)',
		async (seed) => {
			const random = seededRandom(seed);
			const server = new FakeSyncServer();
			const faulty = createFaultyFetch(
				server.fetch,
				randomFaultPlan(random, {
					dropRequest: 0.06,
					fail: 0.06,
					duplicate: 0.08,
					dropResponse: 0.06,
					delay: 0.08,
					maxDelayMs: 4
				})
			);
			const clock = fakeClock();
			const device = await makeDevice({ fetch: faulty, now: clock.now, random });
			const seeded = [];
			for (let i = 0; i < 20; i++) seeded.push(await seedQueuedAudit(device.audits, 5, 10_000 + i));

			const outcomes = new Set<string>();
			let signIns = 0;
			for (let round = 0; round < 400; round++) {
				if ((await device.audits.listOutbox()).length === 0) break;
				// Sessions expire now and then, in the middle of everything.
				if (round % 9 === 4) server.expireSession();
				clock.advance(11 * 60_000);
				const outcome = await device.engine.drain();
				outcomes.add(outcome);
				if (outcome === 'needs_sign_in') {
					const signedIn = await device.session
						.signIn({ email: FAKE_USER.email, password: FAKE_PASSWORD })
						.then(() => true)
						.catch(() => false);
					if (signedIn) {
						signIns++;
						await device.engine.resume();
					}
				}
			}
			await faulty.settled();

			// The network really was bad, and the session really did expire.
			expect(outcomes).toContain('waiting');
			expect(outcomes).toContain('needs_sign_in');
			expect(signIns).toBeGreaterThan(0);
			const kinds = new Set(faulty.log.map((entry) => entry.fault.kind));
			for (const kind of ['drop_request', 'fail', 'duplicate', 'drop_response', 'delay']) {
				expect(kinds).toContain(kind);
			}

			// The device: every audit received, nothing pending.
			expect(await device.audits.listOutbox()).toEqual([]);
			const audits = await device.audits.listAudits();
			expect(audits).toHaveLength(20);
			expect(audits.every((audit) => audit.status === 'received')).toBe(true);
			expect(await device.audits.pendingSummary()).toEqual({ audits: 0, photos: 0 });

			// The server: exactly these 20 audits and 100 photos, each submitted once.
			expect(server.audits.size).toBe(20);
			expect(server.photos.size).toBe(100);
			expect(server.submitExecutions).toHaveLength(20);
			expect(new Set(server.submitExecutions).size).toBe(20);
			for (const { auditId, photoIds } of seeded) {
				const stored = server.audits.get(auditId);
				expect(stored?.state).toBe('submitted');
				expect(stored?.upload.photos.map((p) => p.id).sort()).toEqual([...photoIds].sort());
				for (const photoId of photoIds) {
					const bytes = (await device.audits.getPhotoBytes(photoId))!.bytes;
					expect(server.photos.get(photoId)).toMatchObject({
						auditId,
						sha256: await sha256Hex(bytes)
					});
				}
			}
		},
		30_000
	);
});
