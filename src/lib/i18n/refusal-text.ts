import { i18n } from './i18n.svelte';

/** What a page knows of a service's refusal: its stable code and the service's English sentence. */
export interface RefusalLike {
	/** The service's code; absent (or null) when the page has already put the refusal into words. */
	code?: string | null;
	message: string;
}

/**
 * A refusal in the reader's language: the `refusal.<code>` text when the catalogue has one, else
 * `otherwise` — by default the service's own sentence, so a code without a translation is never
 * shown blank.
 */
export function refusalText(refusal: RefusalLike, otherwise: string = refusal.message): string {
	const key = refusal.code ? `refusal.${refusal.code}` : '';
	return key && i18n.has(key) ? i18n.t(key) : otherwise;
}
