import { describe, expect, it } from 'vitest';
import type { ReviewRecord } from './records';
import { heldReview, isNewerReview, latestRound, latestRoundComments } from './review-state';

const comment = (round: number, checkpointId: string | null = null) => ({
	checkpointId,
	body: `r${round} ${checkpointId ?? 'overall'}`,
	createdAt: round,
	round
});
const review = (
	state: ReviewRecord['state'],
	revision: number,
	rounds: number[] = []
): ReviewRecord => ({ id: 'a', state, revision, comments: rounds.map((r) => comment(r)) });

describe('review order', () => {
	it.each([
		[
			'returned after submitted (round 1)',
			review('returned', 3, [1]),
			review('submitted', 3),
			true
		],
		[
			'resubmitted after returned, same revision',
			review('resubmitted', 4, [1]),
			review('returned', 4, [1]),
			true
		],
		[
			'resubmitted at a newer revision',
			review('resubmitted', 5, [1]),
			review('returned', 4, [1]),
			true
		],
		[
			'a stale returned after the resubmit',
			review('returned', 4, [1]),
			review('resubmitted', 5, [1]),
			false
		],
		[
			'a stale returned, same revision',
			review('returned', 4, [1]),
			review('resubmitted', 4, [1]),
			false
		],
		['a second return', review('returned', 5, [1, 2]), review('resubmitted', 5, [1]), true],
		['approved after resubmitted', review('approved', 5, [1]), review('resubmitted', 5, [1]), true],
		['the same again', review('returned', 4, [1]), review('returned', 4, [1]), false]
	])('%s → %s', (_name, next, stored, newer) => {
		expect(isNewerReview(next, stored)).toBe(newer);
	});

	it('anything is newer than nothing', () => {
		expect(isNewerReview(review('submitted', 1), undefined)).toBe(true);
	});
});

describe('rounds', () => {
	it('shows the comments of the latest round only', () => {
		const r = review('returned', 2, [1, 1, 2]);
		r.comments.push(comment(2, 'cp-1'));
		expect(latestRound(r)).toBe(2);
		expect(latestRoundComments(r).map((c) => c.body)).toEqual(['r2 overall', 'r2 cp-1']);
		expect(latestRound(review('submitted', 1))).toBe(0);
	});

	it('a handed-in answer keeps the comments and is not applied over a newer record', () => {
		const stored = review('returned', 4, [1]);
		expect(heldReview('a', { state: 'resubmitted', revision: 5 }, stored)).toEqual({
			...stored,
			state: 'resubmitted',
			revision: 5
		});
		expect(heldReview('a', { state: 'submitted', revision: 4 }, review('approved', 4))).toBe(
			undefined
		);
	});
});
