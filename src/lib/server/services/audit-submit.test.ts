import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateAudit } from '$lib/domain/validation';
import type { BuiltAudit } from '../testing/complete-audit';
import { submitRequestOf } from '../testing/complete-audit';
import { findAudit } from '../repos/audits';
import { upsertAudit } from './audit-upsert';
import { answerMap, noteMap } from './audit-content';
import { submitAudit } from './audit-submit';
import {
	completeAuditOf,
	openSyncFixture,
	uploadAllPhotos,
	type SyncFixture
} from './test-helpers';

const NOW = 1_760_000_000_000;

describe('submitAudit', () => {
	let f: SyncFixture;
	let audit: BuiltAudit;
	beforeEach(async () => {
		f = await openSyncFixture(NOW);
		audit = completeAuditOf(f.a);
		await upsertAudit(f.ctx, f.a.shopper, audit.id, audit.upload, NOW);
	});
	afterEach(async () => {
		await f.database.dispose();
	});
	const submit = (
		key: string | null,
		request = submitRequestOf(audit),
		user = f.a.shopper,
		at = NOW + 10
	) => submitAudit(f.ctx, user, audit.id, key, request, at);

	it('builds a complete audit: domain validation finds nothing missing', () => {
		const problems = validateAudit({
			template: f.a.template,
			answers: answerMap(audit.upload),
			notes: noteMap(audit.upload),
			photos: audit.upload.photos,
			timeOut: audit.upload.timeOut
		});
		expect(problems).toEqual([]);
		expect(audit.photos.filter((p) => p.entry.kind === 'checkpoint').length).toBeGreaterThanOrEqual(
			4
		);
	});

	it('submits a complete audit once every photo is stored, re-scored, and closes the assignment', async () => {
		await uploadAllPhotos(f.ctx, f.a.shopper, audit, NOW);
		const outcome = await submit('k1');
		expect(outcome).toEqual({
			status: 200,
			body: {
				id: audit.id,
				state: 'submitted',
				revision: 1,
				totalPercent: 100,
				submittedAt: NOW + 10
			}
		});
		expect(await findAudit(f.ctx.db, audit.id)).toMatchObject({
			state: 'submitted',
			submitted_at: NOW + 10,
			total_percent: 100
		});
		const assignment = await f.ctx.db
			.selectFrom('assignments')
			.select(['status', 'updated_at'])
			.where('id', '=', f.a.assignment.id)
			.executeTakeFirstOrThrow();
		expect(assignment).toEqual({ status: 'done', updated_at: NOW + 10 });
	});

	it('refuses while photos are missing (409 photos_missing, the ids), then accepts the same key', async () => {
		const [first, second, ...rest] = audit.photos;
		await uploadAllPhotos(f.ctx, f.a.shopper, { ...audit, photos: rest }, NOW);
		await expect(submit('k1')).rejects.toMatchObject({
			reason: 'conflict',
			code: 'photos_missing',
			details: { missing: [first!.entry.id, second!.entry.id].sort() }
		});
		expect((await findAudit(f.ctx.db, audit.id))!.state).toBe('draft');
		await uploadAllPhotos(f.ctx, f.a.shopper, { ...audit, photos: [first!, second!] }, NOW);
		expect((await submit('k1')).body.state).toBe('submitted');
	});

	it('refuses another revision (409 revision_mismatch) and another manifest (409 manifest_mismatch)', async () => {
		await uploadAllPhotos(f.ctx, f.a.shopper, audit, NOW);
		await expect(submit('k1', { ...submitRequestOf(audit), revision: 2 })).rejects.toMatchObject({
			reason: 'conflict',
			code: 'revision_mismatch',
			details: { serverRevision: 1 }
		});
		const request = submitRequestOf(audit);
		await expect(
			submit('k2', { ...request, photos: request.photos.slice(1) })
		).rejects.toMatchObject({ reason: 'conflict', code: 'manifest_mismatch' });
		await expect(
			submit('k3', {
				...request,
				photos: [{ ...request.photos[0]!, sha256: 'c'.repeat(64) }, ...request.photos.slice(1)]
			})
		).rejects.toMatchObject({ reason: 'conflict', code: 'manifest_mismatch' });
		expect((await findAudit(f.ctx.db, audit.id))!.state).toBe('draft');
	});

	it('replays the stored outcome for the same key and body, even after the state moved on', async () => {
		await uploadAllPhotos(f.ctx, f.a.shopper, audit, NOW);
		const first = await submit('k1');
		await f.ctx.db
			.updateTable('audits')
			.set({ state: 'approved' })
			.where('id', '=', audit.id)
			.execute();
		const request = submitRequestOf(audit);
		const replay = await submit(
			'k1',
			{ ...request, photos: [...request.photos].reverse() },
			f.a.shopper,
			NOW + 99
		);
		expect(replay).toEqual(first);
	});

	it('refuses the same key with another body (422 idempotency_key_reused)', async () => {
		await uploadAllPhotos(f.ctx, f.a.shopper, audit, NOW);
		await submit('k1');
		const request = submitRequestOf(audit);
		await expect(
			submit('k1', { ...request, photos: request.photos.slice(1) })
		).rejects.toMatchObject({
			reason: 'invalid',
			code: 'idempotency_key_reused'
		});
		const other = completeAuditOf(f.a, { id: undefined });
		await upsertAudit(f.ctx, f.a.shopper, other.id, { ...other.upload, assignmentId: null }, NOW);
		await expect(
			submitAudit(f.ctx, f.a.shopper, other.id, 'k1', submitRequestOf(other), NOW)
		).rejects.toMatchObject({ reason: 'invalid', code: 'idempotency_key_reused' });
	});

	it('answers a second submit with a new key with the current state, without submitting again', async () => {
		await uploadAllPhotos(f.ctx, f.a.shopper, audit, NOW);
		await submit('k1');
		const second = await submit('k2', submitRequestOf(audit), f.a.shopper, NOW + 500);
		expect(second).toEqual({
			status: 200,
			body: {
				id: audit.id,
				state: 'submitted',
				revision: 1,
				totalPercent: 100,
				submittedAt: NOW + 10
			}
		});
		expect((await findAudit(f.ctx.db, audit.id))!.submitted_at).toBe(NOW + 10);
	});

	it('gives one outcome to concurrent submits with the same key', async () => {
		await uploadAllPhotos(f.ctx, f.a.shopper, audit, NOW);
		const outcomes = await Promise.all(
			[1, 2, 3, 4, 5].map((i) => submit('k1', submitRequestOf(audit), f.a.shopper, NOW + i))
		);
		expect(new Set(outcomes.map((o) => JSON.stringify(o))).size).toBe(1);
		const keys = await f.ctx.db.selectFrom('idempotency_keys').selectAll().execute();
		expect(keys).toHaveLength(1);
	});

	it('refuses an incomplete audit (422 audit_incomplete) with the domain’s problems', async () => {
		const required = audit.photos.find((p) => p.entry.kind === 'checkpoint')!;
		const answers = audit.upload.answers.filter((a) => a.checkpointId !== 'greeting.greeted');
		const photos = audit.upload.photos.filter((p) => p.id !== required.entry.id);
		await upsertAudit(
			f.ctx,
			f.a.shopper,
			audit.id,
			{ ...audit.upload, revision: 2, answers, photos, timeOut: null },
			NOW
		);
		await uploadAllPhotos(
			f.ctx,
			f.a.shopper,
			{ ...audit, photos: audit.photos.filter((p) => p !== required) },
			NOW
		);
		const request = { revision: 2, photos: photos.map((p) => ({ id: p.id, sha256: p.sha256 })) };
		const failure = await submit('k1', request).catch((error: unknown) => error);
		expect(failure).toMatchObject({ reason: 'invalid', code: 'audit_incomplete' });
		const problems = (
			failure as { details: { problems: { kind: string; checkpointId: string | null }[] } }
		).details.problems;
		expect(problems).toEqual(
			expect.arrayContaining([
				{ kind: 'answer_missing', stageId: 'greeting', checkpointId: 'greeting.greeted' },
				{
					kind: 'photo_missing',
					stageId: expect.any(String),
					checkpointId: required.entry.checkpointId
				},
				{ kind: 'time_out_missing', stageId: null, checkpointId: null }
			])
		);
		expect(problems).toHaveLength(3);
		expect((await findAudit(f.ctx.db, audit.id))!.state).toBe('draft');
	});

	it('resubmits a returned audit at its new revision (returned → resubmitted)', async () => {
		await uploadAllPhotos(f.ctx, f.a.shopper, audit, NOW);
		await submit('k1');
		await f.ctx.db
			.updateTable('audits')
			.set({ state: 'returned' })
			.where('id', '=', audit.id)
			.execute();
		const revised = {
			...audit,
			upload: { ...audit.upload, revision: 2, narrative: 'Added detail.' }
		};
		await upsertAudit(f.ctx, f.a.shopper, audit.id, revised.upload, NOW + 100);
		const outcome = await submitAudit(
			f.ctx,
			f.a.shopper,
			audit.id,
			'k2',
			submitRequestOf(revised),
			NOW + 200
		);
		expect(outcome.body).toMatchObject({
			state: 'resubmitted',
			revision: 2,
			submittedAt: NOW + 200
		});
		expect(await findAudit(f.ctx.db, audit.id)).toMatchObject({
			state: 'resubmitted',
			revision: 2
		});
	});

	it('requires an idempotency key of 1–200 characters', async () => {
		for (const key of [null, '', 'x'.repeat(201)]) {
			await expect(submit(key)).rejects.toMatchObject({
				reason: 'bad_request',
				code: 'invalid_idempotency_key'
			});
		}
	});

	it('answers 404 to another organisation’s or another shopper’s submit', async () => {
		await uploadAllPhotos(f.ctx, f.a.shopper, audit, NOW);
		for (const user of [f.b.shopper, f.a.otherShopper]) {
			await expect(submit('k1', submitRequestOf(audit), user)).rejects.toMatchObject({
				reason: 'not_found',
				code: 'audit_not_found'
			});
		}
		expect((await findAudit(f.ctx.db, audit.id))!.state).toBe('draft');
	});
});
