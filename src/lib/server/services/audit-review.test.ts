import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '$lib/contract/auth';
import { ApiFailure } from '../http/api-error';
import { findAudit } from '../repos/audits';
import { listReportJobsOfAudit } from '../repos/report-jobs';
import { createDiskPhotoStore } from '../files/photo-store';
import { buildReportInput } from '../reports/build-report-input';
import { submitSmallAudit } from '../reports/testing/report-fixture';
import { ServiceError } from '../service-error';
import { submitRequestOf, type BuiltAudit } from '../testing/complete-audit';
import { getAuditTrail, getChangesSinceReturn, listReportVersions } from './audit-history';
import { getAuditDetail, listAuditsFor } from './audit-queries';
import { approveAudit, returnAudit } from './audit-review';
import { submitAudit } from './audit-submit';
import { upsertAudit } from './audit-upsert';
import { nextAuditToReview, listReviewQueuePage } from './review-queue';
import { pullChanges } from './sync-pull';
import { openSyncFixture, type SyncFixture } from './test-helpers';

const NOW = 1_760_000_000_000;

async function refusal(run: Promise<unknown>): Promise<ApiFailure> {
	const error = await run.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ServiceError);
	return ApiFailure.fromServiceError(error as ServiceError);
}

/** The shopper's edit after a return: the first answer changed, a note added, a new revision. */
async function editAndResubmit(f: SyncFixture, audit: BuiltAudit, at: number): Promise<void> {
	const [first, ...rest] = audit.upload.answers;
	audit.upload = {
		...audit.upload,
		revision: audit.upload.revision + 1,
		answers: [{ ...first!, value: 'no' }, ...rest],
		notes: [
			...audit.upload.notes,
			{ checkpointId: rest[0]!.checkpointId, text: 'Added after the return.', updatedAt: at }
		]
	};
	// A "no" needs a note where the template says so: keep the first note on that checkpoint.
	await upsertAudit(f.ctx, f.a.shopper, audit.id, audit.upload, at);
	await submitAudit(
		f.ctx,
		f.a.shopper,
		audit.id,
		`${audit.id}:submit:${audit.upload.revision}`,
		submitRequestOf(audit),
		at + 1
	);
}

describe('review: approve and return', () => {
	let f: SyncFixture;
	beforeEach(async () => {
		f = await openSyncFixture(NOW);
	});
	afterEach(async () => {
		await f.database.dispose();
	});

	it('returns with comments that reach the tablet, takes the resubmission, approves; a report version per decision', async () => {
		const audit = await submitSmallAudit(f.ctx, f.a, NOW);
		const [cp1, cp2] = audit.upload.answers.map((answer) => answer.checkpointId);
		const returned = await returnAudit(
			f.ctx,
			f.a.manager,
			audit.id,
			{
				expectedState: 'submitted',
				expectedRevision: 1,
				comment: 'Please describe the greeting in more detail.',
				checkpointComments: [
					{ checkpointId: cp1!, body: 'Was it really a yes?' },
					{ checkpointId: cp2!, body: 'Add a note here.' }
				]
			},
			NOW + 10
		);
		expect(returned).toEqual({ id: audit.id, state: 'returned', revision: 1, reportVersion: 2 });

		const pulled = await pullChanges(f.ctx, f.a.shopper, 0, NOW + 20);
		expect(pulled.audits).toEqual([
			{
				id: audit.id,
				state: 'returned',
				revision: 1,
				comments: expect.arrayContaining([
					expect.objectContaining({ checkpointId: null, round: 1 }),
					expect.objectContaining({ checkpointId: cp1, body: 'Was it really a yes?', round: 1 }),
					expect.objectContaining({ checkpointId: cp2, round: 1 })
				])
			}
		]);
		expect(pulled.audits[0]!.comments).toHaveLength(3);

		await editAndResubmit(f, audit, NOW + 30);
		expect((await findAudit(f.ctx.db, audit.id))?.state).toBe('resubmitted');

		const changes = await getChangesSinceReturn(f.ctx, f.a.manager, audit.id);
		expect(changes.returnedRevision).toBe(1);
		expect(changes.answers).toEqual([{ checkpointId: cp1, before: 'yes', after: 'no' }]);
		expect(changes.notes).toEqual([
			{ checkpointId: cp2, before: null, after: 'Added after the return.' }
		]);

		const approved = await approveAudit(
			f.ctx,
			f.a.manager,
			audit.id,
			{ expectedState: 'resubmitted', expectedRevision: 2 },
			NOW + 40
		);
		expect(approved).toEqual({ id: audit.id, state: 'approved', revision: 2, reportVersion: 4 });

		const jobs = await listReportJobsOfAudit(f.ctx.db, audit.id);
		expect(jobs.map((job) => [job.version, job.review_state, job.audit_revision])).toEqual([
			[1, 'submitted', 1],
			[2, 'returned', 1],
			[3, 'resubmitted', 2],
			[4, 'approved', 2]
		]);
		// Each version is made from exactly its revision, whatever the audit holds by then.
		const store = createDiskPhotoStore(f.ctx.dataDir);
		const v2 = await buildReportInput(f.ctx.db, store, jobs[1]!, NOW + 50);
		const v4 = await buildReportInput(f.ctx.db, store, jobs[3]!, NOW + 50);
		expect(v2.review).toEqual({ state: 'returned', version: 2 });
		expect(v2.content.answers.find((a) => a.checkpointId === cp1)?.value).toBe('yes');
		expect(v4.review).toEqual({ state: 'approved', version: 4 });
		expect(v4.content.answers.find((a) => a.checkpointId === cp1)?.value).toBe('no');

		const trail = await getAuditTrail(f.ctx, f.a.manager, audit.id);
		expect(trail.events.map((event) => [event.kind, event.actor?.pseudonym])).toEqual([
			['submitted', 'Shopper 1'],
			['returned', 'Reviewer 1'],
			['resubmitted', 'Shopper 1'],
			['approved', 'Reviewer 1']
		]);
		expect(trail.events[1]!.details).toMatchObject({
			round: 1,
			comment: 'Please describe the greeting in more detail.'
		});

		const versions = await listReportVersions(f.ctx, f.a.shopper, audit.id);
		expect(versions.map((v) => [v.version, v.reviewState])).toEqual([
			[4, 'approved'],
			[3, 'resubmitted'],
			[2, 'returned'],
			[1, 'submitted']
		]);
	});

	it('lets exactly one of two racing decisions take effect; the other is told the current state', async () => {
		const audit = await submitSmallAudit(f.ctx, f.a, NOW);
		const expected = { expectedState: 'submitted' as const, expectedRevision: 1 };
		const results = await Promise.allSettled([
			approveAudit(f.ctx, f.a.manager, audit.id, expected, NOW + 10),
			returnAudit(
				f.ctx,
				f.a.admin,
				audit.id,
				{ ...expected, comment: 'Redo the checkout.', checkpointComments: [] },
				NOW + 10
			)
		]);
		const fulfilled = results.filter((r) => r.status === 'fulfilled');
		const rejected = results.filter((r) => r.status === 'rejected');
		expect(fulfilled).toHaveLength(1);
		expect(rejected).toHaveLength(1);
		const winner = (fulfilled[0] as PromiseFulfilledResult<{ state: string }>).value.state;
		const error = (rejected[0] as PromiseRejectedResult).reason as ServiceError;
		expect(error).toBeInstanceOf(ServiceError);
		expect(error).toMatchObject({
			reason: 'conflict',
			code: 'review_conflict',
			details: { state: winner, revision: 1 }
		});
		expect((await findAudit(f.ctx.db, audit.id))?.state).toBe(winner);
		expect(await listReportJobsOfAudit(f.ctx.db, audit.id)).toHaveLength(2);
	});

	it('refuses a decision on a state or revision the reviewer did not see', async () => {
		const audit = await submitSmallAudit(f.ctx, f.a, NOW);
		const stale = await refusal(
			approveAudit(
				f.ctx,
				f.a.manager,
				audit.id,
				{ expectedState: 'resubmitted', expectedRevision: 1 },
				NOW
			)
		);
		expect(stale).toMatchObject({ status: 409, code: 'review_conflict' });
		const wrongRevision = await refusal(
			approveAudit(
				f.ctx,
				f.a.manager,
				audit.id,
				{ expectedState: 'submitted', expectedRevision: 2 },
				NOW
			)
		);
		expect(wrongRevision).toMatchObject({ status: 409, details: { state: 'submitted' } });
		expect((await findAudit(f.ctx.db, audit.id))?.state).toBe('submitted');
	});

	it('refuses comments on checkpoints the template lacks, twice on one checkpoint, and changes nothing', async () => {
		const audit = await submitSmallAudit(f.ctx, f.a, NOW);
		const base = { expectedState: 'submitted' as const, expectedRevision: 1, comment: '' };
		expect(
			await refusal(
				returnAudit(
					f.ctx,
					f.a.manager,
					audit.id,
					{ ...base, checkpointComments: [{ checkpointId: 'no.such', body: 'x' }] },
					NOW
				)
			)
		).toMatchObject({ status: 422, code: 'unknown_checkpoint' });
		const cp = audit.upload.answers[0]!.checkpointId;
		expect(
			await refusal(
				returnAudit(
					f.ctx,
					f.a.manager,
					audit.id,
					{
						...base,
						checkpointComments: [
							{ checkpointId: cp, body: 'a' },
							{ checkpointId: cp, body: 'b' }
						]
					},
					NOW
				)
			)
		).toMatchObject({ status: 422, code: 'duplicate_entry' });
		expect((await findAudit(f.ctx.db, audit.id))?.state).toBe('submitted');
		expect(await listReportJobsOfAudit(f.ctx.db, audit.id)).toHaveLength(1);
	});
});

describe('review: who may do what', () => {
	let f: SyncFixture;
	let audit: BuiltAudit;
	const approve = (user: SessionUser, id = audit.id) =>
		approveAudit(f.ctx, user, id, { expectedState: 'submitted', expectedRevision: 1 }, NOW + 5);
	beforeEach(async () => {
		f = await openSyncFixture(NOW);
		audit = await submitSmallAudit(f.ctx, f.a, NOW);
	});
	afterEach(async () => {
		await f.database.dispose();
	});

	it('refuses shoppers and readers (403) and another organisation’s reviewers (404)', async () => {
		for (const user of [f.a.shopper, f.a.otherShopper, f.a.viewer]) {
			expect(await refusal(approve(user))).toMatchObject({ status: 403 });
			expect(await refusal(getAuditTrail(f.ctx, user, audit.id))).toMatchObject({ status: 403 });
			expect(await refusal(listReviewQueuePage(f.ctx, user, {}))).toMatchObject({ status: 403 });
		}
		for (const user of [f.b.manager, f.b.admin]) {
			expect(await refusal(approve(user))).toMatchObject({ status: 404, code: 'audit_not_found' });
			expect(await refusal(getAuditTrail(f.ctx, user, audit.id))).toMatchObject({ status: 404 });
			expect(await refusal(getChangesSinceReturn(f.ctx, user, audit.id))).toMatchObject({
				status: 404
			});
		}
		expect((await listReviewQueuePage(f.ctx, f.b.manager, {})).items).toEqual([]);
		expect((await findAudit(f.ctx.db, audit.id))?.state).toBe('submitted');
	});

	it('runs a manager’s own competitor visit like a shopper’s, and lets only someone else review it', async () => {
		const own = await submitSmallAudit(f.ctx, f.a, NOW, f.a.fieldManager);
		expect((await findAudit(f.ctx.db, own.id))?.state).toBe('submitted');
		expect(await listReportJobsOfAudit(f.ctx.db, own.id)).toHaveLength(1);
		expect(await refusal(approve(f.a.fieldManager, own.id))).toMatchObject({
			status: 403,
			code: 'own_audit'
		});
		await expect(approve(f.a.manager, own.id)).resolves.toMatchObject({ state: 'approved' });
		// Without the field capability a manager cannot send audits at all.
		expect(await refusal(submitSmallAudit(f.ctx, f.a, NOW, f.a.manager))).toMatchObject({
			status: 403
		});
	});

	it('shows report readers approved audits of their locations only, and only the newest report', async () => {
		const listIds = async (user: SessionUser) =>
			(await listAuditsFor(f.ctx, user, {})).items.map((item) => item.id);
		expect(await listIds(f.a.viewer)).toEqual([]);
		expect(await refusal(getAuditDetail(f.ctx, f.a.viewer, audit.id))).toMatchObject({
			status: 404
		});
		await approve(f.a.manager);
		expect(await listIds(f.a.viewer)).toEqual([audit.id]);
		expect(await listIds(f.a.otherViewer)).toEqual([]);
		expect(await listIds(f.b.viewer)).toEqual([]);
		expect(await refusal(getAuditDetail(f.ctx, f.a.otherViewer, audit.id))).toMatchObject({
			status: 404
		});
		const detail = await getAuditDetail(f.ctx, f.a.viewer, audit.id);
		expect(detail.state).toBe('approved');
		expect(detail.comments).toEqual([]);
		expect((await listReportVersions(f.ctx, f.a.viewer, audit.id)).map((v) => v.version)).toEqual([
			2
		]);
		// Asking for another state never widens what a reader sees.
		expect((await listAuditsFor(f.ctx, f.a.viewer, { state: 'submitted' })).items).toEqual([]);
	});

	it('serves the queue oldest hand-in first, page by page, and names the next audit', async () => {
		const second = await submitSmallAudit(f.ctx, f.a, NOW + 100);
		const third = await submitSmallAudit(f.ctx, f.a, NOW + 200);
		const first = await listReviewQueuePage(f.ctx, f.a.manager, { limit: 2 });
		expect(first.items.map((item) => item.id)).toEqual([audit.id, second.id]);
		const rest = await listReviewQueuePage(f.ctx, f.a.manager, { cursor: first.nextCursor });
		expect(rest.items.map((item) => item.id)).toEqual([third.id]);
		expect(rest.nextCursor).toBeNull();
		expect(await nextAuditToReview(f.ctx, f.a.manager, audit.id)).toBe(second.id);
		await approve(f.a.manager);
		expect(await nextAuditToReview(f.ctx, f.a.manager, second.id)).toBe(third.id);
		expect((await listReviewQueuePage(f.ctx, f.a.manager, {})).items).toHaveLength(2);
	});
});
