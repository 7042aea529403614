import { describe, expect, it } from 'vitest';
import { checkpointOutcome, scoreRowsOf } from './score-rows';
import type { CheckpointScore } from './types';

const score = (over: Partial<CheckpointScore>): CheckpointScore => ({
	checkpointId: 'c',
	visible: true,
	answered: true,
	scored: true,
	points: 1,
	maxPoints: 1,
	negative: false,
	criticalFailure: false,
	...over
});

describe('score rows', () => {
	it.each([
		['full points', {}, 'pass'],
		['some points', { points: 0.5 }, 'partial'],
		['no points', { points: 0, negative: true }, 'fail'],
		['scale of 1: nothing earned', { points: 0 }, 'fail'],
		['n.a.', { scored: false, points: 0, maxPoints: 0 }, 'na'],
		[
			'unscored but negative (a number outside its range, weight 0)',
			{ scored: false, points: 0, maxPoints: 0, negative: true },
			'fail'
		],
		['hidden', { visible: false, scored: false, points: 0, maxPoints: 0 }, null],
		['unanswered', { answered: false, scored: false, points: 0, maxPoints: 0 }, null]
	] as const)('%s → %s', (_, over, outcome) => {
		expect(checkpointOutcome(score(over))).toBe(outcome);
	});

	it('keeps the stored numbers: stage percents as scored, checkpoints without hidden ones', () => {
		const rows = scoreRowsOf({
			stages: [
				{
					stageId: 's',
					points: 1.5,
					maxPoints: 2,
					percent: 75,
					checkpoints: [
						score({ checkpointId: 'a' }),
						score({ checkpointId: 'b', points: 0.5, criticalFailure: true, negative: true }),
						score({ checkpointId: 'h', visible: false, scored: false, points: 0, maxPoints: 0 })
					]
				},
				{ stageId: 'empty', points: 0, maxPoints: 0, percent: null, checkpoints: [] }
			],
			totalPercent: 75,
			uncappedPercent: 75,
			criticalFailures: ['b'],
			capped: false
		});
		expect(rows.stages).toEqual([
			{ stageKey: 's', points: 1.5, possible: 2, percent: 75 },
			{ stageKey: 'empty', points: 0, possible: 0, percent: null }
		]);
		expect(rows.checkpoints.map((c) => [c.checkpointId, c.outcome, c.criticalFailure])).toEqual([
			['a', 'pass', false],
			['b', 'fail', true]
		]);
	});
});
