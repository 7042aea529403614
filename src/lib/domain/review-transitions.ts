import { reviewsAudits, runsAudits, type Member } from './roles';

/** The server's review lifecycle of an audit. */
export type ReviewState = 'draft' | 'submitted' | 'returned' | 'resubmitted' | 'approved';

/** Who takes a step: the audit's own shopper, or a reviewer of its organisation. */
export type ReviewActor = 'owner' | 'reviewer';

/** One step of the review lifecycle. */
export interface ReviewTransition {
	from: readonly ReviewState[];
	to: ReviewState;
	by: ReviewActor;
	/** Whether the step makes a new report version (made from exactly the revision it happened at). */
	report: boolean;
}

/**
 * The server's audit lifecycle as one table: draft → submitted → returned → resubmitted →
 * approved (a resubmitted audit may be returned again, and so on). The device's own lifecycle
 * (draft → queued → uploading → received) is `client/storage/status-transitions.ts`.
 */
export const REVIEW_TRANSITIONS = {
	submit: { from: ['draft'], to: 'submitted', by: 'owner', report: true },
	resubmit: { from: ['returned'], to: 'resubmitted', by: 'owner', report: true },
	return: { from: ['submitted', 'resubmitted'], to: 'returned', by: 'reviewer', report: true },
	approve: { from: ['submitted', 'resubmitted'], to: 'approved', by: 'reviewer', report: true }
} as const satisfies Record<string, ReviewTransition>;

export type ReviewAction = keyof typeof REVIEW_TRANSITIONS;

/** States a reviewer can act on: the review queue. */
export const AWAITING_REVIEW: readonly ReviewState[] = ['submitted', 'resubmitted'];

/** States in which the shopper may still change the content. */
export const EDITABLE_REVIEW_STATES: readonly ReviewState[] = ['draft', 'returned'];

/** The state `action` leads to from `from`, or null when the lifecycle has no such step. */
export function nextReviewState(action: ReviewAction, from: ReviewState): ReviewState | null {
	const transition: ReviewTransition = REVIEW_TRANSITIONS[action];
	return transition.from.includes(from) ? transition.to : null;
}

/** The hand-in step from `from`: submit from a draft, resubmit from a returned audit. */
export function handInAction(from: ReviewState): 'submit' | 'resubmit' | null {
	if (REVIEW_TRANSITIONS.submit.from.some((state) => state === from)) return 'submit';
	if (REVIEW_TRANSITIONS.resubmit.from.some((state) => state === from)) return 'resubmit';
	return null;
}

/**
 * Whether `member` may take `action` on an audit of their organisation (`isOwner`: they ran
 * it). Owners hand in with the field capability; reviewers return and approve — never their own
 * audit, so nobody approves their own competitor visit.
 */
export function mayTakeReviewStep(action: ReviewAction, member: Member, isOwner: boolean): boolean {
	const transition: ReviewTransition = REVIEW_TRANSITIONS[action];
	if (transition.by === 'owner') return isOwner && runsAudits(member);
	return reviewsAudits(member) && !isOwner;
}
