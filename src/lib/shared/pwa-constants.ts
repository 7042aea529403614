/** The prerendered page every navigation falls back to; shared by the service worker and the app. */
export const SHELL_PATH = '/shell';

/** Message the page posts to a waiting service worker when the user accepts an update. */
export const SKIP_WAITING_MESSAGE = 'SKIP_WAITING';

/**
 * The field app's pages (and sign-in), the navigations the service worker answers with the shell
 * so they open offline, even never visited. Any other address goes to the server, which answers a
 * page that does not exist with a real 404; offline the shell still answers, and its router shows
 * the same not-found page. `field-routes.test.ts` checks this list against `src/routes`.
 */
export const FIELD_ROUTES: readonly RegExp[] = [
	/^\/$/,
	/^\/sign-in\/?$/,
	/^\/sign-out\/?$/,
	/^\/audits\/new\/?$/,
	/^\/audits\/[^/]+\/?$/,
	/^\/audits\/[^/]+\/preview\/?$/,
	/^\/audits\/[^/]+\/stages\/(0|[1-9]\d{0,2})\/?$/
];

/** Whether `pathname` is one of the field app's pages. */
export function isFieldRoute(pathname: string): boolean {
	return FIELD_ROUTES.some((route) => route.test(pathname));
}
