/**
 * Why a storage call failed, in terms the UI can act on:
 * - `quota_exceeded`: the device is out of room for this origin; nothing was written.
 * - `not_found`: the audit, photo or outbox entry does not exist.
 * - `read_only`: the audit is not a draft (submitted or on the server), or the call tried to
 *   change a field only the store itself manages.
 * - `conflict`: the audit is not in a state the status change starts from, or the record
 *   already exists.
 * - `blocked`: this tab's connection was closed so another tab could upgrade the schema;
 *   reload to continue.
 * - `unavailable`: IndexedDB cannot be used (private mode, storage cleared or broken,
 *   an older app version than the stored schema).
 * - `unknown`: anything else (invalid data, a bug); the message says more.
 */
export type StorageErrorReason =
	'quota_exceeded' | 'not_found' | 'read_only' | 'conflict' | 'blocked' | 'unavailable' | 'unknown';

/** The only error the storage layer throws. A failed write has changed nothing. */
export class StorageError extends Error {
	readonly reason: StorageErrorReason;

	constructor(reason: StorageErrorReason, message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'StorageError';
		this.reason = reason;
	}
}

const REASON_BY_DOM_NAME: Record<string, StorageErrorReason> = {
	QuotaExceededError: 'quota_exceeded',
	// Firefox's legacy name for the same condition.
	NS_ERROR_DOM_QUOTA_REACHED: 'quota_exceeded',
	ConstraintError: 'conflict',
	InvalidStateError: 'unavailable',
	// NotFoundError from IndexedDB means a store or index is missing: a schema problem, not a record.
	NotFoundError: 'unavailable',
	SecurityError: 'unavailable',
	NotAllowedError: 'unavailable',
	VersionError: 'unavailable'
};

/** Maps anything thrown by IndexedDB (or by this layer) to a StorageError, keeping the cause. */
export function toStorageError(error: unknown): StorageError {
	if (error instanceof StorageError) return error;
	const name = errorName(error);
	const message = error instanceof Error ? error.message : String(error);
	const reason = (name && REASON_BY_DOM_NAME[name]) || 'unknown';
	const prefixed = name && name !== 'Error' ? `${name}: ${message}` : message;
	return new StorageError(reason, prefixed, { cause: error });
}

function errorName(error: unknown): string | undefined {
	if (typeof error !== 'object' || error === null) return undefined;
	const { name } = error as { name?: unknown };
	return typeof name === 'string' ? name : undefined;
}
