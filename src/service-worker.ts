/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, prerendered, version } from '$service-worker';
import {
	cleanupOutdatedCaches,
	createHandlerBoundToURL,
	precacheAndRoute
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { FIELD_ROUTES, SHELL_PATH, SKIP_WAITING_MESSAGE } from '$lib/shared/pwa-constants';
import { negotiateLocale, type UiLocale } from '$lib/i18n/locales';
import { da } from '$lib/i18n/messages/da';
import { en } from '$lib/i18n/messages/en';
import { nb } from '$lib/i18n/messages/nb';
import { pl } from '$lib/i18n/messages/pl';

declare const self: ServiceWorkerGlobalScope;

// Kit hands us the exact list of build output — every chunk, the lazily imported language
// catalogues included, so switching language works offline: hashed files never change under their name, the
// rest (static files, the prerendered shell) are revisioned by the build's version.
const immutable = (path: string) => path.includes('/_app/immutable/');
precacheAndRoute([
	...build.map((url) => ({ url, revision: immutable(url) ? null : version })),
	...files.filter((url) => !url.endsWith('.DS_Store')).map((url) => ({ url, revision: version })),
	...prerendered.map((url) => ({ url, revision: version }))
]);
cleanupOutdatedCaches();

const OFFLINE_TEXT: Record<UiLocale, string> = {
	en: en['office.offline'],
	da: da['office.offline'],
	nb: nb['office.offline'],
	pl: pl['office.offline']
};

/** The office wing: rendered on the server, online only. */
const OFFICE = /^\/office(?:\/|$)/;

// Every field page is client-rendered from the same shell, so any navigation to one — even to a
// route never visited — opens from the cache, with or without a network. API calls are never
// answered here, and neither are office pages: the shopper's shell knows nothing of them.
const shell = createHandlerBoundToURL(SHELL_PATH);
registerRoute(
	new NavigationRoute(shell, {
		allowlist: [...FIELD_ROUTES],
		denylist: [/^\/api\//, OFFICE, /\/[^/]+\.[a-z0-9]+$/i]
	})
);

// Any other address is the server's to answer: a page that does not exist is a real 404. Offline,
// the shell answers, and its router shows the same not-found page.
registerRoute(
	({ request, url }) =>
		request.mode === 'navigate' &&
		!OFFICE.test(url.pathname) &&
		!url.pathname.startsWith('/api/') &&
		!/\/[^/]+\.[a-z0-9]+$/i.test(url.pathname),
	async (options) => {
		try {
			return await fetch(options.request);
		} catch {
			return shell(options);
		}
	}
);

// Office pages always come from the network; offline, a short page says why instead of the
// browser's own error, in the browser's language (the worker cannot import a chunk lazily, so it
// carries this one sentence of each catalogue).
registerRoute(
	({ request, url }) => request.mode === 'navigate' && OFFICE.test(url.pathname),
	async ({ request }) => {
		try {
			return await fetch(request);
		} catch {
			const locale = negotiateLocale(self.navigator.languages ?? []);
			const text = OFFLINE_TEXT[locale];
			const body = `<!doctype html><html lang="${locale}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shopwalk</title><p style="font:1.1rem system-ui;max-width:32rem;margin:3rem auto;padding:0 1rem">${text}</p></html>`;
			return new Response(body, {
				status: 503,
				headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }
			});
		}
	}
);

// A new version waits until the user accepts it: reloading under a half-filled audit is never ours to decide.
self.addEventListener('message', (event) => {
	if (event.data?.type === SKIP_WAITING_MESSAGE) void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
	event.waitUntil(self.clients.claim());
});
