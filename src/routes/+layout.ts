import { browser } from '$app/environment';
import { i18n } from '$lib/i18n/i18n.svelte';
import type { LayoutLoad } from './$types';

// The office wing renders on the server; the field wing, sign-in and the shell opt out of SSR in
// their own layouts (see src/routes/(field)/+layout.ts).
export const prerender = false;

/**
 * In the browser, before the first render: the device's saved language (or the browser's), its
 * catalogue loaded, so the client-rendered field app never shows a screen in the fallback first.
 * Office layouts then apply the language their server load chose (the same cookie).
 */
export const load: LayoutLoad = async () => {
	if (browser) await i18n.init();
	return {};
};
