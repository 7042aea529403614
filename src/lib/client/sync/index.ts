export { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffDelay } from './backoff';
export { buildAuditUpload } from './build-upload';
export type { DocumentLike, EventSourceLike, SyncEnvironment, Timers } from './environment';
export { createLocalLock, defaultLock, OUTBOX_LOCK_NAME, type LockFn } from './lock';
export type { ProgressListener, SyncProgress, SyncState } from './progress';
export { SessionService, SignOutRefusedError } from './session';
export { sha256Hex } from './sha256';
export {
	SyncEngine,
	type DrainOptions,
	type DrainOutcome,
	type PullOutcome,
	type SyncEngineDeps
} from './sync-engine';
