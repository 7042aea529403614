import type { Locale } from '$lib/domain/types';

// The language facts every part of the app shares — the browser bundle, the office's server
// render and the service worker — without the catalogues themselves or Svelte's runtime.

/** Languages with a complete translation of the interface. */
export const UI_LOCALES = ['en', 'da', 'nb', 'pl'] as const satisfies readonly Locale[];
export type UiLocale = (typeof UI_LOCALES)[number];

/** Each language in its own name, as the pickers offer it. */
export const LOCALE_NAMES: Record<UiLocale, string> = {
	en: 'English',
	da: 'Dansk',
	nb: 'Norsk bokmål',
	pl: 'Polski'
};

/** The BCP 47 tag `Intl` formats dates, numbers and plurals with. */
export const INTL_TAGS: Record<Locale, string> = {
	en: 'en-GB',
	da: 'da-DK',
	nb: 'nb-NO',
	pl: 'pl-PL'
};

/**
 * A message whose wording depends on a count: one text per `Intl.PluralRules` category the
 * language uses (Polish: one, few, many; English, Danish, Norwegian: one), `other` always.
 */
export type PluralMessage = { other: string } & Partial<
	Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>
>;
/** A message is a plain string or, where a count decides the wording, a plural message. */
export type Message = string | PluralMessage;

export function isUiLocale(value: unknown): value is UiLocale {
	return typeof value === 'string' && (UI_LOCALES as readonly string[]).includes(value);
}

/** Picks the first supported language from the browser's list, English otherwise. */
export function negotiateLocale(preferred: readonly string[]): UiLocale {
	for (const tag of preferred) {
		const base = tag.toLowerCase().split('-')[0];
		if (isUiLocale(base)) return base;
		// Norwegian in general and Nynorsk readers get Bokmål, the written standard we carry.
		if (base === 'no' || base === 'nn') return 'nb';
	}
	return 'en';
}

/** The text of `message` for `count` in `locale`: its plural category, else `other`. */
export function pluralText(message: PluralMessage, count: number, locale: Locale): string {
	const category = new Intl.PluralRules(INTL_TAGS[locale]).select(count);
	return message[category] ?? message.other;
}
