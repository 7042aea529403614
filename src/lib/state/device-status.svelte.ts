import type { Reachability } from '$lib/client/api/reachability';
import { estimateFreeSpace, requestPersistentStorage } from '$lib/client/storage/storage-health';

export type Persistence = 'unknown' | 'persisted' | 'denied' | 'unsupported';

/**
 * Whether the device can reach the server: never while the browser says it is offline, else what
 * the last request did (a server that did not answer is no connection, whatever `onLine` says).
 */
export function isConnected(navigatorOnline: boolean, reachability: Reachability): boolean {
	return navigatorOnline && reachability !== 'unreachable';
}

/** Whether the browser promised to keep our data, how much room is left, and whether we are online. */
class DeviceStatus {
	#persistence = $state<Persistence>('unknown');
	#free = $state<number | null>(null);
	#navigatorOnline = $state(true);
	#reachability = $state<Reachability>('unknown');

	get persistence(): Persistence {
		return this.#persistence;
	}

	get freeBytes(): number | null {
		return this.#free;
	}

	/** The server answered the last request (and the browser is not offline). */
	get online(): boolean {
		return isConnected(this.#navigatorOnline, this.#reachability);
	}

	/** Called for every request to the server (see `reportingFetch`). */
	recordRequest(state: Exclude<Reachability, 'unknown'>): void {
		this.#reachability = state;
	}

	/** Asks for persistent storage once and starts watching the connection. */
	async init(): Promise<void> {
		this.#navigatorOnline = navigator.onLine;
		window.addEventListener('online', () => (this.#navigatorOnline = true));
		window.addEventListener('offline', () => (this.#navigatorOnline = false));
		this.#persistence = await requestPersistentStorage().catch(() => 'unsupported' as const);
		await this.refreshSpace();
	}

	async refreshSpace(): Promise<void> {
		const estimate = await estimateFreeSpace().catch(() => null);
		this.#free = estimate?.free ?? null;
	}
}

export const deviceStatus = new DeviceStatus();
