import { describe, expect, it } from 'vitest';
import {
	i18n,
	interpolate,
	isCatalogueLoaded,
	loadMoreCatalogue,
	negotiateLocale
} from './i18n.svelte';
import { nb } from './messages/nb';
import { pluralText } from './locales';

describe('negotiateLocale', () => {
	it.each([
		[['nb-NO'], 'nb'],
		[['no'], 'nb'],
		[['nn-NO'], 'nb'],
		[['nn'], 'nb'],
		[['pl-PL'], 'pl'],
		[['pl'], 'pl'],
		[['da'], 'da'],
		[['da-DK', 'en'], 'da'],
		[['en-US'], 'en'],
		[['fr'], 'en'],
		[['fr-FR', 'pl-PL', 'da'], 'pl'],
		[['de-DE', 'nb', 'da'], 'nb'],
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

describe('Polish plurals', () => {
	const message = { one: 'one', few: 'few', many: 'many', other: 'other' };
	it.each([
		[1, 'one'],
		[2, 'few'],
		[3, 'few'],
		[4, 'few'],
		[5, 'many'],
		[11, 'many'],
		[12, 'many'],
		[21, 'many'],
		[22, 'few'],
		[25, 'many'],
		[0, 'many'],
		[1.5, 'other']
	])('%d → %s', (count, category) => {
		expect(pluralText(message, count, 'pl')).toBe(category);
	});

	it('falls back to `other` when a category is missing', () => {
		expect(pluralText({ other: 'x' }, 1, 'pl')).toBe('x');
	});
});

describe('i18n', () => {
	it('loads a catalogue only when it is used', async () => {
		expect(isCatalogueLoaded('en')).toBe(true);
		expect(isCatalogueLoaded('nb')).toBe(false);
		await i18n.use('nb');
		expect(isCatalogueLoaded('nb')).toBe(true);
		expect(i18n.locale).toBe('nb');
		expect(i18n.t('pending.none')).toBe(nb['pending.none']);
		// The home screen's texts are not the stage runner's: not loaded yet, the key shows.
		expect(i18n.t('home.title')).toBe('home.title');
		await loadMoreCatalogue('nb');
		expect(i18n.t('home.title')).toBe('Mine auditer');
		await i18n.use('en');
		// Once a screen wanted them, a language switch brings them along.
		expect(i18n.t('home.title')).toBe('My audits');
	});

	it('refuses to switch to a catalogue that is not loaded', () => {
		expect(() => i18n.setLocale('pl')).toThrow(/not loaded/);
		expect(i18n.locale).toBe('en');
	});

	it('picks the plural form for the count, per language', async () => {
		await i18n.use('en');
		expect(i18n.t('pending.photos', { count: 1 })).toBe('1 photo not yet on the server');
		expect(i18n.t('pending.photos', { count: 14 })).toBe('14 photos not yet on the server');
		await i18n.use('da');
		expect(i18n.t('pending.photos', { count: 1 })).toBe('1 foto endnu ikke på serveren');
		expect(i18n.t('home.title')).toBe('Mine audits');
		await i18n.use('pl');
		expect(i18n.t('pending.audits', { count: 1 })).toBe('1 audyt');
		expect(i18n.t('pending.audits', { count: 3 })).toBe('3 audyty');
		expect(i18n.t('pending.audits', { count: 5 })).toBe('5 audytów');
		expect(i18n.t('pending.audits', { count: 22 })).toBe('22 audyty');
		expect(i18n.t('review.returned', { count: 25 })).toBe('Zwrócony — 25 komentarzy');
		await i18n.use('en');
	});

	it('formats percentages and durations in the chosen language', async () => {
		await i18n.use('da');
		expect(i18n.formatPercent(87.5)).toBe('87,5 %');
		expect(i18n.formatDuration(95 * 60_000)).toBe('1 t. 35 min.');
		await i18n.use('nb');
		expect(i18n.formatPercent(87.5)).toBe('87,5 %');
		expect(i18n.formatDuration(95 * 60_000)).toBe('1 t 35 min');
		await i18n.use('pl');
		expect(i18n.formatDuration(95 * 60_000)).toBe('1 godz. 35 min');
		await i18n.use('en');
		expect(i18n.formatPercent(87.5)).toBe('87.5 %');
	});
});
