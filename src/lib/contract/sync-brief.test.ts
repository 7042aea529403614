import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { AssignmentSchema } from './sync';

const OLD_SEED =
	'Returnér et par hovedtelefoner, købt for tre uger siden.\n\nEN: Return a pair of headphones bought three weeks ago.';

describe('AssignmentSchema.brief', () => {
	const assignment = (brief: unknown) => ({
		id: 'a1',
		templateId: 'complaint-handling',
		templateVersion: 1,
		location: {
			id: 'l1',
			name: 'Strøget',
			kind: 'own',
			brand: 'Nordlys',
			address: 'Strøget 1',
			region: 'Hovedstaden'
		},
		windowStart: 1,
		windowEnd: 2,
		brief,
		status: 'open'
	});

	it('accepts a brief per language', () => {
		const parsed = v.parse(AssignmentSchema, assignment({ en: 'Ask', nb: 'Spør', pl: 'Zapytaj' }));
		expect(parsed.brief).toEqual({ en: 'Ask', nb: 'Spør', pl: 'Zapytaj' });
	});

	it('still accepts an old single-string brief, read as the seed format or English', () => {
		expect(v.parse(AssignmentSchema, assignment(OLD_SEED)).brief.da).toContain('hovedtelefoner');
		expect(v.parse(AssignmentSchema, assignment('Ask')).brief).toEqual({ en: 'Ask' });
	});

	it('refuses a brief without English or with an unknown language', () => {
		expect(v.safeParse(AssignmentSchema, assignment({ da: 'Spørg' })).success).toBe(false);
		expect(v.safeParse(AssignmentSchema, assignment({ en: 'Ask', fr: 'Demande' })).success).toBe(
			false
		);
	});
});
