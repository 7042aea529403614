import { loadCatalogue } from '$lib/i18n/i18n.svelte';
import type { LayoutLoad } from './$types';

/**
 * The catalogue of the language the server load chose, loaded before anything renders: on the
 * server for its render, in the browser before hydration, so both render the same text.
 */
export const load: LayoutLoad = async ({ data }) => {
	await loadCatalogue(data.locale);
	return data;
};
