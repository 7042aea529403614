import { SKIP_WAITING_MESSAGE } from '$lib/shared/pwa-constants';

export interface ServiceWorkerHandle {
	/** Activates the waiting version; the page reloads once it controls the page. */
	activateUpdate(): void;
	/** Asks the server whether a newer version exists. */
	checkForUpdate(): Promise<void>;
}

/**
 * Registers the app's service worker with the plain Service Worker API (workbox-window cost the
 * field screens about 2 KB gzip for these few lines). `onUpdateWaiting` fires when a new version
 * is installed and waiting while an older one controls the page — also when one was already
 * waiting at registration; nothing reloads until `activateUpdate` is called, which posts
 * `{ type: SKIP_WAITING_MESSAGE }` to the waiting worker. Returns null where service workers are
 * unavailable (plain http, old browsers, dev server).
 */
export function registerServiceWorker(
	onUpdateWaiting: () => void,
	options: { dev: boolean }
): ServiceWorkerHandle | null {
	if (!('serviceWorker' in navigator) || options.dev) return null;
	const container = navigator.serviceWorker;
	let announced: ServiceWorker | null = null;
	const announce = (worker: ServiceWorker | null) => {
		if (!worker || worker === announced || !container.controller) return;
		announced = worker;
		onUpdateWaiting();
	};
	const watch = (worker: ServiceWorker | null) => {
		if (!worker) return;
		if (worker.state === 'installed') announce(worker);
		worker.addEventListener('statechange', () => {
			if (worker.state === 'installed') announce(worker);
		});
	};
	const registered = container.register('/service-worker.js', { type: 'classic' }).then(
		(registration) => {
			announce(registration.waiting);
			watch(registration.installing);
			registration.addEventListener('updatefound', () => watch(registration.installing));
			return registration;
		},
		(error: unknown) => {
			console.warn('Service worker registration failed', error);
			return null;
		}
	);
	let reloading = false;
	return {
		activateUpdate() {
			container.addEventListener('controllerchange', () => {
				if (reloading) return;
				reloading = true;
				window.location.reload();
			});
			void registered.then((registration) =>
				registration?.waiting?.postMessage({ type: SKIP_WAITING_MESSAGE })
			);
		},
		async checkForUpdate() {
			const registration = await registered;
			await registration?.update().catch(() => undefined);
		}
	};
}
