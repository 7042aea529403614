import { describe, expect, it } from 'vitest';
import { isAnswerValid, isNegativeAnswer, isNotApplicable, isScoredResponse } from './answer-rules';
import type { AnswerValue, ResponseSpec } from './types';

const label = { en: 'x', da: 'x' };
const single: ResponseSpec = {
	type: 'single_choice',
	options: [
		{ id: 'good', label, score: 1 },
		{ id: 'bad', label, score: 0 }
	]
};
const multiple: ResponseSpec = {
	type: 'multiple_choice',
	options: [
		{ id: 'a', label, score: 0.5 },
		{ id: 'b', label, score: 0.5 },
		{ id: 'none', label, score: 0 },
		{ id: 'zero', label, score: 0 }
	]
};
const numberWithPass: ResponseSpec = { type: 'number', min: 0, max: 60, pass: { max: 5 } };
const numberPlain: ResponseSpec = { type: 'number' };
const yesNo: ResponseSpec = { type: 'yes_no' };
const yesNoNa: ResponseSpec = { type: 'yes_no_na' };
const scale: ResponseSpec = { type: 'scale', min: 1, max: 5 };
const text: ResponseSpec = { type: 'text' };
const time: ResponseSpec = { type: 'time' };

describe('isAnswerValid', () => {
	const cases: [string, ResponseSpec, AnswerValue, boolean][] = [
		['yes_no yes', yesNo, 'yes', true],
		['yes_no no', yesNo, 'no', true],
		['yes_no rejects na', yesNo, 'na', false],
		['yes_no rejects other text', yesNo, 'maybe', false],
		['yes_no rejects number', yesNo, 1, false],
		['yes_no_na yes', yesNoNa, 'yes', true],
		['yes_no_na na', yesNoNa, 'na', true],
		['yes_no_na rejects array', yesNoNa, ['yes'], false],
		['scale 1', scale, 1, true],
		['scale 5', scale, 5, true],
		['scale 0', scale, 0, false],
		['scale 6', scale, 6, false],
		['scale 2.5', scale, 2.5, false],
		['scale string', scale, '3', false],
		['single known id', single, 'good', true],
		['single unknown id', single, 'meh', false],
		['single array', single, ['good'], false],
		['multiple one id', multiple, ['a'], true],
		['multiple two ids', multiple, ['a', 'b'], true],
		['multiple empty', multiple, [], false],
		['multiple duplicate', multiple, ['a', 'a'], false],
		['multiple unknown', multiple, ['a', 'c'], false],
		['multiple plain string', multiple, 'a', false],
		['number inside', numberWithPass, 12.5, true],
		['number at min', numberWithPass, 0, true],
		['number at max', numberWithPass, 60, true],
		['number below min', numberWithPass, -1, false],
		['number above max', numberWithPass, 61, false],
		['number NaN', numberPlain, Number.NaN, false],
		['number Infinity', numberPlain, Number.POSITIVE_INFINITY, false],
		['number as string', numberPlain, '5', false],
		['text', text, 'Friendly staff', true],
		['text blank', text, '   ', false],
		['text empty', text, '', false],
		['text number', text, 5, false],
		['time 00:00', time, '00:00', true],
		['time 23:59', time, '23:59', true],
		['time 09:05', time, '09:05', true],
		['time 24:00', time, '24:00', false],
		['time 12:60', time, '12:60', false],
		['time 9:05', time, '9:05', false],
		['time with seconds', time, '09:05:00', false]
	];
	it.each(cases)('%s', (_name, spec, value, expected) => {
		expect(isAnswerValid(spec, value)).toBe(expected);
	});
});

describe('isNegativeAnswer', () => {
	const cases: [string, ResponseSpec, AnswerValue, boolean][] = [
		['no', yesNo, 'no', true],
		['yes', yesNo, 'yes', false],
		['no on yes_no_na', yesNoNa, 'no', true],
		['na is not negative', yesNoNa, 'na', false],
		['scale 1', scale, 1, true],
		['scale 2', scale, 2, true],
		['scale 3', scale, 3, false],
		['single option scoring 0', single, 'bad', true],
		['single option scoring 1', single, 'good', false],
		['multiple totalling 0', multiple, ['none', 'zero'], true],
		['multiple totalling > 0', multiple, ['none', 'a'], false],
		['number outside pass', numberWithPass, 6, true],
		['number at pass edge', numberWithPass, 5, false],
		['number without pass', numberPlain, 1000, false],
		['text never', text, 'bad', false],
		['time never', time, '12:00', false],
		['invalid answer is not negative', yesNo, 'na', false],
		['invalid scale is not negative', scale, 0, false]
	];
	it.each(cases)('%s', (_name, spec, value, expected) => {
		expect(isNegativeAnswer(spec, value)).toBe(expected);
	});
});

describe('isNotApplicable', () => {
	it.each([
		['na', true],
		['no', false],
		['yes', false],
		[0, false]
	] as [AnswerValue, boolean][])('%s → %s', (value, expected) => {
		expect(isNotApplicable(value)).toBe(expected);
	});
});

describe('isScoredResponse', () => {
	it.each([
		[yesNo, true],
		[yesNoNa, true],
		[scale, true],
		[single, true],
		[multiple, true],
		[numberWithPass, true],
		[numberPlain, false],
		[text, false],
		[time, false]
	] as [ResponseSpec, boolean][])('%o → %s', (spec, expected) => {
		expect(isScoredResponse(spec)).toBe(expected);
	});
});
