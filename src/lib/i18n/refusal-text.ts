import { i18n } from './i18n.svelte';

/** What a page knows of a service's refusal: its stable code and the service's English sentence. */
export interface RefusalLike {
	/** The service's code; absent (or null) when the page has already put the refusal into words. */
	code?: string | null;
	message: string;
}

/**
 * Codes whose service sentence is written per request (it names the field or the value that is
 * wrong): their `refusal.<code>` text can only be general, so an English reader keeps the
 * service's own, more exact sentence.
 */
const SPECIFIC_IN_ENGLISH = new Set([
	'invalid_member',
	'invalid_password',
	'invalid_visit',
	'invalid_wave',
	'invalid_location',
	'invalid_form',
	'invalid_period',
	'forbidden',
	'draft_conflict',
	'template_invalid',
	'invalid_import'
]);

/**
 * A refusal in the reader's language: the `refusal.<code>` text when the catalogue has one, else
 * `otherwise` — by default the service's own sentence, so a code without a translation is never
 * shown blank.
 */
export function refusalText(refusal: RefusalLike, otherwise: string = refusal.message): string {
	const code = refusal.code ?? '';
	const key = code ? `refusal.${code}` : '';
	if (!key || !i18n.has(key)) return otherwise;
	if (i18n.locale === 'en' && SPECIFIC_IN_ENGLISH.has(code) && refusal.message) {
		return refusal.message;
	}
	return i18n.t(key);
}
