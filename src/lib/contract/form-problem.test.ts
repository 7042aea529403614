import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { problemOfIssue } from './form-problem';
import { LocationInputSchema, WaveInputSchema } from './office';

/** The codes of every issue the schema finds in `input`. */
function codesOf(schema: v.GenericSchema, input: unknown) {
	const parsed = v.safeParse(schema, input);
	return parsed.success ? [] : parsed.issues.map(problemOfIssue);
}

const location = {
	name: 'Store',
	kind: 'own',
	brand: '',
	region: '',
	address: '',
	timeZone: 'UTC'
};

describe('problemOfIssue', () => {
	it('codes a location’s field problems by the kind of check, with the limit it names', () => {
		expect(codesOf(LocationInputSchema, { ...location, name: ' ' })).toEqual([{ code: 'empty' }]);
		expect(codesOf(LocationInputSchema, { ...location, kind: 'rival' })).toEqual([
			{ code: 'not_a_choice' }
		]);
		expect(codesOf(LocationInputSchema, { ...location, timeZone: 'Nowhere/City' })).toEqual([
			{ code: 'not_a_time_zone' }
		]);
		expect(codesOf(LocationInputSchema, { ...location, address: 'x'.repeat(501) })).toEqual([
			{ code: 'too_long', params: { max: 500 } }
		]);
		expect(codesOf(LocationInputSchema, { ...location, region: 'a\u0000b' })).toEqual([
			{ code: 'unstorable_text' }
		]);
		expect(codesOf(LocationInputSchema, { ...location, name: 7 })).toEqual([
			{ code: 'invalid_value' }
		]);
	});

	it('tells an empty or overlong list from an empty or overlong text', () => {
		const wave = { templateId: 't', templateVersion: 1, windowStart: 0, windowEnd: 1 };
		const brief = { en: 'Brief' };
		expect(codesOf(WaveInputSchema, { ...wave, brief, visits: [] })).toEqual([
			{ code: 'none_chosen' }
		]);
		const visits = Array.from({ length: 501 }, (_, i) => ({ locationId: `l${i}`, shopperId: 's' }));
		expect(codesOf(WaveInputSchema, { ...wave, brief, visits })).toEqual([
			{ code: 'too_many', params: { max: 500 } }
		]);
	});
});
