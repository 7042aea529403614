import type { ApiClient } from '$lib/client/api/api-client';
import { ApiRequestError, isRetryableReason } from '$lib/client/api/api-error';
import type { AuditStore } from '$lib/client/storage/audit-store';
import type { OutboxStore } from '$lib/client/storage/outbox-store';
import type { ReleaseOptions } from '$lib/client/storage/photo-retention';
import { submitIdempotencyKey, type OutboxEntry } from '$lib/client/storage/records';
import type { ReferenceStore } from '$lib/client/storage/reference-store';
import { HANDED_IN_STATES, type ServerHolds } from '$lib/client/storage/review-state';
import { StorageError } from '$lib/client/storage/storage-errors';
import type { PhotoManifestEntry } from '$lib/contract/sync';
import type { Audit } from '$lib/domain/types';
import { BACKOFF_CAP_MS, backoffDelay, ONLINE_RETRY_CAP_MS } from './backoff';
import {
	browserEnvironment,
	realTimers,
	type EventSourceLike,
	type SyncEnvironment,
	type Timers
} from './environment';
import { defaultLock, type LockFn } from './lock';
import { ProgressEmitter, type ProgressListener, type SyncProgress } from './progress';
import { checkPulledTemplates } from './pulled-templates';
import { sha256Hex } from './sha256';

export interface SyncEngineDeps {
	api: ApiClient;
	audits: AuditStore;
	outbox: OutboxStore;
	reference: ReferenceStore;
	/** Epoch ms; defaults to Date.now. */
	now?: () => number;
	/** [0, 1); defaults to Math.random. Drives the backoff jitter. */
	random?: () => number;
	/** Defaults to Web Locks `shopwalk-outbox` (ifAvailable), or a page-local lock. */
	lock?: LockFn;
	hash?: (bytes: ArrayBuffer) => Promise<string>;
	timers?: Timers;
	/** Where `start()` listens for `online` and `visibilitychange`; defaults to the page. */
	environment?: SyncEnvironment;
	/** Grace period and per-pass bound of the photo-bytes release (see `photo-retention.ts`). */
	retention?: ReleaseOptions;
	/** When the last retention pass ran, kept across page loads (see `RETENTION_EVERY_MS`). */
	retentionLog?: RetentionLog;
}

/** Where the time of the last photo-retention pass is kept. */
export interface RetentionLog {
	get(): number | null;
	set(at: number): void;
}

/**
 * A retention pass runs after a sync that sent something or pulled audit states (a return may
 * need photos back), and otherwise at most this often: releases are counted in days, and a
 * screen opened (a page load) should not run a pass, and load its code, every time.
 */
export const RETENTION_EVERY_MS = 60 * 60 * 1000;

const RETENTION_LOG_KEY = 'shopwalk.retention.lastRun';

/** The page's localStorage where there is one, else memory (tests, workers). */
export function defaultRetentionLog(): RetentionLog {
	let memory: number | null = null;
	const storage = (globalThis as { localStorage?: Storage }).localStorage;
	return {
		get() {
			try {
				const saved = storage ? Number(storage.getItem(RETENTION_LOG_KEY)) : NaN;
				return Number.isFinite(saved) && saved > 0 ? saved : memory;
			} catch {
				return memory;
			}
		},
		set(at) {
			memory = at;
			try {
				storage?.setItem(RETENTION_LOG_KEY, String(at));
			} catch {
				// Not kept across loads: the next page load runs one more pass, no harm.
			}
		}
	};
}

export interface DrainOptions {
	/** Also send entries whose backoff has not run out (start-up, `online`, page visible). */
	force?: boolean;
}

/**
 * How a drain ended: `done` (nothing due is left), `locked` (another tab is draining),
 * `waiting` (the network failed; retried after a backoff), `needs_sign_in`, or `error`
 * (something was refused or failed locally; see the outbox entries' `lastError`).
 */
export type DrainOutcome = 'done' | 'locked' | 'waiting' | 'needs_sign_in' | 'error';

/** How a pull ended; `reason` is the ApiRequestError reason of a failure. */
export type PullOutcome = { ok: true } | { ok: false; reason: string };

type SendResult =
	| { kind: 'sent' | 'skipped' }
	| { kind: 'retry'; reason: string }
	| { kind: 'failed'; reason: string }
	| { kind: 'needs_sign_in' };

/** When another tab holds the lock, look again this much later (it may stop without our entry). */
const LOCKED_RETRY_MS = 5_000;

/** At most this many released photos of returned audits are fetched back per sync. */
const RESTORES_PER_PASS = 20;

/**
 * The server asked for a photo whose bytes were released from the device, and could not give
 * them back either: the audit waits in the outbox (reason `photo_released_unavailable`).
 */
export class ReleasedPhotoUnavailableError extends Error {
	constructor(photoId: string, options?: { cause?: unknown }) {
		super(
			`Photo ${photoId} was released from this device after the server received it, and the server cannot send it back`,
			options
		);
		this.name = 'ReleasedPhotoUnavailableError';
	}
}

/**
 * Sends the outbox to the server and pulls reference data, one tab at a time.
 *
 * Each queued audit goes up as: PUT the audit (with its photo manifest), PUT every photo the
 * server says it lacks, then submit with the key `<auditId>:submit:<revision>`; only then is the
 * audit `received` and its entry removed. An upload refused as `audit_locked` (the server
 * already has it handed in, say after a submit whose answer was lost) also makes it `received`. Any failure keeps the audit, its photos and its
 * entry, so the next drain repeats the same idempotent requests.
 */
export class SyncEngine {
	readonly #api: ApiClient;
	readonly #audits: AuditStore;
	readonly #outbox: OutboxStore;
	readonly #reference: ReferenceStore;
	readonly #now: () => number;
	readonly #random: () => number;
	readonly #lock: LockFn;
	readonly #hash: (bytes: ArrayBuffer) => Promise<string>;
	readonly #timers: Timers;
	readonly #environment: SyncEnvironment;
	readonly #retention: ReleaseOptions;
	readonly #retentionLog: RetentionLog;
	/** A send or a pull of audit states since the last retention pass. */
	#retentionWanted = false;
	readonly #progress = new ProgressEmitter();
	readonly #pulledListeners = new Set<() => void>();
	readonly #pullFailedListeners = new Set<(reason: string) => void>();

	#running: Promise<DrainOutcome> | null = null;
	#rerun: { force: boolean } | null = null;
	#pulling: Promise<PullOutcome> | null = null;
	#started = false;
	#timer: unknown = null;
	#unlisten: (() => void)[] = [];

	constructor(deps: SyncEngineDeps) {
		this.#api = deps.api;
		this.#audits = deps.audits;
		this.#outbox = deps.outbox;
		this.#reference = deps.reference;
		this.#now = deps.now ?? Date.now;
		this.#random = deps.random ?? Math.random;
		this.#lock = deps.lock ?? defaultLock();
		this.#hash = deps.hash ?? sha256Hex;
		this.#timers = deps.timers ?? realTimers;
		this.#environment = deps.environment ?? browserEnvironment();
		this.#retention = deps.retention ?? {};
		this.#retentionLog = deps.retentionLog ?? defaultRetentionLog();
	}

	/** The latest progress. */
	get progress(): SyncProgress {
		return this.#progress.value;
	}

	/** Calls `listener` with the current progress now and on every change; returns unsubscribe. */
	subscribe(listener: ProgressListener): () => void {
		return this.#progress.subscribe(listener);
	}

	/**
	 * Calls `listener` with the reason whenever a pull reached the device but could not be applied
	 * (storage full, a broken record): the device keeps what it had and the old cursor, so the next
	 * pull asks again, and the user must be told (the screens show data older than the server's).
	 */
	onPullFailed(listener: (reason: string) => void): () => void {
		this.#pullFailedListeners.add(listener);
		return () => this.#pullFailedListeners.delete(listener);
	}

	/**
	 * Calls `listener` after every pull that was applied to the device — a return, an approval,
	 * new visits — so screens that show pulled data reload even when nothing was sent.
	 */
	onPulled(listener: () => void): () => void {
		this.#pulledListeners.add(listener);
		return () => this.#pulledListeners.delete(listener);
	}

	/**
	 * Drains at once (and pulls), then on `online`, when the page becomes visible, after
	 * `notifyChange()` and on the backoff timer, until `stop()`.
	 */
	start(): void {
		if (this.#started) return;
		this.#started = true;
		const { window, document } = this.#environment;
		if (window) this.#listen(window, 'online', () => this.#trigger(true, true));
		if (document) {
			this.#listen(document, 'visibilitychange', () => {
				if (document.visibilityState === 'visible') this.#trigger(true, true);
			});
		}
		this.#trigger(true, true);
	}

	/** Removes every trigger. A drain in progress finishes (it is safe to interrupt anyway). */
	stop(): void {
		this.#started = false;
		for (const unlisten of this.#unlisten) unlisten();
		this.#unlisten = [];
		this.#clearTimer();
	}

	/** Call after every local save or queueing: drains what is due (no-op while signed out). */
	notifyChange(): void {
		if (this.progress.state === 'needs_sign_in') return;
		this.#trigger(false, false);
	}

	/** Call after the user signed in again: clears `needs_sign_in`, drains everything and pulls. */
	resume(): Promise<DrainOutcome> {
		if (this.progress.state === 'needs_sign_in') this.#progress.set({ state: 'idle' });
		return this.sync({ force: true });
	}

	/**
	 * Drains the outbox, then pulls unless the network or the session failed. After a drain
	 * that sent everything due and a pull, photo bytes are kept in step with the server (see
	 * {@link SyncEngine.retainPhotos}).
	 */
	async sync(options: DrainOptions = {}): Promise<DrainOutcome> {
		const outcome = await this.drain(options);
		if (outcome !== 'waiting' && outcome !== 'needs_sign_in') {
			const pulled = await this.pull();
			if (outcome === 'done' && pulled.ok && this.#retentionDue()) await this.retainPhotos();
		}
		return outcome;
	}

	/**
	 * Fetches back the released photo bytes of audits a reviewer returned (a bounded number),
	 * then releases the bytes of audits the server holds past the grace period (see
	 * `mayReleasePhotos`). Never throws: what fails is tried again after the next sync.
	 */
	async retainPhotos(): Promise<{ restored: number; released: number }> {
		let restored = 0;
		let released = 0;
		this.#retentionWanted = false;
		this.#retentionLog.set(this.#now());
		try {
			const toRestore = (await this.#audits.listPhotosToRestore()).slice(0, RESTORES_PER_PASS);
			for (const photo of toRestore) {
				if (!photo.sha256) continue;
				try {
					await this.#fetchBack(photo.id, photo.sha256);
					restored++;
				} catch (error) {
					if (error instanceof ApiRequestError && error.retryable) break;
				}
			}
			released = (await this.#audits.releasePhotoBytes(this.#now(), this.#retention)).length;
		} catch {
			// Storage trouble: the bytes stay where they are until the next pass.
		}
		return { restored, released };
	}

	#retentionDue(): boolean {
		if (this.#retentionWanted) return true;
		const last = this.#retentionLog.get();
		const now = this.#now();
		return last === null || last > now || now - last >= RETENTION_EVERY_MS;
	}

	/** Fetches a released photo's bytes from the server, checks them and stores them again. */
	async #fetchBack(photoId: string, sha256: string): Promise<ArrayBuffer> {
		const bytes = await this.#api.getPhoto(photoId);
		if ((await this.#hash(bytes)) !== sha256) {
			throw new ApiRequestError('bad_response', `Photo ${photoId} came back with other bytes`);
		}
		await this.#audits.restorePhotoBytes(photoId, bytes);
		return bytes;
	}

	/**
	 * Sends every due outbox entry, oldest first, under the outbox lock; returns `locked` at
	 * once if another tab holds it. A call during a drain joins it (and makes it look again for
	 * entries queued meanwhile). Never throws.
	 */
	drain(options: DrainOptions = {}): Promise<DrainOutcome> {
		const force = options.force ?? false;
		if (this.#running) {
			this.#rerun = { force: force || (this.#rerun?.force ?? false) };
			return this.#running;
		}
		this.#running = this.#drainLoop(force).finally(() => {
			this.#running = null;
		});
		return this.#running;
	}

	/**
	 * Fetches what changed since the stored cursor and applies it in one transaction; audits the
	 * server reports `returned` become drafts again. Never throws.
	 */
	pull(): Promise<PullOutcome> {
		this.#pulling ??= this.#pullOnce().finally(() => {
			this.#pulling = null;
		});
		return this.#pulling;
	}

	async #drainLoop(force: boolean): Promise<DrainOutcome> {
		for (;;) {
			this.#rerun = null;
			const pass: { outcome: DrainOutcome } = { outcome: 'done' };
			let acquired: boolean;
			try {
				acquired = await this.#lock(async () => {
					pass.outcome = await this.#drainPass(force);
				});
			} catch (error) {
				this.#progress.set({ state: 'error', lastError: localReason(error) });
				return 'error';
			}
			if (!acquired) {
				this.#schedule(this.#now() + LOCKED_RETRY_MS);
				return 'locked';
			}
			const rerun = this.#rerun as { force: boolean } | null;
			const { outcome } = pass;
			if (!rerun || outcome === 'waiting' || outcome === 'needs_sign_in') return outcome;
			force = rerun.force;
		}
	}

	async #drainPass(force: boolean): Promise<DrainOutcome> {
		const attempted = new Set<string>();
		let outcome: DrainOutcome = 'done';
		let lastError: string | undefined;
		for (;;) {
			const now = this.#now();
			const entry = (await this.#audits.listOutbox()).find(
				(e) => !attempted.has(e.id) && (force || e.nextAttemptAt <= now)
			);
			if (!entry) break;
			attempted.add(entry.id);
			const result = await this.#send(entry);
			if (result.kind === 'failed') {
				outcome = 'error';
				lastError = result.reason;
			} else if (result.kind === 'retry') {
				outcome = 'waiting';
				lastError = result.reason;
				break;
			} else if (result.kind === 'needs_sign_in') {
				outcome = 'needs_sign_in';
				break;
			}
		}
		await this.#settle(outcome, lastError);
		return outcome;
	}

	/** Publishes the end state of a pass and arms the timer for the earliest backoff. */
	async #settle(outcome: DrainOutcome, lastError: string | undefined): Promise<void> {
		if (outcome === 'needs_sign_in') {
			this.#clearTimer();
			this.#progress.set({ state: 'needs_sign_in', lastError: 'unauthenticated' });
			return;
		}
		const now = this.#now();
		const remaining = await this.#audits.listOutbox();
		const waits = remaining.map((entry) => entry.nextAttemptAt).filter((at) => at > now);
		const nextAttemptAt = waits.length > 0 ? Math.min(...waits) : undefined;
		if (nextAttemptAt === undefined) this.#clearTimer();
		else this.#schedule(nextAttemptAt);
		// Entries that failed on an earlier pass still show, even when this pass sent nothing.
		const earlier = remaining.find(
			(entry) => entry.lastError !== null && entry.nextAttemptAt > now
		);
		const refused = remaining.find(
			(entry) => entry.lastError !== null && !isRetryableReason(entry.lastError)
		);
		let state: SyncProgress['state'] = 'idle';
		if (outcome === 'error' || (outcome === 'done' && refused)) state = 'error';
		else if (outcome === 'waiting' || (outcome === 'done' && earlier)) state = 'waiting';
		const reason = lastError ?? refused?.lastError ?? earlier?.lastError ?? undefined;
		this.#progress.set({
			state,
			...(nextAttemptAt === undefined ? {} : { nextAttemptAt }),
			...(reason === undefined ? {} : { lastError: reason })
		});
	}

	async #send(entry: OutboxEntry): Promise<SendResult> {
		let audit: Audit | undefined;
		try {
			audit = await this.#audits.getAudit(entry.auditId);
			if (!audit || audit.status === 'received') {
				// Left behind: the audit is gone or already on the server.
				await this.#audits.removeOutboxEntry(entry.id);
				return { kind: 'skipped' };
			}
			// A draft with an entry (an interrupted reopen) is not to be sent.
			if (audit.status === 'draft') return { kind: 'skipped' };
			await this.#audits.markUploading(audit.id, this.#now());
			const { holds, photoIds } = await this.#upload(audit);
			await this.#audits.markSent(audit.id, holds, this.#now(), photoIds);
			this.#retentionWanted = true;
			return { kind: 'sent' };
		} catch (error) {
			const holds = audit && lockedHolds(error);
			if (holds) {
				// The server has it handed in already: a submit whose answer was lost, maybe with
				// changes made on the device since. It is sent; those changes stay on the device.
				try {
					await this.#audits.markSent(audit!.id, holds, this.#now());
					return { kind: 'sent' };
				} catch (storageError) {
					return this.#fail(entry, storageError);
				}
			}
			return this.#fail(entry, error);
		}
	}

	/** PUT, photos, submit; resolves with what the server holds after the submit, and its photos. */
	async #upload(audit: Audit): Promise<{ holds: ServerHolds; photoIds: string[] }> {
		// Loaded with the first upload (a chunk of its own): opening a screen with nothing to send
		// does not need it.
		const { buildAuditUpload } = await import('./build-upload');
		const upload = await buildAuditUpload(this.#audits, this.#outbox, audit, this.#hash);
		const photosTotal = upload.photos.length;
		const report = (photosDone: number) =>
			this.#progress.set({
				state: 'syncing',
				current: { auditId: audit.id, photosDone, photosTotal }
			});
		report(0);
		const response = await this.#api.putAudit(audit.id, upload);
		const missing = new Set(response.missingPhotos);
		let photosDone = upload.photos.filter((photo) => !missing.has(photo.id)).length;
		report(photosDone);
		// Only what the server lacks is read: the bytes of released photos are not on the device.
		for (const photo of upload.photos) {
			if (!missing.has(photo.id)) continue;
			const bytes = await this.#bytesToUpload(audit.id, photo);
			await this.#api.putPhoto(audit.id, photo.id, bytes, photo.sha256);
			report(++photosDone);
		}
		// One key per revision (not the entry's): a resubmission after a return is a new submit,
		// every retry of one revision replays the first answer.
		const submitted = await this.#api.submit(
			audit.id,
			{
				revision: upload.revision,
				photos: upload.photos.map(({ id, sha256 }) => ({ id, sha256 })),
				// The seal digest of exactly what was uploaded; the server computes its own and
				// refuses the submit when they differ.
				// The digest code loads with the first hand-in, like the upload's.
				seal: await (await import('$lib/domain/seal')).sealDigest(audit.id, upload)
			},
			submitIdempotencyKey(audit.id, upload.revision)
		);
		return {
			holds: { state: submitted.state, revision: submitted.revision },
			photoIds: upload.photos.map((photo) => photo.id)
		};
	}

	/** A photo's bytes for an upload, fetched back from the server first if they were released. */
	async #bytesToUpload(auditId: string, photo: PhotoManifestEntry): Promise<ArrayBuffer> {
		const stored = await this.#audits.getPhotoBytes(photo.id);
		if (stored) return stored.bytes;
		const meta = (await this.#audits.listPhotos(auditId)).find((p) => p.id === photo.id);
		if (meta?.released === undefined) {
			throw new StorageError('not_found', `The bytes of photo ${photo.id} are gone`);
		}
		try {
			return await this.#fetchBack(photo.id, photo.sha256);
		} catch (error) {
			if (error instanceof ApiRequestError && error.retryable) throw error;
			throw new ReleasedPhotoUnavailableError(photo.id, { cause: error });
		}
	}

	async #fail(entry: OutboxEntry, error: unknown): Promise<SendResult> {
		const now = this.#now();
		const attempts = entry.attempts + 1;
		let result: SendResult;
		let nextAttemptAt: number;
		if (error instanceof ApiRequestError && error.reason === 'unauthenticated') {
			result = { kind: 'needs_sign_in' };
			nextAttemptAt = entry.nextAttemptAt;
		} else if (error instanceof ApiRequestError && error.retryable) {
			result = { kind: 'retry', reason: error.reason };
			let delay = backoffDelay(attempts, this.#random);
			// The device is online, so the server itself did not answer: try again soon.
			if (this.#environment.isOnline?.()) delay = Math.min(delay, ONLINE_RETRY_CAP_MS);
			nextAttemptAt = now + delay;
		} else if (error instanceof ApiRequestError) {
			// Refused as it is: try again rarely (a server fix or a review may change the answer).
			result = { kind: 'failed', reason: error.reason };
			nextAttemptAt = now + BACKOFF_CAP_MS;
		} else {
			result = { kind: 'failed', reason: localReason(error) };
			nextAttemptAt = now + backoffDelay(attempts, this.#random);
		}
		const reason = result.kind === 'needs_sign_in' ? 'unauthenticated' : result.reason;
		try {
			await this.#outbox.recordFailure(
				entry.id,
				{ reason, nextAttemptAt, countAttempt: result.kind !== 'needs_sign_in' },
				now
			);
		} catch (storageError) {
			// The device cannot even record the failure; stop here, the entry is still queued.
			return { kind: 'retry', reason: localReason(storageError) };
		}
		return result;
	}

	async #pullOnce(): Promise<PullOutcome> {
		try {
			const since = await this.#reference.getCursor();
			const response = await this.#api.pull(since);
			try {
				// Returned audits become drafts, handed-in ones received, in the pull's last transaction.
				await this.#reference.applyPull(await checkPulledTemplates(response), this.#now());
			} catch (error) {
				const reason = localReason(error);
				for (const listener of [...this.#pullFailedListeners]) {
					try {
						listener(reason);
					} catch {
						// A broken listener must not hide the failure from the others.
					}
				}
				throw error;
			}
			if (response.audits.length > 0) this.#retentionWanted = true;
			for (const listener of [...this.#pulledListeners]) {
				try {
					listener();
				} catch {
					// A broken listener must not fail the pull.
				}
			}
			return { ok: true };
		} catch (error) {
			if (error instanceof ApiRequestError && error.reason === 'unauthenticated') {
				this.#clearTimer();
				this.#progress.set({ state: 'needs_sign_in', lastError: 'unauthenticated' });
			}
			return {
				ok: false,
				reason: error instanceof ApiRequestError ? error.reason : localReason(error)
			};
		}
	}

	#trigger(force: boolean, pull: boolean): void {
		const run = pull ? this.sync({ force }) : this.drain({ force });
		run.catch(() => undefined);
	}

	#listen(target: EventSourceLike, type: string, listener: () => void): void {
		target.addEventListener(type, listener);
		this.#unlisten.push(() => target.removeEventListener(type, listener));
	}

	#schedule(at: number): void {
		this.#clearTimer();
		if (!this.#started) return;
		const delay = Math.max(0, at - this.#now());
		this.#timer = this.#timers.setTimeout(() => {
			this.#timer = null;
			if (this.progress.state !== 'needs_sign_in') this.#trigger(false, false);
		}, delay);
	}

	#clearTimer(): void {
		if (this.#timer !== null) this.#timers.clearTimeout(this.#timer);
		this.#timer = null;
	}
}

/**
 * What the server holds when it refused an upload as `409 audit_locked` (the audit is handed
 * in: submitted, resubmitted or approved), from the refusal's details; null for anything else.
 */
function lockedHolds(error: unknown): ServerHolds | null {
	if (!(error instanceof ApiRequestError) || error.code !== 'audit_locked') return null;
	const details = error.details as { state?: unknown; revision?: unknown } | null | undefined;
	const state = HANDED_IN_STATES.find((s) => s === details?.state);
	const revision = details?.revision;
	if (!state || typeof revision !== 'number' || !Number.isInteger(revision)) return null;
	return { state, revision };
}

function localReason(error: unknown): string {
	if (error instanceof ReleasedPhotoUnavailableError) return 'photo_released_unavailable';
	return error instanceof StorageError ? `storage_${error.reason}` : 'unknown';
}
