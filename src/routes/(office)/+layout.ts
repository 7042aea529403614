import { loadCatalogue, loadMoreCatalogue, loadOfficeCatalogue } from '$lib/i18n/i18n.svelte';
import type { LayoutLoad } from './$types';

/**
 * The catalogues of the language the server load chose — the core, the shared screens' and the
 * office's own —
 * loaded before anything renders: on the server for its render, in the browser before hydration,
 * so both render the same text.
 */
export const load: LayoutLoad = async ({ data }) => {
	await Promise.all([
		loadCatalogue(data.locale),
		loadMoreCatalogue(data.locale),
		loadOfficeCatalogue(data.locale)
	]);
	return data;
};
