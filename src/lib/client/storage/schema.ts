import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Audit } from '$lib/domain/types';
import { requests } from './requests';
import type { Location } from '$lib/domain/types';
import type {
	AnswerRecord,
	StoredAssignment,
	MetaValue,
	NoteRecord,
	OutboxEntry,
	OutboxEntryV2,
	PhotoBytesRecord,
	PhotoMeta,
	PhotoRecordV1,
	ReviewRecord,
	TemplateRecord
} from './records';

/** The current schema (version {@link DB_VERSION}). */
export interface ShopwalkSchema extends DBSchema {
	audits: { key: string; value: Audit; indexes: { 'by-updatedAt': number } };
	answers: { key: [string, string]; value: AnswerRecord; indexes: { 'by-audit': string } };
	notes: { key: [string, string]; value: NoteRecord; indexes: { 'by-audit': string } };
	photos: {
		key: string;
		value: PhotoMeta;
		indexes: { 'by-audit': string; 'by-released': number };
	};
	photoBytes: { key: string; value: PhotoBytesRecord; indexes: { 'by-audit': string } };
	outbox: {
		key: string;
		value: OutboxEntry;
		indexes: { 'by-audit': string; 'by-createdAt': number };
	};
	/** Out-of-line keys: `meta.get('deviceId')`. */
	meta: { key: string; value: MetaValue };
	templates: { key: [string, number]; value: TemplateRecord };
	locations: { key: string; value: Location };
	assignments: { key: string; value: StoredAssignment; indexes: { 'by-windowStart': number } };
	/** The server's review state of the shopper's audits, keyed by audit id. */
	reviews: { key: string; value: ReviewRecord };
}

export type StoreName = StoreNames<ShopwalkSchema>;
export type ShopwalkDb = IDBPDatabase<ShopwalkSchema>;
export type UpgradeTransaction = IDBPTransaction<ShopwalkSchema, StoreName[], 'versionchange'>;

/** One schema step: migrates a database at version n-1 (its index + 0) to version n. */
export type UpgradeStep = (db: ShopwalkDb, tx: UpgradeTransaction) => void | Promise<void>;

const toVersion1: UpgradeStep = (db) => {
	db.createObjectStore('audits', { keyPath: 'id' }).createIndex('by-updatedAt', 'updatedAt');
	db.createObjectStore('answers', { keyPath: ['auditId', 'checkpointId'] }).createIndex(
		'by-audit',
		'auditId'
	);
	db.createObjectStore('photos', { keyPath: 'id' }).createIndex('by-audit', 'auditId');
};

const toVersion2: UpgradeStep = async (db, tx) => {
	const photoBytes = db.createObjectStore('photoBytes', { keyPath: 'photoId' });
	photoBytes.createIndex('by-audit', 'auditId');
	db.createObjectStore('notes', { keyPath: ['auditId', 'checkpointId'] }).createIndex(
		'by-audit',
		'auditId'
	);
	const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
	outbox.createIndex('by-audit', 'auditId');
	outbox.createIndex('by-createdAt', 'createdAt');
	db.createObjectStore('meta');

	let cursor = await tx.objectStore('photos').openCursor();
	while (cursor) {
		const { bytes, ...meta } = cursor.value as unknown as PhotoRecordV1;
		const split = { ...meta, byteLength: bytes.byteLength };
		const current = cursor;
		await requests(
			() => photoBytes.put({ photoId: meta.id, auditId: meta.auditId, bytes, type: meta.type }),
			() => current.update(split)
		);
		cursor = await cursor.continue();
	}
};

const toVersion3: UpgradeStep = async (db, tx) => {
	db.createObjectStore('templates', { keyPath: ['id', 'version'] });
	db.createObjectStore('locations', { keyPath: 'id' });
	db.createObjectStore('assignments', { keyPath: 'id' }).createIndex(
		'by-windowStart',
		'windowStart'
	);
	db.createObjectStore('reviews', { keyPath: 'id' });

	// Entries queued by version 2 get their sync bookkeeping; their queue position is kept.
	let cursor = await tx.objectStore('outbox').openCursor();
	while (cursor) {
		const old = cursor.value as unknown as OutboxEntryV2;
		const entry: OutboxEntry = {
			...old,
			idempotencyKey: crypto.randomUUID(),
			attempts: 0,
			nextAttemptAt: 0,
			lastError: null
		};
		await cursor.update(entry);
		cursor = await cursor.continue();
	}
};

/**
 * Photos whose bytes were released (the server holds them) are found by a sparse index: a
 * photo without `released` is not in it. Existing photos all keep their bytes.
 */
const toVersion4: UpgradeStep = (_db, tx) => {
	tx.objectStore('photos').createIndex('by-released', 'released');
};

/** The schema history, oldest first. Never edit a shipped step: append a new one. */
export const UPGRADE_STEPS: readonly UpgradeStep[] = [
	toVersion1,
	toVersion2,
	toVersion3,
	toVersion4
];

export const DB_VERSION = UPGRADE_STEPS.length;

/**
 * Brings a database from `oldVersion` to `newVersion` inside the versionchange transaction,
 * one step at a time. If a step fails the transaction aborts and the database keeps its old
 * version and data.
 */
export async function runUpgradeSteps(
	db: ShopwalkDb,
	oldVersion: number,
	newVersion: number,
	tx: UpgradeTransaction,
	steps: readonly UpgradeStep[] = UPGRADE_STEPS
): Promise<void> {
	// A failed step is reported through this function's rejection and the failed open.
	tx.done.catch(() => undefined);
	try {
		for (let version = oldVersion + 1; version <= newVersion; version++) {
			const step = steps[version - 1];
			if (!step) throw new Error(`No upgrade step to schema version ${version}`);
			await step(db, tx);
		}
	} catch (error) {
		try {
			tx.abort();
		} catch {
			// Already aborting because a request failed.
		}
		throw error;
	}
}
