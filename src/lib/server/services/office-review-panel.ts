import type { SessionUser } from '$lib/contract/auth';
import type {
	AuditDetail,
	AuditEvent,
	ChangesSinceReturn,
	ReportVersion
} from '$lib/contract/office';
import { AWAITING_REVIEW } from '$lib/domain/review-transitions';
import { reviewsAudits } from '$lib/domain/roles';
import type { LibraryComment } from '../repos/comment-library';
import { findAudit } from '../repos/audits';
import { getAuditTrail, getChangesSinceReturn, listReportVersions } from './audit-history';
import { isOwnAudit } from './audit-access';
import { listCommentLibrary } from './comment-library';
import type { ServiceContext } from './context';
import { nextAuditToReview } from './review-queue';

/** What the office's audit page shows around the review, by what the user may see. */
export interface OfficeReviewPanel {
	/** Whether this user may approve or return it now (a reviewer, not their own, awaiting review). */
	canDecide: boolean;
	/** Their own audit (a manager's competitor visit): someone else reviews it. */
	ownAudit: boolean;
	/** Report versions, newest first (report readers: only the newest). */
	versions: ReportVersion[];
	/** Reviewers only; empty for others. */
	trail: AuditEvent[];
	/** Reviewers only, and only once the audit has been returned; null otherwise. */
	changes: ChangesSinceReturn | null;
	/** Reviewers only: the organisation's reusable comments. */
	library: LibraryComment[];
	/** Reviewers only: the oldest other audit waiting for review. */
	nextAuditId: string | null;
}

/**
 * The review panel of one audit the user may read (call after `getAuditDetail` has checked
 * that): report versions for every reader; trail, changes since the return, the comment library
 * and the next audit in the queue for reviewers.
 */
export async function getOfficeReviewPanel(
	ctx: ServiceContext,
	user: SessionUser,
	detail: AuditDetail
): Promise<OfficeReviewPanel> {
	const versions = await listReportVersions(ctx, user, detail.id);
	if (!reviewsAudits(user)) {
		return {
			canDecide: false,
			ownAudit: false,
			versions,
			trail: [],
			changes: null,
			library: [],
			nextAuditId: null
		};
	}
	const row = await findAudit(ctx.db, detail.id);
	const ownAudit = row !== undefined && isOwnAudit(user, row);
	const [trail, changes, library, nextAuditId] = await Promise.all([
		getAuditTrail(ctx, user, detail.id),
		getChangesSinceReturn(ctx, user, detail.id),
		listCommentLibrary(ctx, user),
		nextAuditToReview(ctx, user, detail.id)
	]);
	return {
		canDecide: !ownAudit && AWAITING_REVIEW.includes(detail.state),
		ownAudit,
		versions,
		trail: trail.events,
		changes: changes.returnedAt === null ? null : changes,
		library,
		nextAuditId
	};
}
