import { Workbox } from 'workbox-window';

export interface ServiceWorkerHandle {
	/** Activates the waiting version; the page reloads once it controls the page. */
	activateUpdate(): void;
	/** Asks the server whether a newer version exists. */
	checkForUpdate(): Promise<void>;
}

/**
 * The worker answers `SKIP_WAITING` (see `SKIP_WAITING_MESSAGE` in $lib/shared/pwa-constants).
 *
 * Registers the app's service worker with workbox-window. `onUpdateWaiting` fires when a new
 * version is installed and waiting; nothing reloads until `activateUpdate` is called.
 * Returns null where service workers are unavailable (plain http, old browsers, dev server).
 */
export function registerServiceWorker(
	onUpdateWaiting: () => void,
	options: { dev: boolean }
): ServiceWorkerHandle | null {
	if (!('serviceWorker' in navigator) || options.dev) return null;
	const wb = new Workbox('/service-worker.js', { type: 'classic' });
	wb.addEventListener('waiting', () => onUpdateWaiting());
	void wb.register().catch((error: unknown) => {
		console.warn('Service worker registration failed', error);
	});
	let reloading = false;
	return {
		activateUpdate() {
			wb.addEventListener('controlling', () => {
				if (reloading) return;
				reloading = true;
				window.location.reload();
			});
			// Posts { type: SKIP_WAITING_MESSAGE } to the waiting worker.
			wb.messageSkipWaiting();
		},
		async checkForUpdate() {
			await wb.update().catch(() => undefined);
		}
	};
}
