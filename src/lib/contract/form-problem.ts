import type * as v from 'valibot';
import { isTimeZone } from '$lib/domain/visit-state';
import { isStorableText } from './common';

/**
 * The codes `problemOfIssue` gives a schema's issue. Their `message` is the schema's own sentence
 * (often valibot's, naming the value it got), so it says more than any general text can.
 */
export const SCHEMA_PROBLEM_CODES = [
	'empty',
	'too_long',
	'too_short',
	'none_chosen',
	'too_many',
	'not_a_choice',
	'not_a_time_zone',
	'unstorable_text',
	'invalid_value'
] as const;

/**
 * The stable codes of a refused office form's or import's problems (`details.problems[].code`).
 * The office words each in the reader's language (`problem.<code>`, with `params`); `message`
 * stays the service's English sentence for API clients. Documented in docs/api.md.
 */
export const FORM_PROBLEM_CODES = [
	// A value the contract's schema refuses (a location's field or cell, a visit's field).
	...SCHEMA_PROBLEM_CODES,
	// The location CSV file as a whole, and its rows.
	'csv_unreadable',
	'file_empty',
	'unknown_column',
	'duplicate_column',
	'missing_column',
	'no_locations',
	'too_many_rows',
	'too_many_cells',
	'duplicate_location',
	// A visit's or a wave's facts the database checks.
	'template_not_published',
	'template_archived',
	'window_not_after_start',
	'window_too_long',
	'brief_english_missing',
	'no_such_location',
	'location_archived',
	'not_a_shopper',
	'shopper_deactivated',
	'location_twice'
] as const;
export type FormProblemCode = (typeof FORM_PROBLEM_CODES)[number];

/** The values a problem's sentence names (a count, a row, a name). */
export type FormProblemParams = Record<string, string | number>;

/** A problem's code and the values its sentence needs. */
export interface CodedProblem {
	code: FormProblemCode;
	params?: FormProblemParams;
}

/**
 * The code of a schema issue, from its kind of check rather than its English message (which is
 * often valibot's own, e.g. "Invalid length: Expected <=200 but received 201"), so every field
 * of every office schema gets one without a table of sentences.
 */
export function problemOfIssue(issue: v.BaseIssue<unknown>): CodedProblem {
	const isList = Array.isArray(issue.input);
	const limit = typeof issue.requirement === 'number' ? issue.requirement : null;
	switch (issue.type) {
		case 'min_length':
			if (isList) return { code: 'none_chosen' };
			if (limit === 1 || limit === null) return { code: 'empty' };
			return { code: 'too_short', params: { min: limit } };
		case 'max_length':
			if (limit === null) return { code: 'invalid_value' };
			return { code: isList ? 'too_many' : 'too_long', params: { max: limit } };
		case 'picklist':
			return { code: 'not_a_choice' };
		case 'check':
			if (issue.requirement === isTimeZone) return { code: 'not_a_time_zone' };
			if (issue.requirement === isStorableText) return { code: 'unstorable_text' };
			return { code: 'invalid_value' };
		default:
			return { code: 'invalid_value' };
	}
}
