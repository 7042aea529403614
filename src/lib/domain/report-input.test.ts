import { describe, expect, it } from 'vitest';
import { getBuiltinTemplate } from './builtin-templates/index';
import { reportInputOf, type ReportSource } from './report-input';
import { buildReportModel } from './report-model';
import { scoreAudit } from './scoring';
import type { JourneyTemplate } from './types';

const template = getBuiltinTemplate('complaint-handling', 1) as JourneyTemplate;
const first = template.stages[0]!.checkpoints;

function source(photoOrder: 'asc' | 'desc'): ReportSource {
	const answers = [{ checkpointId: first[1]!.id, value: 'no' as const, answeredAt: 5 }];
	const photos = [
		{
			id: 'b',
			checkpointId: first[1]!.id,
			kind: 'checkpoint' as const,
			caption: 'later',
			capturedAt: 200
		},
		{
			id: 'a',
			checkpointId: first[1]!.id,
			kind: 'checkpoint' as const,
			caption: 'first',
			capturedAt: 100
		},
		{ id: 'c', checkpointId: null, kind: 'receipt' as const, caption: '', capturedAt: 100 }
	];
	return {
		template,
		content: {
			locale: 'da',
			location: {
				id: 'l',
				name: 'Strøget',
				address: 'Strøget 1',
				kind: 'own',
				brand: 'N',
				region: 'K'
			},
			timeIn: 1_000,
			timeOut: 61_000,
			stageTimeMs: {},
			narrative: ' Fint besøg ',
			answers,
			notes: [{ checkpointId: first[1]!.id, text: 'Ingen i nærheden' }]
		},
		score: scoreAudit(template, new Map(answers.map((a) => [a.checkpointId, a.value]))),
		photos: photoOrder === 'asc' ? photos : [...photos].reverse(),
		organisationName: 'Nordlys',
		shopperPseudonym: 'Shopper 17',
		generatedAt: 90_000
	};
}

describe('reportInputOf', () => {
	it('takes only what the report reads and reports in the audit’s language', () => {
		const input = reportInputOf(source('asc'));
		expect(input.reportLocale).toBe('da');
		expect(input.content.answers).toEqual([{ checkpointId: first[1]!.id, value: 'no' }]);
		expect(input.content.notes).toEqual([{ checkpointId: first[1]!.id, text: 'Ingen i nærheden' }]);
		expect(input).not.toHaveProperty('review');
	});

	it('numbers photos by capture time whatever order they come in, so device and server agree', () => {
		const asc = buildReportModel(reportInputOf(source('asc')));
		const desc = buildReportModel(reportInputOf(source('desc')));
		expect(asc).toEqual(desc);
		expect(asc.photos['a']!.number).toBe(1);
		expect(asc.photos['b']!.number).toBe(2);
		expect(asc.labels.wentWrong).toBe('Gik galt');
	});
});
