import type { Assignment, PullResponse } from '$lib/contract/sync';
import type { PhotoEdit } from '$lib/domain/photo-edits';
import type { Answer, Audit, CheckpointNote, JourneyTemplate, PhotoRef } from '$lib/domain/types';
import { StorageError } from './storage-errors';

/** An answer as stored: the domain answer plus the audit it belongs to. */
export interface AnswerRecord extends Answer {
	auditId: string;
}

/** A checkpoint note as stored. */
export interface NoteRecord extends CheckpointNote {
	auditId: string;
}

export type PhotoKind = PhotoRef['kind'];

/** The MIME type of every stored full-size photo: the tablet keeps one JPEG rendition. */
export type PhotoType = 'image/jpeg';

/** Photo metadata and thumbnail. The full-size bytes live in `photoBytes`. */
export interface PhotoMeta {
	id: string;
	auditId: string;
	/** null: a photo of the whole audit (receipt, storefront). */
	checkpointId: string | null;
	kind: PhotoKind;
	caption: string;
	capturedAt: number;
	width: number;
	height: number;
	/** Size of the full-size bytes. */
	byteLength: number;
	type: PhotoType;
	thumb: ArrayBuffer;
	thumbType: string;
	createdAt: number;
	/** SHA-256 (hex) of the full-size bytes, cached by sync the first time it is needed. */
	sha256?: string;
	/**
	 * When the server was known to hold these bytes (the audit's submit was accepted with the photo
	 * in its manifest); absent while the photo is only on this device.
	 */
	sentAt?: number;
	/**
	 * Epoch ms when the full-size bytes were released from the device because the server holds
	 * them (see `photo-retention.ts`); absent while the bytes are in `photoBytes`. Metadata and
	 * thumbnail are always kept. Indexed (`by-released`), so only released photos are in it.
	 */
	released?: number;
	/**
	 * The annotations and redactions drawn on the photo, in order; `bytes` are the original
	 * flattened with them. Absent on a photo never edited. Kept with the photo (the list only,
	 * never pixels) so an edit can be undone while the audit is editable.
	 */
	edits?: PhotoEdit[];
}

/** Full-size photo bytes, kept as ArrayBuffer + type because Safari loses Blobs in IndexedDB. */
export interface PhotoBytesRecord {
	photoId: string;
	auditId: string;
	/** The JPEG the device shows and uploads: for an edited photo, the flattened one. */
	bytes: ArrayBuffer;
	type: PhotoType;
	/**
	 * An edited photo's unedited JPEG, kept on this device only, and only while the audit is
	 * editable: it is dropped when the server receives the audit (`dropPhotoOriginals`) and is
	 * never uploaded.
	 */
	original?: ArrayBuffer;
}

/** Work for the sync layer. Today only "submit this audit"; keyed `${auditId}:submit`. */
export interface OutboxEntry {
	id: string;
	auditId: string;
	kind: 'submit';
	/** The audit revision that was submitted. */
	revision: number;
	createdAt: number;
	/**
	 * Sent with every retry of this submit, so the server applies it once however often it
	 * arrives: `<auditId>:submit:<revision>` (entries queued by schema version 3 kept a UUID).
	 * Sync sends {@link submitIdempotencyKey} of the revision it uploads.
	 */
	idempotencyKey: string;
	/** Failed attempts so far; the backoff grows with it. */
	attempts: number;
	/** Epoch ms before which an automatic drain leaves the entry alone; 0 when due now. */
	nextAttemptAt: number;
	/** Reason code of the last failed attempt (an ApiRequestError reason), null if none. */
	lastError: string | null;
}

/** Version 2 outbox entries, before sync bookkeeping. Only the migration reads them. */
export type OutboxEntryV2 = Omit<
	OutboxEntry,
	'idempotencyKey' | 'attempts' | 'nextAttemptAt' | 'lastError'
>;

/** A fresh submit entry for `audit` at `now`, keyed by the audit's revision. */
export function newSubmitEntry(audit: Pick<Audit, 'id' | 'revision'>, now: number): OutboxEntry {
	return {
		id: submitEntryId(audit.id),
		auditId: audit.id,
		kind: 'submit',
		revision: audit.revision,
		createdAt: now,
		idempotencyKey: submitIdempotencyKey(audit.id, audit.revision),
		attempts: 0,
		nextAttemptAt: 0,
		lastError: null
	};
}

/** A published template version as stored; keyed `[id, version]`. */
export type TemplateRecord = JourneyTemplate;

/** An assignment (visit) of the signed-in shopper, as pulled; cancelled and done ones are kept. */
export type AssignmentRecord = Assignment;

/**
 * An assignment as it may lie in IndexedDB: pulls from before briefs had languages stored the
 * brief as one string. Read through `ReferenceStore`, which hands out `AssignmentRecord`s.
 */
export type StoredAssignment = Omit<Assignment, 'brief'> & { brief: Assignment['brief'] | string };

/** The server's review state of one of the shopper's audits, with reviewer comments. */
export type ReviewRecord = PullResponse['audits'][number];

export type MetaValue = string | number | boolean;

/** Version 1 kept the full-size bytes inside the photo record. Only the migration reads it. */
export interface PhotoRecordV1 extends Omit<PhotoMeta, 'byteLength'> {
	bytes: ArrayBuffer;
}

/** Bytes as the app may hold them; the store always keeps a copy as an ArrayBuffer. */
export type BinaryInput = ArrayBuffer | ArrayBufferView | Blob;

/** Copies `input` into a standalone ArrayBuffer. Call it before opening a transaction. */
export async function toArrayBuffer(input: BinaryInput): Promise<ArrayBuffer> {
	if (input instanceof ArrayBuffer) return input;
	if (ArrayBuffer.isView(input)) {
		// A view may cover only part of a larger buffer; store exactly its bytes.
		return new Uint8Array(input.buffer, input.byteOffset, input.byteLength).slice().buffer;
	}
	return input.arrayBuffer();
}

/** The audit, if it exists and is a draft; otherwise the StorageError a content change gets. */
export function requireDraft(audit: Audit | undefined, auditId: string): Audit {
	if (!audit) throw new StorageError('not_found', `No audit ${auditId}`);
	if (audit.status !== 'draft') {
		throw new StorageError(
			'read_only',
			`Audit ${auditId} is ${audit.status}; reopen it before changing its content`
		);
	}
	return audit;
}

/** The audit, if it exists. */
export function requireAudit(audit: Audit | undefined, auditId: string): Audit {
	if (!audit) throw new StorageError('not_found', `No audit ${auditId}`);
	return audit;
}

/** The audit after one content change: next revision, stamped `now`. */
export function bumped(audit: Audit, now: number): Audit {
	return { ...audit, revision: audit.revision + 1, updatedAt: now };
}

/** Key range of every `[auditId, checkpointId]` key of one audit (arrays sort after strings). */
export function auditKeyRange(auditId: string): IDBKeyRange {
	return IDBKeyRange.bound([auditId], [auditId, []]);
}

/**
 * The submit's idempotency key for one revision: every retry of that revision replays the first
 * outcome, and a resubmission after a return (a new revision) is a new submit.
 */
export function submitIdempotencyKey(auditId: string, revision: number): string {
	return `${auditId}:submit:${revision}`;
}

/** The deterministic id of an audit's submit entry, so queueing twice leaves one entry. */
export function submitEntryId(auditId: string): string {
	return `${auditId}:submit`;
}
