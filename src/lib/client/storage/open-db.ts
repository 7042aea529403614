import { openDB } from 'idb';
import { StorageError, toStorageError } from './storage-errors';
import { DB_VERSION, runUpgradeSteps, type ShopwalkDb, type ShopwalkSchema } from './schema';

export type { ShopwalkDb } from './schema';

/** Why a connection stopped being usable. */
export type ClosedReason = 'versionchange' | 'terminated';

const closedConnections = new WeakMap<ShopwalkDb, ClosedReason>();

export interface OpenShopwalkDbOptions {
	/** Another tab holds an older connection open; the open waits until it closes. */
	onBlocked?: () => void;
	/**
	 * This connection was closed so another tab (a newer app version) can upgrade the schema.
	 * Further calls fail with StorageError `blocked`; the page should reload.
	 */
	onVersionChange?: () => void;
	/** The browser closed the connection abnormally (storage cleared, disk error). Reopen it. */
	onTerminated?: () => void;
}

/**
 * Opens (creating or upgrading as needed) the app's database at the current schema version.
 * Rejects with StorageError `unavailable` when IndexedDB cannot be used here, or when the stored
 * schema is newer than this code (an older tab after a deploy).
 */
export async function openShopwalkDb(
	name = 'shopwalk',
	options: OpenShopwalkDbOptions = {}
): Promise<ShopwalkDb> {
	if (typeof indexedDB === 'undefined') {
		throw new StorageError('unavailable', 'IndexedDB is not available in this browser');
	}
	let upgradeError: unknown;
	try {
		const db: ShopwalkDb = await openDB<ShopwalkSchema>(name, DB_VERSION, {
			upgrade(database, oldVersion, newVersion, tx) {
				runUpgradeSteps(database, oldVersion, newVersion ?? DB_VERSION, tx).catch((error) => {
					upgradeError = error;
				});
			},
			blocked() {
				options.onBlocked?.();
			},
			blocking() {
				// Holding on would stall the other tab's upgrade forever; this tab reloads instead.
				closedConnections.set(db, 'versionchange');
				db.close();
				options.onVersionChange?.();
			},
			terminated() {
				closedConnections.set(db, 'terminated');
				options.onTerminated?.();
			}
		});
		return db;
	} catch (error) {
		throw toStorageError(upgradeError ?? error);
	}
}

/** Why `db` was closed under us, or undefined while it is usable. */
export function closedReason(db: ShopwalkDb): ClosedReason | undefined {
	return closedConnections.get(db);
}
