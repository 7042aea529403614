import { browser } from '$app/environment';
import { i18n, loadMoreCatalogue } from '$lib/i18n/i18n.svelte';
import type { LayoutLoad } from './$types';

// The office wing renders on the server; the field wing, sign-in and the shell opt out of SSR in
// their own layouts (see src/routes/(field)/+layout.ts).
export const prerender = false;

/**
 * The stage runner: the screen a shopper keeps open through a visit, often reopened cold on a weak
 * connection. It shows only the core catalogue's texts (scripts/split-messages.js keeps it so).
 */
const RUNNER_ROUTE = '/(field)/audits/[id]/stages/[stage=index]';

/**
 * In the browser, before the first render: the device's saved language (or the browser's), its
 * catalogue loaded, so the client-rendered field app never shows a screen in the fallback first;
 * for any screen but the runner, the "more" texts too (re-run as the route changes). Office
 * layouts then apply the language their server load chose (the same cookie).
 */
export const load: LayoutLoad = async ({ route }) => {
	if (browser) {
		await i18n.init();
		if (route.id !== RUNNER_ROUTE) await loadMoreCatalogue(i18n.locale).catch(() => undefined);
	}
	return {};
};
