import { describe, expect, it } from 'vitest';
import { da } from './messages/da';
import { en } from './messages/en';

const placeholders = (message: string | { one: string; other: string }) =>
	[typeof message === 'string' ? message : message.one + message.other]
		.join('')
		.match(/\{\w+\}/g)
		?.sort() ?? [];

describe('message catalogues', () => {
	it('Danish has exactly the English keys', () => {
		expect(Object.keys(da).sort()).toEqual(Object.keys(en).sort());
	});

	it.each(Object.keys(en) as (keyof typeof en)[])('%s keeps its placeholders in Danish', (key) => {
		expect(new Set(placeholders(da[key]))).toEqual(new Set(placeholders(en[key])));
	});

	it('Danish is translated, not copied, wherever English is a sentence', () => {
		const copied = (Object.keys(en) as (keyof typeof en)[]).filter((key) => {
			const english = en[key];
			return typeof english === 'string' && english.split(' ').length > 2 && da[key] === english;
		});
		expect(copied).toEqual([]);
	});
});
