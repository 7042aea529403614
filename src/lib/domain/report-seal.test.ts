import { describe, expect, it } from 'vitest';
import { getBuiltinTemplate } from './builtin-templates';
import { buildReportModel, type ReportInput } from './report-model';
import { scoreAudit } from './scoring';
import type { JourneyTemplate } from './types';
import { LOCALES } from './types';

// The report cover's seal block and presence line, in every report language.
const template = getBuiltinTemplate('complaint-handling', 1) as JourneyTemplate;

function input(overrides: Partial<ReportInput> = {}): ReportInput {
	return {
		template,
		content: {
			answers: [],
			notes: [],
			narrative: '',
			timeIn: Date.UTC(2025, 9, 9, 8, 0),
			timeOut: Date.UTC(2025, 9, 9, 8, 40),
			stageTimeMs: {},
			location: { id: 'l', name: 'Strøget', kind: 'own', brand: 'N', address: 'A', region: 'R' },
			locale: 'en'
		},
		score: scoreAudit(template, new Map()),
		photos: [],
		organisationName: 'Org',
		shopperPseudonym: 'Shopper 17',
		reportLocale: 'en',
		generatedAt: Date.UTC(2025, 9, 10, 12, 0),
		review: { state: 'submitted', version: 1 },
		...overrides
	};
}

const verification = {
	code: 'BW1F-4W5B-9372',
	url: 'https://shopwalk.example/verify?code=BW1F-4W5B-9372',
	pageUrl: 'https://shopwalk.example/verify'
};

describe('the report cover: seal and presence', () => {
	it.each(LOCALES)(
		'%s: the code, the QR address and the verify page; the presence outcome and band',
		(locale) => {
			const model = buildReportModel(
				input({
					reportLocale: locale,
					verification,
					content: {
						...input().content,
						presence: { outcome: 'outside', accuracy: 'le200', checkedAt: 1 }
					}
				})
			);
			expect(model.cover.verification).toMatchObject({
				code: verification.code,
				url: verification.url
			});
			expect(model.cover.verification!.hint).toContain('https://shopwalk.example/verify');
			expect(model.cover.verification!.label.length).toBeGreaterThan(3);
			expect(model.cover.presence).toMatch(/200\u00a0m/);
			expect(model.cover.facts.map((f) => f.value)).toContain(model.cover.presence);
		}
	);

	it('has neither without a seal or a presence check; “unavailable” has no band', () => {
		const plain = buildReportModel(input());
		expect(plain.cover.verification).toBeNull();
		expect(plain.cover.presence).toBeNull();
		const unavailable = buildReportModel(
			input({
				content: {
					...input().content,
					presence: { outcome: 'unavailable', accuracy: null, checkedAt: 1 }
				}
			})
		);
		expect(unavailable.cover.presence).toBe('Position unavailable');
	});
});
