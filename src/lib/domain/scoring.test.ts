import { describe, expect, it } from 'vitest';
import {
	checkpoint,
	multipleChoice,
	numberInput,
	option,
	scale,
	singleChoice,
	t,
	text,
	time,
	yesNo,
	yesNoNa
} from './builtin-templates/builders';
import { answerFraction, roundPercent, scoreAudit } from './scoring';
import type { AnswerValue, Checkpoint, JourneyTemplate, ResponseSpec, Stage } from './types';

const answers = (entries: [string, AnswerValue][]) => new Map<string, AnswerValue>(entries);
const label = t('x', 'x');
const single = singleChoice([
	option('full', 1, label),
	option('half', 0.5, label),
	option('zero', 0, label)
]);
const multiple = multipleChoice([
	option('a', 0.6, label),
	option('b', 0.3, label),
	option('c', 0.1, label),
	option('none', 0, label)
]);
const withPass = numberInput({ min: 0, max: 60, pass: { min: 1, max: 5 } });

function stage(id: string, weight: number, checkpoints: Checkpoint[]): Stage {
	return { id, title: t(id, id), weight, checkpoints };
}
function template(stages: Stage[], criticalFailCap?: number): JourneyTemplate {
	const result: JourneyTemplate = {
		id: 'test',
		version: 1,
		name: t('Test', 'Test'),
		locationKind: 'any',
		stages
	};
	if (criticalFailCap !== undefined) result.criticalFailCap = criticalFailCap;
	return result;
}
function cp(id: string, response: ResponseSpec, weight: number, extra: Partial<Checkpoint> = {}) {
	return { ...checkpoint({ id, prompt: t(id, id), response, weight }), ...extra };
}

describe('scoring of each response type (weight 4)', () => {
	const cases: [string, ResponseSpec, AnswerValue, boolean, number][] = [
		['yes', yesNo(), 'yes', true, 4],
		['no', yesNo(), 'no', true, 0],
		['yes on yes_no_na', yesNoNa(), 'yes', true, 4],
		['no on yes_no_na', yesNoNa(), 'no', true, 0],
		['n.a. leaves the denominator', yesNoNa(), 'na', false, 0],
		['scale 1', scale(), 1, true, 0],
		['scale 2', scale(), 2, true, 1],
		['scale 3', scale(), 3, true, 2],
		['scale 4', scale(), 4, true, 3],
		['scale 5', scale(), 5, true, 4],
		['single full', single, 'full', true, 4],
		['single half', single, 'half', true, 2],
		['single zero', single, 'zero', true, 0],
		['multiple one', multiple, ['b'], true, 4 * 0.3],
		['multiple summing to 1 exactly despite floats', multiple, ['a', 'b', 'c'], true, 4],
		['multiple over 1 is capped', multiple, ['a', 'b', 'c', 'none'], true, 4],
		['multiple none', multiple, ['none'], true, 0],
		['number inside pass', withPass, 3, true, 4],
		['number on pass edge', withPass, 5, true, 4],
		['number outside pass', withPass, 6, true, 0],
		['number without pass is unscored', numberInput({}), 3, false, 0],
		['text is unscored', text(), 'fine', false, 0],
		['time is unscored', time(), '10:15', false, 0],
		['invalid answer is ignored', yesNo(), 'na', false, 0]
	];
	it.each(cases)('%s', (_name, response, value, scored, points) => {
		const score = scoreAudit(
			template([stage('s', 1, [cp('c', response, 4)])]),
			answers([['c', value]])
		);
		const result = score.stages[0]!.checkpoints[0]!;
		expect(result.scored).toBe(scored);
		expect(result.points).toBeCloseTo(points, 12);
		expect(result.maxPoints).toBe(scored ? 4 : 0);
		expect(score.stages[0]!.percent).toBe(scored ? (points / 4) * 100 : null);
	});

	it('gives exactly 1 for options summing to 0.999…', () => {
		expect(0.6 + 0.3 + 0.1).not.toBe(1);
		expect(answerFraction(multiple, ['a', 'b', 'c'])).toBe(1);
	});

	it('leaves weight 0 unscored', () => {
		const score = scoreAudit(
			template([stage('s', 1, [cp('c', yesNo(), 0)])]),
			answers([['c', 'yes']])
		);
		expect(score.stages[0]!.checkpoints[0]!).toMatchObject({ answered: true, scored: false });
		expect(score.totalPercent).toBeNull();
	});
});

describe('scoreAudit totals', () => {
	const tpl = template([
		stage('s1', 2, [
			cp('y1', yesNo(), 1),
			cp('y2', yesNo(), 1),
			cp('na', yesNoNa(), 2),
			cp('sc', scale(), 4),
			cp('unanswered', yesNo(), 5)
		]),
		stage('s2', 1, [
			cp('single', single, 2),
			cp('multi', multiple, 2),
			cp('num', withPass, 1),
			cp('plain', numberInput({}), 0),
			cp('txt', text(), 0),
			cp('tm', time(), 0)
		]),
		stage('s3', 3, [cp('note', text(), 0)])
	]);
	const score = scoreAudit(
		tpl,
		answers([
			['y1', 'yes'],
			['y2', 'no'],
			['na', 'na'],
			['sc', 4],
			['single', 'half'],
			['multi', ['a', 'b', 'c']],
			['num', 7],
			['plain', 3],
			['txt', 'ok'],
			['tm', '10:00'],
			['note', 'ok']
		])
	);

	it('computes stage points and percents by hand', () => {
		// s1: 1 + 0 + 4 × 3/4 = 4 of 1 + 1 + 4 = 6 (n.a. and the unanswered one are out).
		expect(score.stages[0]).toMatchObject({ points: 4, maxPoints: 6 });
		expect(score.stages[0]!.percent).toBeCloseTo(200 / 3, 10);
		// s2: 2 × 0.5 + 2 × 1 + 0 = 3 of 5.
		expect(score.stages[1]).toMatchObject({ points: 3, maxPoints: 5, percent: 60 });
		expect(score.stages[2]!.percent).toBeNull();
	});

	it('weights stages by stage weight over scored stages only', () => {
		// (2 × 4/6 + 1 × 3/5) / (2 + 1) = 29/45; s3 has no percent and is ignored.
		expect(score.totalPercent).toBeCloseTo((29 / 45) * 100, 10);
		expect(score.uncappedPercent).toBe(score.totalPercent);
		expect(score.capped).toBe(false);
		expect(score.criticalFailures).toEqual([]);
	});

	it('marks the unanswered checkpoint as visible but unanswered and out', () => {
		expect(score.stages[0]!.checkpoints[4]).toMatchObject({
			visible: true,
			answered: false,
			scored: false,
			maxPoints: 0
		});
	});

	it('flags negatives', () => {
		const negatives = score.stages.flatMap((s) => s.checkpoints.filter((c) => c.negative));
		expect(negatives.map((c) => c.checkpointId)).toEqual(['y2', 'num']);
	});
});

describe('exact full marks', () => {
	it.each([
		['three of three yes', [1, 1, 1], [1]],
		['awkward checkpoint weights', [0.1, 0.2, 0.7], [1]],
		['awkward stage weights', [0.1, 0.2, 0.3], [0.1, 0.2, 0.7]]
	] as [string, number[], number[]][])('%s gives exactly 100', (_name, weights, stageWeights) => {
		const tpl = template(
			stageWeights.map((sw, s) =>
				stage(
					`s${s}`,
					sw,
					weights.map((w, i) => cp(`s${s}c${i}`, yesNo(), w))
				)
			)
		);
		const all = tpl.stages.flatMap((s) =>
			s.checkpoints.map((c): [string, AnswerValue] => [c.id, 'yes'])
		);
		const score = scoreAudit(tpl, answers(all));
		expect(score.totalPercent).toBe(100);
		expect(score.stages.every((s) => s.percent === 100)).toBe(true);
	});
});

describe('hidden checkpoints', () => {
	const tpl = template([
		stage('s', 1, [
			cp('gate', yesNo(), 0),
			cp('child', yesNo(), 1, {
				visibleWhen: { checkpointId: 'gate', op: 'equals', value: 'yes' }
			}),
			cp('grandchild', yesNo(), 1, { visibleWhen: { checkpointId: 'child', op: 'answered' } }),
			cp('always', yesNo(), 1)
		])
	]);

	it('counts visible answers when the gate is open', () => {
		const score = scoreAudit(
			tpl,
			answers([
				['gate', 'yes'],
				['child', 'no'],
				['grandchild', 'no'],
				['always', 'yes']
			])
		);
		expect(score.stages[0]).toMatchObject({ points: 1, maxPoints: 3 });
	});

	it('drops a hidden chain even with stale answers', () => {
		const score = scoreAudit(
			tpl,
			answers([
				['gate', 'no'],
				['child', 'no'],
				['grandchild', 'no'],
				['always', 'yes']
			])
		);
		expect(score.stages[0]).toMatchObject({ points: 1, maxPoints: 1, percent: 100 });
		expect(score.stages[0]!.checkpoints.map((c) => c.visible)).toEqual([true, false, false, true]);
		expect(score.stages[0]!.checkpoints[1]).toMatchObject({ scored: false, negative: false });
	});
});

describe('critical failures', () => {
	const stages = (criticalVisible: 'yes' | 'no') => ({
		tpl: [
			stage('s', 1, [
				cp('gate', yesNo(), 0),
				cp('crit', yesNo(), 1, {
					critical: true,
					visibleWhen: { checkpointId: 'gate', op: 'equals', value: 'yes' }
				}),
				cp('c2', yesNo(), 1),
				cp('c3', yesNo(), 1),
				cp('c4', yesNo(), 1),
				cp('c5', yesNo(), 1)
			])
		],
		answers: answers([
			['gate', criticalVisible],
			['crit', 'no'],
			['c2', 'yes'],
			['c3', 'yes'],
			['c4', 'yes'],
			['c5', 'yes']
		])
	});

	it('caps the total when the template has a cap', () => {
		const { tpl, answers: a } = stages('yes');
		const score = scoreAudit(template(tpl, 60), a);
		expect(score.criticalFailures).toEqual(['crit']);
		expect(score.uncappedPercent).toBe(80);
		expect(score.totalPercent).toBe(60);
		expect(score.capped).toBe(true);
		expect(score.stages[0]!.checkpoints[1]!.criticalFailure).toBe(true);
	});

	it('keeps a total already below the cap', () => {
		const { tpl, answers: a } = stages('yes');
		const score = scoreAudit(template(tpl, 90), a);
		expect(score.totalPercent).toBe(80);
		expect(score.capped).toBe(true);
	});

	it('only flags without a cap', () => {
		const { tpl, answers: a } = stages('yes');
		const score = scoreAudit(template(tpl), a);
		expect(score.criticalFailures).toEqual(['crit']);
		expect(score.totalPercent).toBe(80);
		expect(score.capped).toBe(false);
	});

	it('ignores a hidden critical checkpoint', () => {
		const { tpl, answers: a } = stages('no');
		const score = scoreAudit(template(tpl, 60), a);
		expect(score.criticalFailures).toEqual([]);
		expect(score.totalPercent).toBe(100);
		expect(score.capped).toBe(false);
	});

	it('flags a critical scale answered 2 and a critical number outside pass', () => {
		const tpl = template(
			[
				stage('s', 1, [
					cp('sc', scale(), 1, { critical: true }),
					cp('num', withPass, 1, { critical: true })
				])
			],
			50
		);
		const score = scoreAudit(
			tpl,
			answers([
				['sc', 2],
				['num', 0]
			])
		);
		expect(score.criticalFailures).toEqual(['sc', 'num']);
		expect(score.totalPercent).toBeCloseTo(12.5, 10);
	});
});

describe('roundPercent', () => {
	it.each([
		[64.44444, 64.4],
		[66.66666, 66.7],
		[100, 100],
		[0.05, 0.1],
		[33.35, 33.4],
		[null, null]
	] as [number | null, number | null][])('%s → %s', (input, expected) => {
		expect(roundPercent(input)).toBe(expected);
	});
});
