import { LOCALES, type LocalizedText } from './types';

/**
 * A visit's scenario brief is a LocalizedText: English always, Danish, Norwegian and Polish where
 * written; the shopper reads it through `localize`, in their language or else English. Briefs
 * used to be one string; these helpers read both shapes.
 */

/** The old demo format: the Danish text, a blank line, then `EN: ` and the English one. */
const DANISH_THEN_ENGLISH = /^([\s\S]*?)\n\nEN: ([\s\S]*)$/;

/** A brief from one old string: the two languages of the old demo format, else English only. */
export function briefFromText(text: string): LocalizedText {
	const match = DANISH_THEN_ENGLISH.exec(text);
	const da = match?.[1]?.trim();
	const en = match?.[2]?.trim();
	return da && en ? { en, da } : { en: text };
}

/** Whether `value` is a LocalizedText: an object with an English string, other locales strings. */
export function isLocalizedText(value: unknown): value is LocalizedText {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const record = value as Record<string, unknown>;
	if (typeof record.en !== 'string') return false;
	return Object.entries(record).every(
		([key, text]) => (LOCALES as readonly string[]).includes(key) && typeof text === 'string'
	);
}

/** A brief as stored anywhere — a LocalizedText, or an old single string — as a LocalizedText. */
export function toBrief(value: LocalizedText | string): LocalizedText {
	return typeof value === 'string' ? briefFromText(value) : value;
}

/** A brief from its database column: JSON of a LocalizedText, or an old plain string. */
export function parseStoredBrief(stored: string): LocalizedText {
	try {
		const parsed: unknown = JSON.parse(stored);
		if (isLocalizedText(parsed)) return parsed;
	} catch {
		// Not JSON: a brief from before briefs had languages.
	}
	return briefFromText(stored);
}
