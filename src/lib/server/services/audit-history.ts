import type { SessionUser } from '$lib/contract/auth';
import type { AuditTrail, ChangesSinceReturn, ReportVersion } from '$lib/contract/office';
import { diffAudits, type ComparableAudit } from '$lib/domain/audit-changes';
import { reviewsAudits } from '$lib/domain/roles';
import { listAuditEvents } from '../repos/audit-events';
import { findAudit, type AuditRow } from '../repos/audits';
import { listPhotosOfAudit } from '../repos/photos';
import { listReportJobsOfAudit } from '../repos/report-jobs';
import { parseReportSnapshot } from '../reports/report-snapshot';
import { auditNotFound, canReadAudit, requireReviewWork } from './audit-access';
import { parseContent } from './audit-content';
import type { ServiceContext } from './context';
import { requireUuid } from './ids';

/**
 * `GET /api/audits/{id}/trail`: who did what to the audit, when — submitted, returned with which
 * comments, resubmitted, approved, each report made — oldest first. Reviewers of its
 * organisation only (not_found for another organisation's audit, forbidden for other roles).
 */
export async function getAuditTrail(
	ctx: ServiceContext,
	user: SessionUser,
	auditId: string
): Promise<AuditTrail> {
	const audit = await reviewableAudit(ctx, user, auditId);
	const events = await listAuditEvents(ctx.db, audit.organisation_id, audit.id);
	return {
		events: events.map((event) => ({
			id: event.id,
			kind: event.kind,
			revision: event.revision,
			actor: event.actor && { pseudonym: event.actor.pseudonym, role: event.actor.role },
			details: event.details,
			createdAt: event.createdAt
		}))
	};
}

/**
 * `GET /api/audits/{id}/changes`: what the shopper changed since the audit was last returned —
 * answers, notes, the narrative, photos and captions — by comparing the report snapshot taken at
 * the return with the audit as it is now. Empty lists (and null times) when it was never returned.
 * Reviewers of its organisation only.
 */
export async function getChangesSinceReturn(
	ctx: ServiceContext,
	user: SessionUser,
	auditId: string
): Promise<ChangesSinceReturn> {
	const audit = await reviewableAudit(ctx, user, auditId);
	const jobs = await listReportJobsOfAudit(ctx.db, audit.id);
	const returned = jobs.filter((job) => job.review_state === 'returned' && job.snapshot).at(-1);
	const now = await comparableNow(ctx, audit);
	if (!returned?.snapshot) {
		return {
			returnedAt: null,
			returnedRevision: null,
			...diffAudits(now, now)
		};
	}
	const snapshot = parseReportSnapshot(returned.snapshot);
	const before: ComparableAudit = {
		answers: snapshot.content.answers,
		notes: snapshot.content.notes,
		narrative: snapshot.content.narrative,
		photos: snapshot.photos
	};
	return {
		returnedAt: returned.created_at,
		returnedRevision: snapshot.revision,
		...diffAudits(before, now)
	};
}

/**
 * `GET /api/audits/{id}/reports`: the audit's report versions, newest first, for readers of the
 * audit. Report readers (`viewer`) see only the newest: earlier versions show superseded reviews.
 */
export async function listReportVersions(
	ctx: ServiceContext,
	user: SessionUser,
	auditId: string
): Promise<ReportVersion[]> {
	requireUuid(auditId, 'audit');
	const audit = await findAudit(ctx.db, auditId);
	if (!audit || !(await canReadAudit(ctx.db, user, audit))) throw auditNotFound();
	const jobs = (await listReportJobsOfAudit(ctx.db, audit.id)).reverse();
	const visible = user.role === 'viewer' ? jobs.slice(0, 1) : jobs;
	return visible.map((job) => ({
		version: job.version,
		state: job.state === 'running' ? 'pending' : job.state,
		reviewState: job.review_state,
		revision: job.audit_revision,
		createdAt: job.created_at
	}));
}

async function reviewableAudit(
	ctx: ServiceContext,
	user: SessionUser,
	auditId: string
): Promise<AuditRow> {
	requireReviewWork(user);
	requireUuid(auditId, 'audit');
	const audit = await findAudit(ctx.db, auditId);
	if (!audit || audit.organisation_id !== user.organisation.id || !reviewsAudits(user)) {
		throw auditNotFound();
	}
	return audit;
}

async function comparableNow(ctx: ServiceContext, audit: AuditRow): Promise<ComparableAudit> {
	const content = parseContent(audit.content);
	const photos = await listPhotosOfAudit(ctx.db, audit.id);
	return {
		answers: content.answers,
		notes: content.notes,
		narrative: content.narrative,
		photos: photos.map((photo) => ({
			id: photo.id,
			checkpointId: photo.checkpoint_id,
			caption: photo.caption
		}))
	};
}
