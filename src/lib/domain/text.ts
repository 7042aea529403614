import type { Locale, LocalizedText } from './types';

/**
 * The text in `locale`, falling back to English when that language is missing or blank.
 * Never throws; returns `text.en` (which every LocalizedText carries) as the last resort.
 */
export function localize(text: LocalizedText, locale: Locale): string {
	if (locale === 'en') return text.en;
	const translated = text[locale];
	return translated !== undefined && translated.trim() !== '' ? translated : text.en;
}

/**
 * The locales in `required` that `text` lacks (missing or blank). Handy for template editors
 * and tests that insist on complete translations.
 */
export function missingLocales(text: LocalizedText, required: readonly Locale[]): Locale[] {
	return required.filter((locale) => {
		const value = text[locale];
		return value === undefined || value.trim() === '';
	});
}
