import type { ServerAuditState } from '$lib/contract/sync';
import { dropPhotoOriginals } from './photo-originals';
import type { ReviewRecord } from './records';
import { submitEntryId } from './records';
import type { Tx } from './transaction';

/** Server states in which the audit is handed in: the device has nothing more to send for it. */
export const HANDED_IN_STATES: readonly ServerAuditState[] = [
	'submitted',
	'resubmitted',
	'approved'
];

/** What the server said it holds, from a submit's answer or an `audit_locked` refusal. */
export interface ServerHolds {
	state: ServerAuditState;
	revision: number;
}

/** The latest review round (1, 2, …) among the comments; 0 before any return. */
export function latestRound(review: Pick<ReviewRecord, 'comments'>): number {
	return review.comments.reduce((max, comment) => Math.max(max, comment.round), 0);
}

/** The comments of the latest round: what the device shows. */
export function latestRoundComments(
	review: Pick<ReviewRecord, 'comments'>
): ReviewRecord['comments'] {
	const round = latestRound(review);
	return review.comments.filter((comment) => comment.round === round);
}

const STATE_RANK: Record<ServerAuditState, number> = {
	draft: 0,
	returned: 1,
	submitted: 2,
	resubmitted: 2,
	approved: 3
};

/**
 * Whether `next` is a later review state than `stored`. The server's review state only moves
 * forward in (revision, round, state) order — submitted → returned (round + 1) → resubmitted
 * (same round, same or newer revision) → returned again or approved — so a pull that read the
 * server before the device's own resubmit (the pull cursor lets rows arrive twice) cannot undo
 * what the device already knows.
 */
export function isNewerReview(next: ReviewRecord, stored: ReviewRecord | undefined): boolean {
	if (!stored) return true;
	if (next.revision !== stored.revision) return next.revision > stored.revision;
	const [nextRound, storedRound] = [latestRound(next), latestRound(stored)];
	if (nextRound !== storedRound) return nextRound > storedRound;
	return STATE_RANK[next.state] > STATE_RANK[stored.state];
}

/**
 * Applies one review state from the server inside `tx`: stores it when it is newer than the
 * stored one and moves the device's audit to match —
 * - `returned`, audit `received`: a draft again, editable (its submit entry removed), at the
 *   next revision — so its resubmission is a new revision with a new idempotency key even when
 *   nothing is changed (the same key would replay the first submit's answer);
 * - handed in at the device's revision, audit `queued`/`uploading`: `received` (the submit's
 *   answer was lost, but the server has it), submit entry removed.
 * Returns whether the audit's status changed.
 */
export async function applyReviewState(
	tx: Tx<'readwrite'>,
	review: ReviewRecord,
	now: number
): Promise<boolean> {
	const reviews = tx.objectStore('reviews');
	const stored = await reviews.get(review.id);
	if (!isNewerReview(review, stored)) return false;
	await reviews.put(review);
	const audits = tx.objectStore('audits');
	const audit = await audits.get(review.id);
	if (!audit) return false;
	let status: 'draft' | 'received' | null = null;
	// Without an earlier record, only the revision the server reviewed goes back.
	if (review.state === 'returned' && audit.status === 'received') {
		if (stored || review.revision >= audit.revision) status = 'draft';
	} else if (
		HANDED_IN_STATES.includes(review.state) &&
		(audit.status === 'queued' || audit.status === 'uploading') &&
		review.revision === audit.revision
	) {
		status = 'received';
	}
	if (!status) return false;
	const revision = status === 'draft' ? audit.revision + 1 : audit.revision;
	await audits.put({ ...audit, status, revision, updatedAt: now });
	await tx.objectStore('outbox').delete(submitEntryId(audit.id));
	if (status === 'received') await dropPhotoOriginals(tx, audit.id);
	return true;
}

/**
 * The review record after the server said it holds `holds`: the stored comments are kept, the
 * state and revision are the server's. Undefined when the stored record is already as new.
 */
export function heldReview(
	auditId: string,
	holds: ServerHolds,
	stored: ReviewRecord | undefined
): ReviewRecord | undefined {
	const next: ReviewRecord = {
		id: auditId,
		state: holds.state,
		revision: holds.revision,
		comments: stored?.comments ?? []
	};
	return isNewerReview(next, stored) ? next : undefined;
}
