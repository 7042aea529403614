import type { ReviewRecord } from '$lib/client/storage/records';
import { latestRound, latestRoundComments } from '$lib/client/storage/review-state';
import type { Audit } from '$lib/domain/types';

/**
 * Where the reviewer's latest round stands, as the shopper sees it:
 * - `open`: the server has the audit returned; the comments are to be answered;
 * - `addressed`: resubmitted since; the comments are kept read-only on the summary;
 * - `approved`: the reviewer approved it (any comments are addressed);
 * - `none`: never reviewed (or not yet known to the device).
 */
export type ReviewStatus = 'open' | 'addressed' | 'approved' | 'none';

/** The latest review round of one audit, shaped for the screens. */
export interface ReviewView {
	status: ReviewStatus;
	/** 1, 2, …; 0 before any return. */
	round: number;
	/** The overall comment of the round, or null. */
	overall: string | null;
	/** Every comment of the round, the overall one included. */
	count: number;
	/** Checkpoint id → the round's comments on it, in the reviewer's order. */
	byCheckpoint: ReadonlyMap<string, readonly string[]>;
	/** The server holds an older revision than the device (changes made after a lost answer). */
	unsentChanges: boolean;
}

export const NO_REVIEW: ReviewView = {
	status: 'none',
	round: 0,
	overall: null,
	count: 0,
	byCheckpoint: new Map(),
	unsentChanges: false
};

/** The view of `review` for an audit in `audit`'s state on the device. */
export function reviewView(
	review: ReviewRecord | undefined,
	audit: Pick<Audit, 'status' | 'revision'>
): ReviewView {
	if (!review) return NO_REVIEW;
	const round = latestRound(review);
	const comments = latestRoundComments(review);
	const byCheckpoint = new Map<string, string[]>();
	let overall: string | null = null;
	for (const comment of comments) {
		if (comment.checkpointId === null) {
			overall = overall === null ? comment.body : `${overall}\n${comment.body}`;
		} else {
			byCheckpoint.set(comment.checkpointId, [
				...(byCheckpoint.get(comment.checkpointId) ?? []),
				comment.body
			]);
		}
	}
	let status: ReviewStatus = 'none';
	if (review.state === 'approved') status = 'approved';
	else if (review.state === 'returned') status = round > 0 ? 'open' : 'none';
	else if (round > 0) status = 'addressed';
	const handedIn = review.state !== 'returned' && review.state !== 'draft';
	return {
		status,
		round,
		overall,
		count: comments.length,
		byCheckpoint,
		unsentChanges: handedIn && audit.status === 'received' && review.revision < audit.revision
	};
}

/** The first line of a comment, for one-line previews. */
export function firstLine(text: string): string {
	return text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
}

/** What the home list's badge says about an audit: its device status, or its review. */
export type AuditBadge =
	| { kind: 'status'; status: Audit['status'] }
	| { kind: 'returned'; count: number }
	| { kind: 'approved' };

export function auditBadge(audit: Pick<Audit, 'status'>, review: ReviewView): AuditBadge {
	if (audit.status === 'draft' && review.status === 'open') {
		return { kind: 'returned', count: review.count };
	}
	if (audit.status === 'received' && review.status === 'approved') return { kind: 'approved' };
	return { kind: 'status', status: audit.status };
}
