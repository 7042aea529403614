import { randomUUID } from 'node:crypto';
import type { SessionUser } from '$lib/contract/auth';
import type { ApproveRequest, ReturnRequest, ReviewOutcome } from '$lib/contract/office';
import {
	mayTakeReviewStep,
	nextReviewState,
	REVIEW_TRANSITIONS,
	type ReviewAction
} from '$lib/domain/review-transitions';
import type { Db } from '../db/connect';
import { insertAuditEvent } from '../repos/audit-events';
import { changeReviewState, findAudit, lockAudit, type AuditRow } from '../repos/audits';
import { insertReviewComments, nextCommentRound } from '../repos/review-comments';
import { markScoreRowsApproved, removeScoreRows } from '../repos/score-rows';
import { announceReportQueued, queueReport } from '../reports/report-queue';
import { ServiceError } from '../service-error';
import { auditNotFound, isOwnAudit, requireReviewWork } from './audit-access';
import type { ServiceContext } from './context';
import { requireUuid } from './ids';
import { findPublishedTemplate } from './org-lookups';
import { sealReportVersion } from '../seal/seal-service';
import { organisationSigningKey, sealKeyDir } from '../seal/signing-keys';

/**
 * Approves a handed-in audit (submitted or resubmitted → approved) and queues the report version
 * that shows it approved. Reviewers (managers, admins) of its organisation only, never on their
 * own audit. Applies only if the audit is still in `expectedState` at `expectedRevision`: of two
 * reviewers acting at once exactly one succeeds; the other gets conflict `review_conflict` with
 * the current state and revision. Refusals: not_found `audit_not_found` (unknown, or another
 * organisation's), forbidden (not a reviewer, or their own audit), conflict `review_conflict`.
 */
export function approveAudit(
	ctx: ServiceContext,
	user: SessionUser,
	auditId: string,
	request: ApproveRequest,
	now: number
): Promise<ReviewOutcome> {
	return takeReviewStep(ctx, user, auditId, 'approve', request, now, async () => ({}));
}

/**
 * Returns a handed-in audit to its shopper (→ returned) with an overall comment and comments on
 * chosen checkpoints of its template, as the next comment round; the tablet gets them on its next
 * pull. Queues the report version that shows it returned. The same rules as `approveAudit`;
 * also invalid `unknown_checkpoint` (a comment on a checkpoint the template lacks) and invalid
 * `duplicate_entry` (two comments on one checkpoint).
 */
export function returnAudit(
	ctx: ServiceContext,
	user: SessionUser,
	auditId: string,
	request: ReturnRequest,
	now: number
): Promise<ReviewOutcome> {
	return takeReviewStep(ctx, user, auditId, 'return', request, now, async (trx, audit) => {
		await checkCommentTargets(trx, audit, request);
		const round = await nextCommentRound(trx, audit.id);
		const rows = [
			...(request.comment ? [{ checkpointId: null, body: request.comment }] : []),
			...request.checkpointComments
		].map((comment) => ({
			id: randomUUID(),
			audit_id: audit.id,
			organisation_id: audit.organisation_id,
			checkpoint_id: comment.checkpointId,
			author_id: user.id,
			body: comment.body,
			created_at: now,
			round
		}));
		await insertReviewComments(trx, rows);
		return { round, comment: request.comment, checkpointComments: request.checkpointComments };
	});
}

async function takeReviewStep(
	ctx: ServiceContext,
	user: SessionUser,
	auditId: string,
	action: Extract<ReviewAction, 'approve' | 'return'>,
	expected: { expectedState: string; expectedRevision: number },
	now: number,
	extra: (trx: Db, audit: AuditRow) => Promise<Record<string, unknown>>
): Promise<ReviewOutcome> {
	requireReviewWork(user);
	requireUuid(auditId, 'audit');
	const key = await organisationSigningKey(ctx.db, sealKeyDir(ctx.dataDir), user.organisation.id);
	const outcome = await ctx.db.transaction().execute(async (trx) => {
		// Serialises decisions on this audit; the conditional update below is the real guard.
		await lockAudit(trx, auditId);
		const audit = await findAudit(trx, auditId);
		if (!audit || audit.organisation_id !== user.organisation.id) throw auditNotFound();
		if (!mayTakeReviewStep(action, user, isOwnAudit(user, audit))) {
			throw new ServiceError('forbidden', 'own_audit', 'Someone else must review your own audit.');
		}
		const to = nextReviewState(action, audit.state);
		if (
			to === null ||
			audit.state !== expected.expectedState ||
			audit.revision !== expected.expectedRevision
		) {
			throw reviewConflict(audit);
		}
		const moved = await changeReviewState(trx, {
			id: audit.id,
			organisationId: audit.organisation_id,
			from: audit.state,
			revision: audit.revision,
			to,
			now
		});
		if (!moved) throw reviewConflict((await findAudit(trx, auditId)) ?? audit);
		const details = await extra(trx, audit);
		// The insights follow the decision in its transaction: a returned audit stops counting
		// until it is resubmitted (with its new score); an approved one counts for report readers.
		if (to === 'approved') await markScoreRowsApproved(trx, audit.id);
		else await removeScoreRows(trx, audit.id);
		await insertAuditEvent(trx, {
			id: randomUUID(),
			organisation_id: audit.organisation_id,
			audit_id: audit.id,
			actor_id: user.id,
			kind: REVIEW_TRANSITIONS[action].to,
			revision: audit.revision,
			details: JSON.stringify(details),
			created_at: now
		});
		const decided = { ...audit, state: to, updated_at: now };
		const job = await queueReport(trx, decided, now);
		// Each decision seals again, naming the seal before it.
		await sealReportVersion(trx, key, decided, job.version, now);
		return { id: audit.id, state: to, revision: audit.revision, reportVersion: job.version };
	});
	announceReportQueued();
	return outcome;
}

async function checkCommentTargets(db: Db, audit: AuditRow, request: ReturnRequest): Promise<void> {
	const template = await findPublishedTemplate(
		db,
		audit.organisation_id,
		audit.template_id,
		audit.template_version
	);
	const known = new Set(
		template?.stages.flatMap((stage) => stage.checkpoints.map((checkpoint) => checkpoint.id)) ?? []
	);
	const ids = request.checkpointComments.map((comment) => comment.checkpointId);
	const unknown = ids.filter((id) => !known.has(id));
	if (unknown.length > 0) {
		throw new ServiceError(
			'invalid',
			'unknown_checkpoint',
			'A comment names a checkpoint this audit’s template does not have.',
			{ checkpointIds: unknown }
		);
	}
	const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
	if (repeated.length > 0) {
		throw new ServiceError('invalid', 'duplicate_entry', 'Two comments on one checkpoint.', {
			entries: [...new Set(repeated)]
		});
	}
}

function reviewConflict(audit: AuditRow): ServiceError {
	return new ServiceError(
		'conflict',
		'review_conflict',
		`This audit changed while you were looking at it: it is now ${audit.state} at revision ${audit.revision}. Reload it and decide again.`,
		{ state: audit.state, revision: audit.revision }
	);
}
