import { describe, expect, it } from 'vitest';
import {
	checkpoint,
	numberInput,
	scale,
	t,
	text,
	time,
	yesNo,
	yesNoNa
} from './builtin-templates/builders';
import { auditProgress } from './progress';
import { validateAudit } from './validation';
import type { AnswerValue, JourneyTemplate, PhotoRef, ValidationProblem } from './types';

const p = t('x', 'x');
const template: JourneyTemplate = {
	id: 'v',
	version: 1,
	name: p,
	locationKind: 'any',
	stages: [
		{
			id: 's1',
			title: p,
			weight: 1,
			checkpoints: [
				checkpoint({ id: 'a', prompt: p, response: yesNo(), noteOnNegative: true }),
				checkpoint({
					id: 'b',
					prompt: p,
					response: yesNo(),
					photo: 'required',
					visibleWhen: { checkpointId: 'a', op: 'equals', value: 'yes' }
				}),
				checkpoint({ id: 'c', prompt: p, response: scale(), required: false }),
				checkpoint({ id: 'd', prompt: p, response: text() })
			]
		},
		{
			id: 's2',
			title: p,
			weight: 1,
			checkpoints: [
				checkpoint({
					id: 'e',
					prompt: p,
					response: yesNo(),
					photo: 'required',
					noteOnNegative: true
				}),
				checkpoint({ id: 'f', prompt: p, response: numberInput({ pass: { max: 5 } }) }),
				checkpoint({
					id: 'g',
					prompt: p,
					response: yesNoNa(),
					required: false,
					noteOnNegative: true
				}),
				checkpoint({ id: 'h', prompt: p, response: time(), required: false })
			]
		}
	]
};

const problem = (
	kind: ValidationProblem['kind'],
	stageId: string | null,
	checkpointId: string | null
): ValidationProblem => ({ kind, stageId, checkpointId });

function run(
	answers: [string, AnswerValue][],
	notes: [string, string][],
	photos: PhotoRef[],
	timeOut: number | null
) {
	return validateAudit({
		template,
		answers: new Map(answers),
		notes: new Map(notes),
		photos,
		timeOut
	});
}

describe('validateAudit', () => {
	const cases: [
		string,
		[string, AnswerValue][],
		[string, string][],
		PhotoRef[],
		number | null,
		ValidationProblem[]
	][] = [
		[
			'an empty draft',
			[],
			[],
			[],
			null,
			[
				problem('answer_missing', 's1', 'a'),
				problem('answer_missing', 's1', 'd'),
				problem('answer_missing', 's2', 'e'),
				problem('photo_missing', 's2', 'e'),
				problem('answer_missing', 's2', 'f'),
				problem('time_out_missing', null, null)
			]
		],
		[
			'a mixed draft, in template order',
			[
				['a', 'no'],
				['b', 'yes'],
				['c', 7],
				['e', 'no'],
				['f', 'x'],
				['g', 'no'],
				['h', '25:00']
			],
			[
				['a', '   '],
				['g', 'Cashier was alone']
			],
			[{ id: 'p1', checkpointId: null, kind: 'general' }],
			null,
			[
				problem('note_missing', 's1', 'a'),
				problem('answer_invalid', 's1', 'c'),
				problem('answer_missing', 's1', 'd'),
				problem('photo_missing', 's2', 'e'),
				problem('note_missing', 's2', 'e'),
				problem('answer_invalid', 's2', 'f'),
				problem('answer_invalid', 's2', 'h'),
				problem('time_out_missing', null, null)
			]
		],
		[
			'a visible photo checkpoint needs its photo even unanswered',
			[
				['a', 'yes'],
				['d', 'Fine'],
				['e', 'yes'],
				['f', 9]
			],
			[],
			[{ id: 'p1', checkpointId: 'e', kind: 'checkpoint' }],
			1000,
			[problem('answer_missing', 's1', 'b'), problem('photo_missing', 's1', 'b')]
		],
		[
			'a complete audit',
			[
				['a', 'yes'],
				['b', 'no'],
				['d', 'Fine'],
				['e', 'no'],
				['f', 3],
				['g', 'na']
			],
			[['e', 'Dusty shelves']],
			[
				{ id: 'p1', checkpointId: 'b', kind: 'checkpoint' },
				{ id: 'p2', checkpointId: 'e', kind: 'checkpoint' }
			],
			1000,
			[]
		]
	];

	it.each(cases)('%s', (_name, answers, notes, photos, timeOut, expected) => {
		expect(run(answers, notes, photos, timeOut)).toEqual(expected);
	});
});

describe('auditProgress', () => {
	it('counts visible, answered and required per stage and overall', () => {
		const progress = auditProgress(
			template,
			new Map<string, AnswerValue>([
				['a', 'yes'],
				['c', 9],
				['d', 'Fine'],
				['g', 'na']
			])
		);
		expect(progress.stages).toEqual([
			{ stageId: 's1', visible: 4, answered: 2, required: 3, requiredAnswered: 2, complete: false },
			{ stageId: 's2', visible: 4, answered: 1, required: 2, requiredAnswered: 0, complete: false }
		]);
		expect(progress).toMatchObject({
			visible: 8,
			answered: 3,
			required: 5,
			requiredAnswered: 2,
			complete: false
		});
	});

	it('leaves hidden checkpoints out and completes when every required one is answered', () => {
		const progress = auditProgress(
			template,
			new Map<string, AnswerValue>([
				['a', 'no'],
				['b', 'yes'],
				['d', 'Fine'],
				['e', 'yes'],
				['f', 1]
			])
		);
		expect(progress.stages[0]).toEqual({
			stageId: 's1',
			visible: 3,
			answered: 2,
			required: 2,
			requiredAnswered: 2,
			complete: true
		});
		expect(progress.complete).toBe(true);
		expect(progress.answered).toBe(4);
	});
});
