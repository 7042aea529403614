import type { AnswerValue, ChoiceOption, ResponseSpec } from './types';

const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The option ids of a choice list, for membership checks. */
function optionIds(options: readonly ChoiceOption[]): Set<string> {
	return new Set(options.map((option) => option.id));
}

/** True when `value` lies inside the optional inclusive bounds. */
export function isWithin(value: number, range: { min?: number; max?: number }): boolean {
	if (range.min !== undefined && value < range.min) return false;
	if (range.max !== undefined && value > range.max) return false;
	return true;
}

/**
 * Whether `value` is a well-formed answer for `spec`:
 * - yes_no: 'yes' | 'no'; yes_no_na: also 'na';
 * - scale: an integer within spec.min..spec.max (1..5);
 * - single_choice: a known option id;
 * - multiple_choice: a non-empty array of distinct known option ids;
 * - number: a finite number within the optional spec.min/spec.max (inclusive);
 * - text: a string that is not blank after trimming;
 * - time: 'HH:MM' from 00:00 to 23:59.
 */
export function isAnswerValid(spec: ResponseSpec, value: AnswerValue): boolean {
	switch (spec.type) {
		case 'yes_no':
			return value === 'yes' || value === 'no';
		case 'yes_no_na':
			return value === 'yes' || value === 'no' || value === 'na';
		case 'scale':
			return (
				typeof value === 'number' &&
				Number.isInteger(value) &&
				value >= spec.min &&
				value <= spec.max
			);
		case 'single_choice':
			return typeof value === 'string' && optionIds(spec.options).has(value);
		case 'multiple_choice': {
			if (!Array.isArray(value) || value.length === 0) return false;
			const known = optionIds(spec.options);
			return new Set(value).size === value.length && value.every((id) => known.has(id));
		}
		case 'number':
			return typeof value === 'number' && Number.isFinite(value) && isWithin(value, spec);
		case 'text':
			return typeof value === 'string' && value.trim() !== '';
		case 'time':
			return typeof value === 'string' && TIME_PATTERN.test(value);
		default:
			return false;
	}
}

/** True for the n.a. answer `'na'` (only valid for yes_no_na, where it leaves the denominator). */
export function isNotApplicable(value: AnswerValue): boolean {
	return value === 'na';
}

/**
 * True when `spec` can earn points and can be answered negatively: yes/no, yes/no/n.a., scale,
 * single and multiple choice, and number with a `pass` range. Text, time and number without
 * `pass` are informational.
 */
export function isScoredResponse(spec: ResponseSpec): boolean {
	switch (spec.type) {
		case 'yes_no':
		case 'yes_no_na':
		case 'scale':
		case 'single_choice':
		case 'multiple_choice':
			return true;
		case 'number':
			return spec.pass !== undefined;
		default:
			return false;
	}
}

/**
 * Sum of the scores of the selected options (unknown ids count 0). Not capped at 1; see
 * `answerFraction` in scoring for the capped value.
 */
export function selectedScore(
	options: readonly ChoiceOption[],
	selected: readonly string[]
): number {
	let sum = 0;
	for (const id of selected) sum += options.find((option) => option.id === id)?.score ?? 0;
	return sum;
}

/**
 * Whether a VALID answer counts as negative (drives noteOnNegative and critical failures):
 * 'no'; a scale value ≤ 2; a single choice whose option scores 0; a multiple choice whose
 * selected options total 0; a number outside `pass`. 'na', invalid answers and unscored
 * types (text, time, number without pass) are never negative.
 */
export function isNegativeAnswer(spec: ResponseSpec, value: AnswerValue): boolean {
	if (!isAnswerValid(spec, value)) return false;
	switch (spec.type) {
		case 'yes_no':
		case 'yes_no_na':
			return value === 'no';
		case 'scale':
			return typeof value === 'number' && value <= 2;
		case 'single_choice':
			return spec.options.find((option) => option.id === value)?.score === 0;
		case 'multiple_choice':
			return Array.isArray(value) && selectedScore(spec.options, value) === 0;
		case 'number':
			return spec.pass !== undefined && typeof value === 'number' && !isWithin(value, spec.pass);
		default:
			return false;
	}
}
