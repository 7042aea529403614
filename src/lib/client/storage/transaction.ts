import type { IDBPTransaction } from 'idb';
import { StorageError, toStorageError } from './storage-errors';
import { closedReason } from './open-db';
import type { ShopwalkDb, ShopwalkSchema, StoreName } from './schema';

export { requestAll, requests, start } from './requests';

export type Tx<Mode extends IDBTransactionMode> = IDBPTransaction<
	ShopwalkSchema,
	StoreName[],
	Mode
>;

export interface TransactionOptions {
	durability?: 'default' | 'strict' | 'relaxed';
}

/**
 * Runs `work` in one transaction and resolves only after the transaction has committed.
 * `work` must await nothing but requests of `tx`. If `work` throws, or a request or the commit
 * fails, the transaction is aborted (every write in it is undone) and a StorageError is thrown.
 */
export async function runTransaction<Mode extends IDBTransactionMode, T>(
	db: ShopwalkDb,
	stores: StoreName[],
	mode: Mode,
	work: (tx: Tx<Mode>) => Promise<T>,
	options?: TransactionOptions
): Promise<T> {
	const closed = closedReason(db);
	if (closed === 'versionchange') {
		throw new StorageError('blocked', 'The database was closed for an upgrade in another tab');
	}
	if (closed === 'terminated') {
		throw new StorageError('unavailable', 'The browser closed the database connection');
	}
	let tx: Tx<Mode>;
	try {
		tx = db.transaction(stores, mode, options);
	} catch (error) {
		throw toStorageError(error);
	}
	const done = tx.done;
	try {
		const result = await work(tx);
		await done;
		return result;
	} catch (error) {
		done.catch(() => undefined);
		try {
			tx.abort();
		} catch {
			// Already finished or aborting: a failed request aborts the transaction by itself.
		}
		throw toStorageError(error);
	}
}
