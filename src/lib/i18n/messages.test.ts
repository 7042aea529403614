import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { INTL_TAGS, UI_LOCALES, type Message, type UiLocale } from './locales';
import { da } from './messages/da';
import { en } from './messages/en';
import { nb } from './messages/nb';
import { pl } from './messages/pl';
import { moreDa } from './more-messages/da';
import { moreEn } from './more-messages/en';
import { moreNb } from './more-messages/nb';
import { morePl } from './more-messages/pl';
import { officeDa } from './office-messages/da';
import { officeEn } from './office-messages/en';
import { officeNb } from './office-messages/nb';
import { officePl } from './office-messages/pl';

// The core, the field screens' and the office's catalogues are checked as one: each key lives in
// exactly one of them (scripts/split-messages.js --check says which).
const catalogues: Record<UiLocale, Record<string, Message>> = {
	en: { ...en, ...moreEn, ...officeEn },
	da: { ...da, ...moreDa, ...officeDa },
	nb: { ...nb, ...moreNb, ...officeNb },
	pl: { ...pl, ...morePl, ...officePl }
};
const translations = UI_LOCALES.filter((locale) => locale !== 'en');
const keys = Object.keys(catalogues.en);
const english = catalogues.en;

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
	it('keeps each key in one catalogue only: the core, the field screens’ or the office’s', () => {
		const sizes = [en, moreEn, officeEn].map((c) => Object.keys(c).length);
		expect(
			new Set([...Object.keys(en), ...Object.keys(moreEn), ...Object.keys(officeEn)]).size
		).toBe(sizes[0]! + sizes[1]! + sizes[2]!);
		expect(Math.min(...sizes)).toBeGreaterThan(0);
	});

	it('has each key in the catalogue of the screens that show it (split-messages --check)', () => {
		const run = spawnSync(process.execPath, ['scripts/split-messages.js', '--check'], {
			encoding: 'utf8'
		});
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
	});

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
				const reference = english[key]!;
				if (typeof reference === 'string') {
					return typeof message === 'string' ? [] : [`${key}: plural where English is not`];
				}
				if (message === undefined) return [`${key}: missing`];
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
			const want = new Set(texts(english[key]!).flatMap((text) => [...placeholders(text)]));
			return texts(catalogues[locale][key]!)
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
				const reference = english[key]!;
				return (
					typeof reference === 'string' &&
					reference.split(' ').length > 2 &&
					catalogues[locale][key] === reference
				);
			});
			expect(copied).toEqual([]);
		}
	);
});
