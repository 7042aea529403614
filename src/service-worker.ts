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
import { SHELL_PATH, SKIP_WAITING_MESSAGE } from '$lib/shared/pwa-constants';

declare const self: ServiceWorkerGlobalScope;

// Kit hands us the exact list of build output: hashed files never change under their name, the
// rest (static files, the prerendered shell) are revisioned by the build's version.
const immutable = (path: string) => path.includes('/_app/immutable/');
precacheAndRoute([
	...build.map((url) => ({ url, revision: immutable(url) ? null : version })),
	...files.filter((url) => !url.endsWith('.DS_Store')).map((url) => ({ url, revision: version })),
	...prerendered.map((url) => ({ url, revision: version }))
]);
cleanupOutdatedCaches();

// Every page is client-rendered from the same shell, so any navigation — even to a route never
// visited — opens from the cache, with or without a network. API calls are never answered here.
registerRoute(
	new NavigationRoute(createHandlerBoundToURL(SHELL_PATH), {
		denylist: [/^\/api\//, /\/[^/]+\.[a-z0-9]+$/i]
	})
);

// A new version waits until the user accepts it: reloading under a half-filled audit is never ours to decide.
self.addEventListener('message', (event) => {
	if (event.data?.type === SKIP_WAITING_MESSAGE) void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
	event.waitUntil(self.clients.claim());
});
