import { describe, expect, it } from 'vitest';
import { checkpoint, t, yesNo, yesNoNa } from './builtin-templates/builders';
import { isCheckpointVisible, isConditionMet, visibleCheckpointIds } from './visibility';
import type { AnswerValue, JourneyTemplate, VisibilityCondition } from './types';

const answers = (entries: [string, AnswerValue][]) => new Map<string, AnswerValue>(entries);

describe('isConditionMet', () => {
	const cases: [string, VisibilityCondition, [string, AnswerValue][], boolean][] = [
		['equals match', { checkpointId: 'a', op: 'equals', value: 'yes' }, [['a', 'yes']], true],
		['equals mismatch', { checkpointId: 'a', op: 'equals', value: 'yes' }, [['a', 'no']], false],
		['equals number', { checkpointId: 'a', op: 'equals', value: 3 }, [['a', 3]], true],
		['equals unanswered', { checkpointId: 'a', op: 'equals', value: 'yes' }, [], false],
		[
			'not_equals match',
			{ checkpointId: 'a', op: 'not_equals', value: 'no' },
			[['a', 'yes']],
			true
		],
		['not_equals same', { checkpointId: 'a', op: 'not_equals', value: 'no' }, [['a', 'no']], false],
		['not_equals unanswered', { checkpointId: 'a', op: 'not_equals', value: 'no' }, [], false],
		['in match', { checkpointId: 'a', op: 'in', values: ['x', 'y'] }, [['a', 'y']], true],
		['in mismatch', { checkpointId: 'a', op: 'in', values: ['x', 'y'] }, [['a', 'z']], false],
		['answered', { checkpointId: 'a', op: 'answered' }, [['a', 0]], true],
		['not answered', { checkpointId: 'a', op: 'answered' }, [['b', 0]], false],
		['multi includes', { checkpointId: 'a', op: 'equals', value: 'x' }, [['a', ['w', 'x']]], true],
		['multi lacks', { checkpointId: 'a', op: 'not_equals', value: 'x' }, [['a', ['w']]], true],
		['multi has it', { checkpointId: 'a', op: 'not_equals', value: 'x' }, [['a', ['x']]], false],
		['multi in any', { checkpointId: 'a', op: 'in', values: ['q', 'w'] }, [['a', ['w']]], true]
	];
	it.each(cases)('%s', (_name, condition, entries, expected) => {
		expect(isConditionMet(condition, answers(entries))).toBe(expected);
	});
});

const template: JourneyTemplate = {
	id: 'chain',
	version: 1,
	name: t('Chain', 'Kæde'),
	locationKind: 'any',
	stages: [
		{
			id: 's1',
			title: t('One', 'En'),
			weight: 1,
			checkpoints: [
				checkpoint({ id: 'a', prompt: t('A', 'A'), response: yesNo() }),
				checkpoint({
					id: 'b',
					prompt: t('B', 'B'),
					response: yesNoNa(),
					visibleWhen: { checkpointId: 'a', op: 'equals', value: 'yes' }
				})
			]
		},
		{
			id: 's2',
			title: t('Two', 'To'),
			weight: 1,
			checkpoints: [
				checkpoint({
					id: 'c',
					prompt: t('C', 'C'),
					response: yesNo(),
					visibleWhen: { checkpointId: 'b', op: 'answered' }
				}),
				checkpoint({
					id: 'later-ref',
					prompt: t('L', 'L'),
					response: yesNo(),
					visibleWhen: { checkpointId: 'd', op: 'answered' }
				}),
				checkpoint({ id: 'd', prompt: t('D', 'D'), response: yesNo() })
			]
		}
	]
};

describe('visibleCheckpointIds', () => {
	it.each([
		['nothing answered', [], ['a', 'd']],
		['a = yes shows b', [['a', 'yes']], ['a', 'b', 'd']],
		[
			'b answered shows c',
			[
				['a', 'yes'],
				['b', 'na']
			],
			['a', 'b', 'c', 'd']
		],
		[
			'a = no hides b and, through the chain, c',
			[
				['a', 'no'],
				['b', 'na']
			],
			['a', 'd']
		],
		['a later reference never shows', [['d', 'yes']], ['a', 'd']]
	] as [string, [string, AnswerValue][], string[]][])('%s', (_name, entries, expected) => {
		expect([...visibleCheckpointIds(template, answers(entries))].sort()).toEqual(expected);
	});
});

describe('isCheckpointVisible', () => {
	const c = template.stages[1]!.checkpoints[0]!;
	const stale = answers([
		['a', 'no'],
		['b', 'na']
	]);
	it('checks the condition alone without visibleIds', () => {
		expect(isCheckpointVisible(c, stale)).toBe(true);
	});
	it('treats a condition on a hidden checkpoint as not met', () => {
		expect(isCheckpointVisible(c, stale, new Set(['a']))).toBe(false);
	});
	it('always shows a checkpoint without a condition', () => {
		expect(isCheckpointVisible(template.stages[0]!.checkpoints[0]!, answers([]))).toBe(true);
	});
});
