import { describe, expect, it } from 'vitest';
import { INTL_TAGS, UI_LOCALES, type Message, type UiLocale } from './locales';
import { da } from './messages/da';
import { en, type MessageKey, type Messages } from './messages/en';
import { nb } from './messages/nb';
import { pl } from './messages/pl';

const catalogues: Record<UiLocale, Messages> = { en, da, nb, pl };
const translations = UI_LOCALES.filter((locale) => locale !== 'en');
const keys = Object.keys(en) as MessageKey[];

/** Every text of a message: the string, or each plural form. */
const texts = (message: Message): string[] =>
	typeof message === 'string' ? [message] : Object.values(message);
const placeholders = (text: string) => new Set(text.match(/\{\w+\}/g) ?? []);

/** The plural categories whole numbers take in `locale` (fractions are `other`, always present). */
const integerCategories = (locale: UiLocale) => {
	const rules = new Intl.PluralRules(INTL_TAGS[locale]);
	const seen = new Set<string>(['other']);
	for (let n = 0; n <= 200; n++) seen.add(rules.select(n));
	return [...seen].sort();
};

describe('message catalogues', () => {
	it('covers the four interface languages', () => {
		expect(Object.keys(catalogues).sort()).toEqual(['da', 'en', 'nb', 'pl']);
	});

	it.each(translations)('%s has exactly the English keys', (locale) => {
		expect(Object.keys(catalogues[locale]).sort()).toEqual([...keys].sort());
	});

	it('knows which plural categories each language needs', () => {
		expect(integerCategories('pl')).toEqual(['few', 'many', 'one', 'other']);
		for (const locale of ['en', 'da', 'nb'] as const) {
			expect(integerCategories(locale)).toEqual(['one', 'other']);
		}
	});

	it.each(UI_LOCALES)(
		'%s: every counted message has the plural categories of the language, and only those',
		(locale) => {
			const wrong = keys.flatMap((key) => {
				const message = catalogues[locale][key];
				const english = en[key];
				if (typeof english === 'string') {
					return typeof message === 'string' ? [] : [`${key}: plural where English is not`];
				}
				if (typeof message === 'string') return [`${key}: not a plural message`];
				const got = Object.keys(message).sort();
				const want = integerCategories(locale);
				return got.join() === want.join() ? [] : [`${key}: ${got.join()} ≠ ${want.join()}`];
			});
			expect(wrong).toEqual([]);
		}
	);

	it.each(translations)('%s keeps the placeholders of English in every form', (locale) => {
		const wrong = keys.flatMap((key) => {
			const want = new Set(texts(en[key]).flatMap((text) => [...placeholders(text)]));
			return texts(catalogues[locale][key])
				.filter((text) => {
					const got = placeholders(text);
					// A plural form may leave out {count} only where English does too.
					return [...got].some((p) => !want.has(p)) || [...want].some((p) => !got.has(p));
				})
				.map((text) => `${key}: ${text}`);
		});
		expect(wrong).toEqual([]);
	});

	it.each(translations)(
		'%s is translated, not copied, wherever English is a sentence',
		(locale) => {
			const copied = keys.filter((key) => {
				const english = en[key];
				return (
					typeof english === 'string' &&
					english.split(' ').length > 2 &&
					catalogues[locale][key] === english
				);
			});
			expect(copied).toEqual([]);
		}
	);
});
