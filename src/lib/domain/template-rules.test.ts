import { describe, expect, it } from 'vitest';
import {
	checkpoint,
	multipleChoice,
	numberInput,
	option,
	singleChoice,
	t,
	text,
	yesNo,
	yesNoNa
} from './builtin-templates/builders';
import { validateTemplate, type TemplateErrorCode } from './template-rules';
import type { Checkpoint, JourneyTemplate } from './types';

const label = t('x', 'x');

function base(): JourneyTemplate {
	return {
		id: 'base',
		version: 1,
		name: t('Base', 'Base'),
		locationKind: 'any',
		criticalFailCap: 60,
		stages: [
			{
				id: 's1',
				title: t('One', 'En'),
				weight: 1,
				checkpoints: [
					checkpoint({ id: 'yn', prompt: label, response: yesNo(), critical: true }),
					checkpoint({ id: 'yna', prompt: label, response: yesNoNa(), noteOnNegative: true }),
					checkpoint({
						id: 'choice',
						prompt: label,
						response: singleChoice([option('a', 1, label), option('b', 0, label)])
					}),
					checkpoint({
						id: 'multi',
						prompt: label,
						response: multipleChoice([option('m1', 0.5, label), option('m2', 0.5, label)])
					})
				]
			},
			{
				id: 's2',
				title: t('Two', 'To'),
				weight: 2,
				checkpoints: [
					checkpoint({
						id: 'num',
						prompt: label,
						response: numberInput({ min: 0, max: 10, pass: { max: 5 } }),
						visibleWhen: { checkpointId: 'yna', op: 'equals', value: 'na' }
					}),
					checkpoint({
						id: 'txt',
						prompt: label,
						response: text(),
						visibleWhen: { checkpointId: 'multi', op: 'in', values: ['m2'] }
					})
				]
			}
		]
	};
}

/** The base template with one checkpoint (by stage and index) changed. */
function withCheckpoint(s: number, c: number, change: (cp: Checkpoint) => void): JourneyTemplate {
	const tpl = base();
	change(tpl.stages[s]!.checkpoints[c]!);
	return tpl;
}

describe('validateTemplate', () => {
	it('accepts a well-formed template', () => {
		expect(validateTemplate(base())).toEqual([]);
	});

	const cases: [string, () => JourneyTemplate, [TemplateErrorCode, string | null][]][] = [
		[
			'duplicate checkpoint id',
			() => withCheckpoint(1, 1, (cp) => (cp.id = 'yn')),
			[['duplicate_checkpoint_id', 'yn']]
		],
		[
			'duplicate stage id',
			() => {
				const tpl = base();
				tpl.stages[1]!.id = 's1';
				return tpl;
			},
			[['duplicate_stage_id', null]]
		],
		[
			'condition on a later checkpoint',
			() =>
				withCheckpoint(0, 1, (cp) => (cp.visibleWhen = { checkpointId: 'num', op: 'answered' })),
			[['condition_not_earlier', 'yna']]
		],
		[
			'condition on itself',
			() =>
				withCheckpoint(0, 1, (cp) => (cp.visibleWhen = { checkpointId: 'yna', op: 'answered' })),
			[['condition_not_earlier', 'yna']]
		],
		[
			'condition on an unknown checkpoint',
			() =>
				withCheckpoint(1, 0, (cp) => (cp.visibleWhen = { checkpointId: 'nope', op: 'answered' })),
			[['condition_unknown_checkpoint', 'num']]
		],
		[
			"'na' condition on a yes_no checkpoint",
			() =>
				withCheckpoint(
					1,
					0,
					(cp) => (cp.visibleWhen = { checkpointId: 'yn', op: 'equals', value: 'na' })
				),
			[['condition_value_invalid', 'num']]
		],
		[
			'condition on an unknown option',
			() =>
				withCheckpoint(
					1,
					1,
					(cp) => (cp.visibleWhen = { checkpointId: 'multi', op: 'in', values: ['zz'] })
				),
			[['condition_value_invalid', 'txt']]
		],
		[
			'empty in-list',
			() =>
				withCheckpoint(
					1,
					1,
					(cp) => (cp.visibleWhen = { checkpointId: 'multi', op: 'in', values: [] })
				),
			[['condition_value_invalid', 'txt']]
		],
		[
			'empty choice list',
			() => withCheckpoint(0, 2, (cp) => (cp.response = singleChoice([]))),
			[['options_empty', 'choice']]
		],
		[
			'option score above 1',
			() =>
				withCheckpoint(
					0,
					3,
					(cp) =>
						(cp.response = multipleChoice([option('m1', 1.5, label), option('m2', 0.5, label)]))
				),
			[['option_score_invalid', 'multi']]
		],
		[
			'negative option score',
			() => withCheckpoint(0, 2, (cp) => (cp.response = singleChoice([option('a', -0.1, label)]))),
			[['option_score_invalid', 'choice']]
		],
		[
			'duplicate option id',
			() =>
				withCheckpoint(
					0,
					2,
					(cp) => (cp.response = singleChoice([option('a', 1, label), option('a', 0, label)]))
				),
			[['duplicate_option_id', 'choice']]
		],
		[
			'negative weight',
			() => withCheckpoint(0, 0, (cp) => (cp.weight = -1)),
			[['weight_invalid', 'yn']]
		],
		[
			'negative stage weight',
			() => {
				const tpl = base();
				tpl.stages[0]!.weight = -2;
				return tpl;
			},
			[['stage_weight_invalid', null]]
		],
		[
			'weight on text',
			() => withCheckpoint(1, 1, (cp) => (cp.weight = 1)),
			[['weight_on_unscored', 'txt']]
		],
		[
			'critical text',
			() => withCheckpoint(1, 1, (cp) => (cp.critical = true)),
			[['critical_not_scorable', 'txt']]
		],
		[
			'note on negative for text',
			() => withCheckpoint(1, 1, (cp) => (cp.evidence.noteOnNegative = true)),
			[['note_rule_unusable', 'txt']]
		],
		[
			'reversed pass range',
			() => withCheckpoint(1, 0, (cp) => (cp.response = numberInput({ pass: { min: 5, max: 1 } }))),
			[['number_range_invalid', 'num']]
		],
		[
			'blank prompt',
			() => withCheckpoint(0, 0, (cp) => (cp.prompt = { en: ' ', da: 'x' })),
			[['text_missing', 'yn']]
		],
		['cap above 100', () => ({ ...base(), criticalFailCap: 120 }), [['cap_invalid', null]]],
		['version 0', () => ({ ...base(), version: 0 }), [['version_invalid', null]]],
		[
			'empty stage',
			() => {
				const tpl = base();
				tpl.stages.push({ id: 's3', title: label, weight: 1, checkpoints: [] });
				return tpl;
			},
			[['stage_empty', null]]
		],
		['no stages', () => ({ ...base(), stages: [] }), [['no_stages', null]]]
	];

	it.each(cases)('reports %s', (_name, make, expected) => {
		const errors = validateTemplate(make());
		expect(errors.map((e): [string, string | null] => [e.code, e.checkpointId])).toEqual(expected);
		expect(errors.every((e) => e.message.length > 0)).toBe(true);
	});
});
