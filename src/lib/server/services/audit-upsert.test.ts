import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditUpload } from '$lib/contract/sync';
import { scoreAudit } from '$lib/domain/scoring';
import { devicePhoto, photoEntry } from '../testing/complete-audit';
import { findAudit } from '../repos/audits';
import { listPhotosOfAudit } from '../repos/photos';
import { upsertAudit } from './audit-upsert';
import { answerMap, parseContent } from './audit-content';
import { decodeStoredScore } from './stored-score';
import {
	completeAuditOf,
	openSyncFixture,
	plainLocation,
	uploadAllPhotos,
	type SyncFixture
} from './test-helpers';

const NOW = 1_760_000_000_000;

describe('upsertAudit', () => {
	let f: SyncFixture;
	beforeEach(async () => {
		f = await openSyncFixture(NOW);
	});
	afterEach(async () => {
		await f.database.dispose();
	});

	it('stores a new audit as a draft, scored by the server, with every photo missing', async () => {
		const audit = completeAuditOf(f.a);
		const response = await upsertAudit(f.ctx, f.a.shopper, audit.id, audit.upload, NOW);
		expect(response).toEqual({
			id: audit.id,
			revision: 1,
			state: 'draft',
			missingPhotos: audit.photos.map((p) => p.entry.id).sort()
		});
		const row = await findAudit(f.ctx.db, audit.id);
		expect(row).toMatchObject({
			organisation_id: f.a.organisation.id,
			shopper_id: f.a.shopper.id,
			assignment_id: f.a.assignment.id,
			location_id: f.a.location.id,
			revision: 1,
			state: 'draft',
			received_at: NOW
		});
		const expected = scoreAudit(f.a.template, answerMap(parseContent(row!.content)));
		expect(expected.totalPercent).toBe(100);
		expect(row!.total_percent).toBe(100);
		expect(decodeStoredScore(row!.score)).toEqual(expected);
		expect(parseContent(row!.content).answers).toEqual(audit.upload.answers);
		expect(await listPhotosOfAudit(f.ctx.db, audit.id)).toHaveLength(audit.photos.length);
	});

	it('scores what the device sent, not a number it claims: a failed critical caps the total', async () => {
		const audit = completeAuditOf(f.a);
		const answers = audit.upload.answers.map((a) =>
			a.checkpointId === 'arrival.open-as-posted' ? { ...a, value: 'no' } : a
		);
		await upsertAudit(f.ctx, f.a.shopper, audit.id, { ...audit.upload, answers }, NOW);
		const row = await findAudit(f.ctx.db, audit.id);
		const score = decodeStoredScore(row!.score);
		expect(score.criticalFailures).toEqual(['arrival.open-as-posted']);
		expect(row!.total_percent).toBe(score.totalPercent);
		expect(row!.total_percent).toBeLessThan(100);
	});

	it('treats the same revision twice as one: the second changes nothing', async () => {
		const audit = completeAuditOf(f.a);
		await upsertAudit(f.ctx, f.a.shopper, audit.id, audit.upload, NOW);
		const again = await upsertAudit(
			f.ctx,
			f.a.shopper,
			audit.id,
			{ ...audit.upload, narrative: 'changed without a new revision' },
			NOW + 1000
		);
		expect(again.revision).toBe(1);
		const row = await findAudit(f.ctx.db, audit.id);
		expect(parseContent(row!.content).narrative).toBe(audit.upload.narrative);
		expect(row!.updated_at).toBe(NOW);
	});

	it('ignores an older revision that arrives after a newer one', async () => {
		const audit = completeAuditOf(f.a);
		await upsertAudit(
			f.ctx,
			f.a.shopper,
			audit.id,
			{ ...audit.upload, revision: 5, narrative: 'five' },
			NOW
		);
		const late = await upsertAudit(
			f.ctx,
			f.a.shopper,
			audit.id,
			{ ...audit.upload, revision: 3, narrative: 'three' },
			NOW + 1
		);
		expect(late).toMatchObject({ revision: 5, state: 'draft' });
		const row = await findAudit(f.ctx.db, audit.id);
		expect(row!.revision).toBe(5);
		expect(parseContent(row!.content).narrative).toBe('five');
	});

	it('ends at the highest revision when revisions race, with that revision’s manifest', async () => {
		const audit = completeAuditOf(f.a);
		const extra = devicePhoto('receipt.jpg');
		const revisions = [4, 1, 8, 2, 7, 3, 6, 5];
		const results = await Promise.all(
			revisions.map((revision) =>
				upsertAudit(
					f.ctx,
					f.a.shopper,
					audit.id,
					{
						...audit.upload,
						revision,
						narrative: `rev ${revision}`,
						photos: [
							...audit.upload.photos,
							photoEntry(extra, { checkpointId: null, kind: 'general', caption: `rev ${revision}` })
						]
					},
					NOW + revision
				)
			)
		);
		expect(results.every((r) => r.revision >= 1)).toBe(true);
		const row = await findAudit(f.ctx.db, audit.id);
		expect(row!.revision).toBe(8);
		expect(parseContent(row!.content).narrative).toBe('rev 8');
		const photos = await listPhotosOfAudit(f.ctx.db, audit.id);
		const general = photos.filter((p) => p.kind === 'general');
		expect(general.map((p) => p.caption)).toEqual(['rev 8']);
		expect(photos).toHaveLength(audit.photos.length + 1);
	});

	it('follows the manifest: new photos wait for bytes, dropped ones go with their files', async () => {
		const audit = completeAuditOf(f.a);
		await upsertAudit(f.ctx, f.a.shopper, audit.id, audit.upload, NOW);
		await uploadAllPhotos(f.ctx, f.a.shopper, audit, NOW);
		const [dropped, ...kept] = audit.upload.photos;
		const added = photoEntry(devicePhoto('receipt.jpg'), { checkpointId: null, kind: 'general' });
		const file = join(f.ctx.dataDir, 'photos', f.a.organisation.id, audit.id, `${dropped!.id}.jpg`);
		expect(existsSync(file)).toBe(true);
		const response = await upsertAudit(
			f.ctx,
			f.a.shopper,
			audit.id,
			{
				...audit.upload,
				revision: 2,
				photos: [{ ...kept[0]!, caption: 'edited' }, ...kept.slice(1), added]
			},
			NOW + 1
		);
		expect(response.missingPhotos).toEqual([added.id]);
		const photos = await listPhotosOfAudit(f.ctx.db, audit.id);
		expect(photos.map((p) => p.id).sort()).toEqual([...kept.map((p) => p.id), added.id].sort());
		expect(photos.find((p) => p.id === kept[0]!.id)?.caption).toBe('edited');
		expect(existsSync(file)).toBe(false);
	});

	it('refuses other bytes under a known photo id (409 photo_changed) and keeps the stored revision', async () => {
		const audit = completeAuditOf(f.a);
		await upsertAudit(f.ctx, f.a.shopper, audit.id, audit.upload, NOW);
		const [first, ...rest] = audit.upload.photos;
		const changed = { ...first!, sha256: 'a'.repeat(64) };
		await expect(
			upsertAudit(
				f.ctx,
				f.a.shopper,
				audit.id,
				{ ...audit.upload, revision: 2, photos: [changed, ...rest] },
				NOW
			)
		).rejects.toMatchObject({ reason: 'conflict', code: 'photo_changed' });
		expect((await findAudit(f.ctx.db, audit.id))!.revision).toBe(1);
	});

	it('locks a submitted audit: a new revision is 409 audit_locked, the same revision is 200', async () => {
		const audit = completeAuditOf(f.a);
		await upsertAudit(f.ctx, f.a.shopper, audit.id, audit.upload, NOW);
		await f.ctx.db
			.updateTable('audits')
			.set({ state: 'submitted' })
			.where('id', '=', audit.id)
			.execute();
		await expect(
			upsertAudit(f.ctx, f.a.shopper, audit.id, { ...audit.upload, revision: 2 }, NOW)
		).rejects.toMatchObject({ reason: 'conflict', code: 'audit_locked' });
		const same = await upsertAudit(f.ctx, f.a.shopper, audit.id, audit.upload, NOW);
		expect(same).toMatchObject({ revision: 1, state: 'submitted' });
	});

	it('accepts new content of a returned audit and keeps it returned', async () => {
		const audit = completeAuditOf(f.a);
		await upsertAudit(f.ctx, f.a.shopper, audit.id, audit.upload, NOW);
		await f.ctx.db
			.updateTable('audits')
			.set({ state: 'returned' })
			.where('id', '=', audit.id)
			.execute();
		const response = await upsertAudit(
			f.ctx,
			f.a.shopper,
			audit.id,
			{ ...audit.upload, revision: 2 },
			NOW
		);
		expect(response).toMatchObject({ revision: 2, state: 'returned' });
	});

	it('checks every reference against the organisation and the template', async () => {
		const audit = completeAuditOf(f.a);
		const cases: [Partial<AuditUpload>, string][] = [
			[{ templateVersion: 99 }, 'unknown_template'],
			[{ location: plainLocation(f.b.location) }, 'unknown_location'],
			[{ assignmentId: f.b.assignment.id }, 'unknown_assignment'],
			[
				{ answers: [{ checkpointId: 'no.such', value: 'yes', answeredAt: NOW }] },
				'unknown_checkpoint'
			],
			[{ notes: [{ checkpointId: 'no.such', text: 'x', updatedAt: NOW }] }, 'unknown_checkpoint'],
			[{ answers: [...audit.upload.answers, audit.upload.answers[0]!] }, 'duplicate_entry']
		];
		for (const [change, code] of cases) {
			await expect(
				upsertAudit(f.ctx, f.a.shopper, audit.id, { ...audit.upload, ...change }, NOW)
			).rejects.toMatchObject({ reason: 'invalid', code });
		}
		// Another shopper's assignment of the same organisation is not this shopper's either.
		await expect(
			upsertAudit(f.ctx, f.a.otherShopper, audit.id, audit.upload, NOW)
		).rejects.toMatchObject({ reason: 'invalid', code: 'unknown_assignment' });
		await expect(
			upsertAudit(f.ctx, f.a.shopper, '../../etc', audit.upload, NOW)
		).rejects.toMatchObject({ reason: 'bad_request', code: 'invalid_id' });
		expect(await findAudit(f.ctx.db, audit.id)).toBeUndefined();
	});

	it('answers 404 to anyone else writing to an existing audit id, and changes nothing', async () => {
		const audit = completeAuditOf(f.a);
		await upsertAudit(f.ctx, f.a.shopper, audit.id, audit.upload, NOW);
		const intruder = completeAuditOf(f.b, { id: audit.id, revision: 9 });
		await expect(
			upsertAudit(f.ctx, f.b.shopper, audit.id, intruder.upload, NOW)
		).rejects.toMatchObject({ reason: 'not_found', code: 'audit_not_found' });
		await expect(
			upsertAudit(
				f.ctx,
				f.a.otherShopper,
				audit.id,
				{ ...audit.upload, assignmentId: null, revision: 9 },
				NOW
			)
		).rejects.toMatchObject({ reason: 'not_found', code: 'audit_not_found' });
		const row = await findAudit(f.ctx.db, audit.id);
		expect(row).toMatchObject({
			organisation_id: f.a.organisation.id,
			shopper_id: f.a.shopper.id,
			revision: 1
		});
	});
});
