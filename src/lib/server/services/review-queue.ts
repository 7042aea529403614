import type { SessionUser } from '$lib/contract/auth';
import type { ReviewQueueResponse } from '$lib/contract/office';
import { listReviewQueue } from '../repos/audits';
import { requireReviewWork } from './audit-access';
import { listItemsOf } from './audit-queries';
import type { ServiceContext } from './context';
import { decodeKeysetCursor, encodeKeysetCursor } from './keyset-cursor';

/** The most a queue page holds. */
export const REVIEW_QUEUE_MAX_LIMIT = 100;

/**
 * `GET /api/review-queue`: the organisation's audits waiting for review (submitted or
 * resubmitted), oldest hand-in first, a keyset page at a time. Reviewers only (forbidden
 * otherwise); bad_request `invalid_cursor` for a cursor this server did not give out.
 */
export async function listReviewQueuePage(
	ctx: ServiceContext,
	user: SessionUser,
	query: { cursor?: string | null; limit?: number }
): Promise<ReviewQueueResponse> {
	requireReviewWork(user);
	const limit = Math.min(Math.max(query.limit ?? 50, 1), REVIEW_QUEUE_MAX_LIMIT);
	const position = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
	const rows = await listReviewQueue(ctx.db, {
		organisationId: user.organisation.id,
		after: position && { submittedAt: position.at, id: position.id },
		limit: limit + 1
	});
	const page = rows.slice(0, limit);
	const last = page[page.length - 1];
	return {
		items: await listItemsOf(ctx, user.organisation.id, page),
		nextCursor:
			rows.length > limit && last && last.submitted_at !== null
				? encodeKeysetCursor(last.submitted_at, last.id)
				: null
	};
}

/**
 * The audit a reviewer should look at next, other than `currentId`: the oldest hand-in still
 * waiting (the queue's head), or null when the queue is empty. Reviewers only.
 */
export async function nextAuditToReview(
	ctx: ServiceContext,
	user: SessionUser,
	currentId: string | null
): Promise<string | null> {
	requireReviewWork(user);
	const [next] = await listReviewQueue(ctx.db, {
		organisationId: user.organisation.id,
		excludeId: currentId ?? undefined,
		limit: 1
	});
	return next?.id ?? null;
}
