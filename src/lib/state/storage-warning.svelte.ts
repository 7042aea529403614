const KEY = 'shopwalk.storageWarningDismissed';

/**
 * Whether the shopper has dismissed the "storage is not guaranteed" warning; remembered on the
 * device, so it is shown once (on the home screen, where it matters), not on every page.
 */
class StorageWarning {
	#dismissed = $state(read());

	get dismissed(): boolean {
		return this.#dismissed;
	}

	dismiss(): void {
		this.#dismissed = true;
		try {
			localStorage.setItem(KEY, '1');
		} catch {
			// Not remembered (storage disabled): dismissed for this page only.
		}
	}
}

function read(): boolean {
	try {
		return typeof localStorage !== 'undefined' && localStorage.getItem(KEY) === '1';
	} catch {
		return false;
	}
}

export const storageWarning = new StorageWarning();
