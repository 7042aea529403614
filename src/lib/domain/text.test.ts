import { describe, expect, it } from 'vitest';
import { localize, missingLocales } from './text';
import type { Locale, LocalizedText } from './types';

describe('localize', () => {
	const text: LocalizedText = { en: 'Checkout', da: 'Betaling', pl: '  ' };
	it.each([
		['en', 'Checkout'],
		['da', 'Betaling'],
		['nb', 'Checkout'],
		['pl', 'Checkout']
	] as [Locale, string][])('%s → %s', (locale, expected) => {
		expect(localize(text, locale)).toBe(expected);
	});
});

describe('missingLocales', () => {
	it('lists missing and blank languages', () => {
		expect(missingLocales({ en: 'a', da: 'b', pl: ' ' }, ['en', 'da', 'nb', 'pl'])).toEqual([
			'nb',
			'pl'
		]);
	});
});
