import { estimateFreeSpace, requestPersistentStorage } from '$lib/client/storage/storage-health';

export type Persistence = 'unknown' | 'persisted' | 'denied' | 'unsupported';

/** Whether the browser promised to keep our data, how much room is left, and whether we are online. */
class DeviceStatus {
	#persistence = $state<Persistence>('unknown');
	#free = $state<number | null>(null);
	#online = $state(true);

	get persistence(): Persistence {
		return this.#persistence;
	}

	get freeBytes(): number | null {
		return this.#free;
	}

	get online(): boolean {
		return this.#online;
	}

	/** Asks for persistent storage once and starts watching the connection. */
	async init(): Promise<void> {
		this.#online = navigator.onLine;
		window.addEventListener('online', () => (this.#online = true));
		window.addEventListener('offline', () => (this.#online = false));
		this.#persistence = await requestPersistentStorage().catch(() => 'unsupported' as const);
		await this.refreshSpace();
	}

	async refreshSpace(): Promise<void> {
		const estimate = await estimateFreeSpace().catch(() => null);
		this.#free = estimate?.free ?? null;
	}
}

export const deviceStatus = new DeviceStatus();
