import { describe, expect, it } from 'vitest';
import { i18n, interpolate, negotiateLocale } from './i18n.svelte';

describe('negotiateLocale', () => {
	it.each([
		[['da-DK', 'en'], 'da'],
		[['en-US'], 'en'],
		[['pl-PL', 'da'], 'da'],
		[['nb-NO'], 'da'],
		[['fr-FR'], 'en'],
		[[], 'en']
	] as const)('%j → %s', (preferred, expected) => {
		expect(negotiateLocale(preferred)).toBe(expected);
	});
});

describe('interpolate', () => {
	it('fills known placeholders and leaves unknown ones visible', () => {
		expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
	});
});

describe('i18n.t', () => {
	it('picks the plural form for the count, per language', () => {
		i18n.setLocale('en');
		expect(i18n.t('pending.photos', { count: 1 })).toBe('1 photo not yet on the server');
		expect(i18n.t('pending.photos', { count: 14 })).toBe('14 photos not yet on the server');
		i18n.setLocale('da');
		expect(i18n.t('pending.photos', { count: 1 })).toBe('1 foto endnu ikke på serveren');
		expect(i18n.t('home.title')).toBe('Mine audits');
		i18n.setLocale('en');
	});

	it('formats percentages and durations in the chosen language', () => {
		i18n.setLocale('da');
		expect(i18n.formatPercent(87.5)).toBe('87,5 %');
		expect(i18n.formatDuration(95 * 60_000)).toBe('1 t. 35 min.');
		i18n.setLocale('en');
		expect(i18n.formatPercent(87.5)).toBe('87.5 %');
	});
});
