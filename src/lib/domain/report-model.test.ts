import { describe, expect, it } from 'vitest';
import {
	checkpoint,
	MINUTES,
	multipleChoice,
	numberInput,
	option,
	scale,
	singleChoice,
	t,
	text,
	time,
	whenEquals,
	yesNo,
	yesNoNa
} from './builtin-templates/builders';
import {
	answerText,
	buildReportModel,
	formatDuration,
	MAX_HIGHLIGHTS,
	reportLabels,
	type ReportInput
} from './report-model';
import { scoreAudit } from './scoring';
import type { AnswerValue, JourneyTemplate, Locale, ResponseSpec } from './types';
import { LOCALES } from './types';

const choices = [
	option('great', 1, t('Great', 'Fremragende', 'Utmerket', 'Świetnie')),
	option('ok', 0.5, t('Fine', 'Fint')),
	option('bad', 0, t('Poor', 'Dårligt'))
];

describe('answerText', () => {
	const cases: [string, ResponseSpec, AnswerValue, Locale, string][] = [
		['yes in English', yesNo(), 'yes', 'en', 'Yes'],
		['yes in Danish', yesNo(), 'yes', 'da', 'Ja'],
		['no in Polish', yesNo(), 'no', 'pl', 'Nie'],
		['n.a. in Danish', yesNoNa(), 'na', 'da', 'Ikke relevant'],
		['n.a. in Norwegian', yesNoNa(), 'na', 'nb', 'Ikke relevant'],
		['scale', scale(), 4, 'da', '4 / 5'],
		['single choice, translated', singleChoice(choices), 'great', 'pl', 'Świetnie'],
		['single choice, English fallback', singleChoice(choices), 'ok', 'nb', 'Fine'],
		['multiple choice', multipleChoice(choices), ['great', 'bad'], 'da', 'Fremragende, Dårligt'],
		['number with unit', numberInput({ unit: MINUTES }), 3, 'da', '3 minutter'],
		['decimal in Danish', numberInput({ unit: MINUTES }), 2.5, 'da', '2,5 minutter'],
		['decimal in English', numberInput({ unit: MINUTES }), 2.5, 'en', '2.5 minutes'],
		['number without unit', numberInput({}), 7, 'en', '7'],
		['time', time(), '10:05', 'da', '10:05'],
		['text', text(), 'Venlig og grundig', 'en', 'Venlig og grundig'],
		['unknown option id', singleChoice(choices), 'gone', 'en', 'gone']
	];
	it.each(cases)('%s', (_name, spec, value, locale, expected) => {
		expect(answerText(spec, value, locale)).toBe(expected);
	});
});

describe('formatDuration', () => {
	const cases: [number, Locale, string][] = [
		[0, 'en', '0 min'],
		[35 * 60_000, 'da', '35 min'],
		[60 * 60_000, 'da', '1 t'],
		[65 * 60_000, 'en', '1 h 5 min'],
		[125 * 60_000 + 20_000, 'pl', '2 godz. 5 min']
	];
	it.each(cases)('%d ms in %s → %s', (ms, locale, expected) => {
		expect(formatDuration(ms, reportLabels(locale))).toBe(expected);
	});
});

describe('report labels', () => {
	it.each(LOCALES)('%s has every label, non-blank, with the page placeholders', (locale) => {
		const labels = reportLabels(locale);
		for (const [key, value] of Object.entries(reportLabels('en'))) {
			expect(typeof value, key).toBe('string');
			expect(labels[key as keyof typeof labels].trim(), key).not.toBe('');
		}
		expect(labels.pageOf).toContain('{page}');
		expect(labels.pageOf).toContain('{pages}');
	});
});

const template: JourneyTemplate = {
	id: 'tpl',
	version: 3,
	name: t('Store visit', 'Butiksbesøg'),
	locationKind: 'any',
	criticalFailCap: 40,
	stages: [
		{
			id: 'arrival',
			title: t('Arrival', 'Ankomst'),
			weight: 1,
			checkpoints: [
				checkpoint({ id: 'a.clean', prompt: t('Clean?', 'Rent?'), response: yesNo(), weight: 2 }),
				checkpoint({ id: 'a.light', prompt: t('Light?', 'Lyst?'), response: yesNo() }),
				checkpoint({
					id: 'a.queue',
					prompt: t('Queue', 'Kø'),
					response: numberInput({ unit: MINUTES })
				})
			]
		},
		{
			id: 'advice',
			title: t('Advice', 'Rådgivning'),
			weight: 1,
			checkpoints: [
				checkpoint({
					id: 'b.greet',
					prompt: t('Greeted?', 'Hilst?'),
					response: yesNoNa(),
					critical: true
				}),
				checkpoint({
					id: 'b.why',
					prompt: t('Why not?', 'Hvorfor ikke?'),
					response: text(),
					visibleWhen: whenEquals('b.greet', 'yes')
				}),
				checkpoint({ id: 'b.skill', prompt: t('Skill', 'Kunnen'), response: scale(), weight: 4 }),
				checkpoint({ id: 'b.open', prompt: t('Open', 'Åben'), response: yesNo() })
			]
		}
	]
};

function input(overrides: Partial<ReportInput> = {}): ReportInput {
	const answers: [string, AnswerValue][] = [
		['a.clean', 'yes'],
		['a.light', 'no'],
		['a.queue', 3],
		['b.greet', 'no'],
		['b.skill', 3]
	];
	return {
		template,
		content: {
			answers: answers.map(([checkpointId, value]) => ({ checkpointId, value })),
			notes: [
				{ checkpointId: 'a.light', text: ' Mørkt ved indgangen. ' },
				{ checkpointId: 'b.greet', text: 'Ingen hilste på mig.' },
				{ checkpointId: 'b.why', text: 'hidden note' }
			],
			narrative: '  Et roligt besøg.  ',
			timeIn: Date.UTC(2025, 9, 9, 8, 0),
			timeOut: Date.UTC(2025, 9, 9, 8, 47),
			stageTimeMs: { arrival: 125_000 },
			location: {
				id: 'loc',
				name: 'Elgiganten Fields',
				kind: 'competitor',
				brand: 'Elgiganten',
				address: 'Arne Jacobsens Allé 12',
				region: 'Hovedstaden'
			},
			locale: 'en'
		},
		score: scoreAudit(template, new Map(answers)),
		photos: [
			{
				id: 'p1',
				checkpointId: 'a.light',
				kind: 'checkpoint',
				caption: ' Entrance ',
				capturedAt: Date.UTC(2025, 9, 9, 8, 5)
			},
			{ id: 'p2', checkpointId: 'b.why', kind: 'checkpoint', caption: 'hidden', capturedAt: 0 },
			{
				id: 'p3',
				checkpointId: null,
				kind: 'receipt',
				caption: '',
				capturedAt: Date.UTC(2025, 9, 9, 8, 45)
			},
			{
				id: 'p4',
				checkpointId: null,
				kind: 'general',
				caption: 'Shelf',
				capturedAt: Date.UTC(2025, 9, 9, 8, 30)
			}
		],
		organisationName: 'Elkæden A/S',
		shopperPseudonym: 'Shopper 17',
		reportLocale: 'da',
		generatedAt: Date.UTC(2025, 9, 10, 12, 0),
		...overrides
	};
}

describe('buildReportModel', () => {
	const model = buildReportModel(input());
	const row = (id: string) =>
		model.stages.flatMap((stage) => stage.checkpoints).find((cp) => cp.id === id);

	it('states the cover facts in the report language and time zone', () => {
		expect(model.cover).toMatchObject({
			title: 'Mystery shopping-rapport',
			organisation: 'Elkæden A/S',
			locationName: 'Elgiganten Fields',
			competitor: true,
			date: '9. oktober 2025',
			timeIn: '10.00',
			timeOut: '10.47',
			duration: '47 min',
			templateName: 'Butiksbesøg',
			templateVersion: 3,
			shopper: 'Shopper 17'
		});
		expect(model.cover.facts).toContainEqual({
			label: 'Butik',
			value: 'Elgiganten Fields (Konkurrent)'
		});
		expect(model.cover.facts).toContainEqual({
			label: 'Skabelon',
			value: 'Butiksbesøg, version 3'
		});
	});

	it('leaves time-out and duration open while the visit is unfinished', () => {
		const open = buildReportModel(input({ content: { ...input().content, timeOut: null } }));
		expect(open.cover.timeOut).toBeNull();
		expect(open.cover.duration).toBeNull();
	});

	it('summarises the capped total, stage bars and critical failures', () => {
		expect(model.summary.capped).toBe(true);
		expect(model.summary.totalPercent).toBe(40);
		expect(model.summary.totalText).toBe('40\u00a0%');
		expect(model.summary.cappedNote).toContain('40\u00a0%');
		expect(model.summary.stages.map((bar) => [bar.stageId, bar.percent])).toEqual([
			['arrival', 66.7],
			['advice', 40]
		]);
		expect(model.summary.criticalFailures.map((item) => item.text)).toEqual(['Hilst?']);
	});

	it('puts high-weight positive answers under went well and negative ones, with notes, under went wrong', () => {
		expect(model.summary.wentWell.map((item) => [item.kind, item.text, item.detail])).toEqual([
			['checkpoint', 'Rent?', 'Ja']
		]);
		expect(model.summary.wentWrong.map((item) => [item.text, item.note, item.critical])).toEqual([
			['Hilst?', 'Ingen hilste på mig.', true],
			['Lyst?', 'Mørkt ved indgangen.', false]
		]);
	});

	it('keeps the strongest MAX_HIGHLIGHTS lines and counts the rest', () => {
		const many: JourneyTemplate = {
			...template,
			stages: [
				{
					id: 'many',
					title: t('Many', 'Mange'),
					weight: 1,
					checkpoints: Array.from({ length: 20 }, (_, i) =>
						checkpoint({
							id: `m${i}`,
							prompt: t(`Q${i}`, `Q${i}`),
							response: yesNo(),
							weight: i === 15 ? 3 : 2
						})
					)
				}
			]
		};
		const answers = new Map<string, AnswerValue>(
			many.stages[0]?.checkpoints.map((cp, i) => [cp.id, i < 16 ? 'yes' : 'no']) ?? []
		);
		const result = buildReportModel(input({ template: many, score: scoreAudit(many, answers) }));
		expect(result.summary.wentWell).toHaveLength(MAX_HIGHLIGHTS);
		// The stage (33 of 41 points) first, then the heaviest checkpoint, then template order.
		expect(result.summary.wentWell.slice(0, 3).map((item) => item.text)).toEqual([
			'Mange',
			'Q15',
			'Q0'
		]);
		expect(result.summary.wentWellMore).toBe(17 - MAX_HIGHLIGHTS);
		expect(result.summary.wentWrong.map((item) => item.text)).toEqual(['Q16', 'Q17', 'Q18', 'Q19']);
		expect(result.summary.wentWrongMore).toBe(0);
	});

	it('lists a stage of 80 % or more under went well', () => {
		const answers: [string, AnswerValue][] = [
			['a.clean', 'yes'],
			['a.light', 'yes']
		];
		const good = buildReportModel(
			input({ score: scoreAudit(template, new Map(answers)), reportLocale: 'en' })
		);
		expect(good.summary.wentWell[0]).toMatchObject({
			kind: 'stage',
			text: 'Arrival',
			detail: '100%'
		});
	});

	it('shows only visible checkpoints, with answers, points and marks', () => {
		expect(model.stages.map((stage) => stage.checkpoints.map((cp) => cp.id))).toEqual([
			['a.clean', 'a.light', 'a.queue'],
			['b.greet', 'b.skill', 'b.open']
		]);
		const rows: [string, string, string | null, string, boolean][] = [
			['a.clean', 'Ja', '2 / 2', 'full', false],
			['a.light', 'Nej', '0 / 1', 'negative', false],
			['a.queue', '3 minutter', null, 'neutral', false],
			['b.greet', 'Nej', '0 / 1', 'negative', true],
			['b.skill', '3 / 5', '2 / 4', 'partial', false],
			['b.open', 'Ikke besvaret', null, 'neutral', false]
		];
		for (const [id, answer, points, mark, criticalFailure] of rows) {
			expect(row(id), id).toMatchObject({ answer, points, mark, criticalFailure });
		}
		expect(row('b.open')?.answered).toBe(false);
	});

	it('carries stage times, the trimmed narrative and notes', () => {
		expect(model.stages[0]?.timeSpent).toBe('2 min');
		expect(model.stages[1]?.timeSpent).toBeNull();
		expect(model.narrative).toBe('Et roligt besøg.');
		expect(row('a.light')?.note).toBe('Mørkt ved indgangen.');
	});

	it('numbers each shown photo once and leaves out photos of hidden checkpoints', () => {
		expect(row('a.light')?.photoIds).toEqual(['p1']);
		expect(model.stages[0]?.photoIds).toEqual(['p1']);
		expect(model.receiptPhotoIds).toEqual(['p3']);
		expect(model.otherPhotoIds).toEqual(['p4']);
		expect(Object.keys(model.photos)).toEqual(['p1', 'p3', 'p4']);
		expect(model.photos.p1).toMatchObject({
			number: 1,
			caption: 'Entrance',
			checkpointPrompt: 'Lyst?'
		});
		expect(model.photos.p3?.number).toBe(2);
	});

	it('is deterministic for the same input', () => {
		expect(buildReportModel(input())).toEqual(model);
	});
});
