import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scoreAudit } from '$lib/domain/scoring';
import type { AnswerValue } from '$lib/domain/types';
import {
	devicePhoto,
	distinctJpeg,
	submitRequestOf,
	type BuiltAudit
} from '../testing/complete-audit';
import { upsertAudit } from './audit-upsert';
import { submitAudit } from './audit-submit';
import { uploadPhoto } from './photo-upload';
import { sha256Hex } from './sha256';
import { completeAuditOf, openSyncFixture, type SyncFixture } from './test-helpers';

const NOW = 1_760_000_000_000;

class NetworkError extends Error {}

/** A deterministic PRNG (mulberry32), so a failing run can be replayed. */
function prng(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Between the device and the services: delays every request, drops some before the server sees
 * them, fails some, delivers some twice (the copy later, possibly after newer requests) and loses
 * some responses after the server committed.
 */
function flakyNetwork(seed: number) {
	const random = prng(seed);
	const copies: Promise<unknown>[] = [];
	// A late copy must be harmless: every one is answered like the original, never an error.
	const copyErrors: unknown[] = [];
	const stats = { dropped: 0, failed: 0, duplicated: 0, lostResponses: 0, delivered: 0 };
	async function send<T>(call: () => Promise<T>): Promise<T> {
		await sleep(random() * 4);
		const roll = random();
		if (roll < 0.12) {
			stats.dropped++;
			throw new NetworkError('request dropped');
		}
		if (roll < 0.2) {
			stats.failed++;
			throw new NetworkError('502 from the proxy');
		}
		if (roll < 0.32) {
			stats.duplicated++;
			const delay = random() * 30;
			copies.push(
				sleep(delay)
					.then(call)
					.catch((error: unknown) => copyErrors.push(error))
			);
		}
		const result = await call();
		stats.delivered++;
		if (random() < 0.15) {
			stats.lostResponses++;
			throw new NetworkError('response lost after commit');
		}
		return result;
	}
	return { send, stats, copyErrors, settle: () => Promise.all(copies) };
}

describe('sync through a faulty network', () => {
	let f: SyncFixture;
	beforeEach(async () => {
		f = await openSyncFixture(NOW);
	});
	afterEach(async () => {
		await f.database.dispose();
	});

	it('ends with exactly 20 audits and 100 photos, right hashes and server scores', async () => {
		const network = flakyNetwork(20261123);
		const base = devicePhoto('receipt.jpg');
		const scale = f.a.template.stages
			.flatMap((stage) => stage.checkpoints)
			.find((c) => c.response.type === 'scale' && c.visibleWhen === undefined)!;
		const audits: BuiltAudit[] = Array.from({ length: 20 }, (_, i) => {
			const built = completeAuditOf(f.a, {
				revision: 2,
				receipt: false,
				photoBytes: Array.from({ length: 5 }, (_, p) => distinctJpeg(base, i * 5 + p))
			});
			// Different scores per audit, so a mixed-up score would show.
			const answers = built.upload.answers.map((a) =>
				a.checkpointId === scale.id ? { ...a, value: 3 + (i % 3) } : a
			);
			return { ...built, upload: { ...built.upload, answers } };
		});

		async function retry<T>(step: () => Promise<T>): Promise<T> {
			for (let attempt = 0; attempt < 100; attempt++) {
				try {
					return await network.send(step);
				} catch (error) {
					if (error instanceof NetworkError) continue;
					throw error;
				}
			}
			throw new Error('gave up after 100 attempts');
		}

		async function syncOne(audit: BuiltAudit, index: number): Promise<void> {
			const user = f.a.shopper;
			// Every other audit was first pushed half-done at revision 1, as a device does mid-visit.
			if (index % 2 === 0) {
				const draft = {
					...audit.upload,
					revision: 1,
					timeOut: null,
					answers: audit.upload.answers.slice(0, 10),
					photos: audit.upload.photos.slice(0, 2)
				};
				await retry(() => upsertAudit(f.ctx, user, audit.id, draft, NOW));
			}
			const stored = await retry(() => upsertAudit(f.ctx, user, audit.id, audit.upload, NOW + 1));
			expect(stored.revision).toBe(2);
			for (const photo of audit.photos) {
				await retry(() =>
					uploadPhoto(
						f.ctx,
						user,
						{
							auditId: audit.id,
							photoId: photo.entry.id,
							bytes: photo.bytes,
							declaredSha256: photo.entry.sha256
						},
						NOW + 2
					)
				);
			}
			const key = `${audit.id}:submit:${audit.upload.revision}`;
			const outcome = await retry(() =>
				submitAudit(f.ctx, user, audit.id, key, submitRequestOf(audit), NOW + 3)
			);
			expect(outcome.body).toMatchObject({ state: 'submitted', revision: 2 });
		}

		await Promise.all(audits.map((audit, i) => syncOne(audit, i)));
		await network.settle();

		// The faults really happened.
		expect(network.stats.dropped).toBeGreaterThan(5);
		expect(network.stats.duplicated).toBeGreaterThan(5);
		expect(network.stats.lostResponses).toBeGreaterThan(5);
		expect(network.copyErrors).toEqual([]);

		const rows = await f.ctx.db
			.selectFrom('audits')
			.selectAll()
			.where('organisation_id', '=', f.a.organisation.id)
			.execute();
		expect(rows).toHaveLength(20);
		const photos = await f.ctx.db.selectFrom('photos').selectAll().execute();
		expect(photos).toHaveLength(100);
		for (const audit of audits) {
			const row = rows.find((r) => r.id === audit.id)!;
			expect(row).toMatchObject({ state: 'submitted', revision: 2 });
			const answers = new Map<string, AnswerValue>(
				audit.upload.answers.map((a) => [a.checkpointId, a.value as AnswerValue])
			);
			expect(row.total_percent).toBe(scoreAudit(f.a.template, answers).totalPercent);
			const folder = join(f.ctx.dataDir, 'photos', f.a.organisation.id, audit.id);
			expect(readdirSync(folder).sort()).toEqual(
				audit.photos.map((p) => `${p.entry.id}.jpg`).sort()
			);
			for (const photo of audit.photos) {
				const stored = photos.find((p) => p.id === photo.entry.id)!;
				expect(stored).toMatchObject({ audit_id: audit.id, sha256: photo.entry.sha256 });
				expect(stored.stored_at).not.toBeNull();
				expect(sha256Hex(readFileSync(join(folder, `${photo.entry.id}.jpg`)))).toBe(
					photo.entry.sha256
				);
			}
		}
		expect(new Set(rows.map((r) => r.total_percent)).size).toBeGreaterThan(1);
		const keys = await f.ctx.db.selectFrom('idempotency_keys').selectAll().execute();
		expect(keys).toHaveLength(20);
	});
});
