import {
	registerServiceWorker,
	type ServiceWorkerHandle
} from '$lib/client/pwa/register-service-worker';

/**
 * A new version of the app, offered and never forced: it is applied only when the user asks
 * and no write is in flight, so a half-saved answer is never reloaded away.
 */
class AppUpdate {
	#available = $state(false);
	#handle: ServiceWorkerHandle | null = null;
	#writesInFlight: () => boolean = () => false;

	get available(): boolean {
		return this.#available;
	}

	init(options: { dev: boolean; writesInFlight: () => boolean }): void {
		this.#writesInFlight = options.writesInFlight;
		this.#handle = registerServiceWorker(() => (this.#available = true), options);
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'visible') void this.#handle?.checkForUpdate();
		});
	}

	/** Applies the waiting version once pending writes have settled. */
	async apply(): Promise<void> {
		for (let i = 0; i < 50 && this.#writesInFlight(); i++) {
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		this.#handle?.activateUpdate();
	}

	dismiss(): void {
		this.#available = false;
	}
}

export const appUpdate = new AppUpdate();
