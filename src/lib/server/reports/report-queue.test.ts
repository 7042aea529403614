import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listReportJobsOfAudit } from '../repos/report-jobs';
import { submitAudit } from '../services/audit-submit';
import { upsertAudit } from '../services/audit-upsert';
import { openSyncFixture, uploadAllPhotos, type SyncFixture } from '../services/test-helpers';
import { submitRequestOf } from '../testing/complete-audit';
import { onReportQueued } from './report-queue';
import { submitSmallAudit } from './testing/report-fixture';

const NOW = 1_760_000_000_000;

describe('report jobs queued by submits', () => {
	let f: SyncFixture;
	beforeEach(async () => {
		f = await openSyncFixture(NOW);
	});
	afterEach(async () => {
		await f.database.dispose();
	});

	it('queues exactly one pending job per accepted submit, none for a replay, v2 on resubmit', async () => {
		let announced = 0;
		const unsubscribe = onReportQueued(() => announced++);
		const audit = await submitSmallAudit(f.ctx, f.a, NOW);
		let jobs = await listReportJobsOfAudit(f.ctx.db, audit.id);
		expect(jobs).toHaveLength(1);
		expect(jobs[0]).toMatchObject({
			organisation_id: f.a.organisation.id,
			version: 1,
			state: 'pending',
			attempts: 0,
			last_error: null,
			file: null
		});
		expect(announced).toBe(1);

		// The same key again (a replay) and a new key at the same revision: no state change.
		const replay = await submitAudit(
			f.ctx,
			f.a.shopper,
			audit.id,
			`submit-${audit.id}`,
			submitRequestOf(audit),
			NOW + 5
		);
		expect(replay.body.state).toBe('submitted');
		await submitAudit(f.ctx, f.a.shopper, audit.id, 'other-key', submitRequestOf(audit), NOW + 6);
		jobs = await listReportJobsOfAudit(f.ctx.db, audit.id);
		expect(jobs).toHaveLength(1);
		expect(announced).toBe(1);

		// The reviewer returns it; the shopper edits and hands it in again.
		await f.ctx.db
			.updateTable('audits')
			.set({ state: 'returned' })
			.where('id', '=', audit.id)
			.execute();
		const revised = { ...audit, upload: { ...audit.upload, revision: 2, narrative: 'Revised.' } };
		await upsertAudit(f.ctx, f.a.shopper, audit.id, revised.upload, NOW + 10);
		await uploadAllPhotos(f.ctx, f.a.shopper, revised, NOW + 10);
		const resubmit = await submitAudit(
			f.ctx,
			f.a.shopper,
			audit.id,
			'resubmit-key',
			submitRequestOf(revised),
			NOW + 11
		);
		expect(resubmit.body.state).toBe('resubmitted');
		jobs = await listReportJobsOfAudit(f.ctx.db, audit.id);
		expect(jobs.map((job) => [job.version, job.state])).toEqual([
			[1, 'pending'],
			[2, 'pending']
		]);
		expect(announced).toBe(2);
		unsubscribe();
	});

	it('queues nothing when the submit is refused', async () => {
		const audit = await submitSmallAudit(f.ctx, f.a, NOW);
		await expect(
			submitAudit(
				f.ctx,
				f.a.shopper,
				audit.id,
				'k2',
				{ ...submitRequestOf(audit), revision: 9 },
				NOW
			)
		).rejects.toMatchObject({ reason: 'conflict' });
		expect(await listReportJobsOfAudit(f.ctx.db, audit.id)).toHaveLength(1);
	});
});
