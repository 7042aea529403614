import { describe, expect, it } from 'vitest';
import {
	handInAction,
	mayTakeReviewStep,
	nextReviewState,
	type ReviewAction,
	type ReviewState
} from './review-transitions';
import type { Member } from './roles';

const STATES: ReviewState[] = ['draft', 'submitted', 'returned', 'resubmitted', 'approved'];

describe('review lifecycle', () => {
	const table: [ReviewAction, ReviewState, ReviewState | null][] = [
		['submit', 'draft', 'submitted'],
		['resubmit', 'returned', 'resubmitted'],
		['return', 'submitted', 'returned'],
		['return', 'resubmitted', 'returned'],
		['approve', 'submitted', 'approved'],
		['approve', 'resubmitted', 'approved']
	];
	it.each(
		STATES.flatMap((from) =>
			(['submit', 'resubmit', 'return', 'approve'] as const).map((a) => [a, from] as const)
		)
	)('%s from %s', (action, from) => {
		const expected = table.find(([a, f]) => a === action && f === from)?.[2] ?? null;
		expect(nextReviewState(action, from)).toBe(expected);
	});

	it('hands in a draft as a submit and a returned audit as a resubmit, nothing else', () => {
		expect(STATES.map(handInAction)).toEqual(['submit', null, 'resubmit', null, null]);
	});
});

describe('who may take a step', () => {
	const shopper: Member = { role: 'shopper', fieldWork: true };
	const manager: Member = { role: 'manager', fieldWork: false };
	const fieldManager: Member = { role: 'manager', fieldWork: true };
	const admin: Member = { role: 'admin', fieldWork: false };
	const viewer: Member = { role: 'viewer', fieldWork: true };

	it('lets owners with the field capability hand in, and only them', () => {
		expect(mayTakeReviewStep('submit', shopper, true)).toBe(true);
		expect(mayTakeReviewStep('resubmit', fieldManager, true)).toBe(true);
		expect(mayTakeReviewStep('submit', manager, true)).toBe(false);
		expect(mayTakeReviewStep('submit', viewer, true)).toBe(false);
		expect(mayTakeReviewStep('submit', shopper, false)).toBe(false);
	});

	it('lets reviewers return and approve others’ audits, never their own', () => {
		for (const action of ['return', 'approve'] as const) {
			expect(mayTakeReviewStep(action, manager, false)).toBe(true);
			expect(mayTakeReviewStep(action, admin, false)).toBe(true);
			expect(mayTakeReviewStep(action, fieldManager, true)).toBe(false);
			expect(mayTakeReviewStep(action, shopper, false)).toBe(false);
			expect(mayTakeReviewStep(action, viewer, false)).toBe(false);
		}
	});
});
