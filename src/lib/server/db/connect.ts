import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect, type Migration } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import * as initial from './migrations/001-initial';
import * as reportJobs from './migrations/002-report-jobs';
import * as review from './migrations/003-review';
import * as photoScope from './migrations/004-photo-scope';
import * as signInThrottle from './migrations/005-sign-in-throttle';
import * as localizedBriefs from './migrations/006-localized-briefs';
import * as inboxIndexes from './migrations/007-inbox-indexes';
import * as templateDrafts from './migrations/008-template-drafts';
import * as programme from './migrations/009-programme';
import * as scoreRows from './migrations/010-score-rows';
import * as scalePull from './migrations/011-scale-pull';
import * as sealPresence from './migrations/012-seal-presence';
import * as auditLocationKind from './migrations/013-audit-location-kind';

export type Db = Kysely<Database>;
export type Dialect = 'sqlite' | 'postgres';

export interface DbHandle {
	db: Db;
	dialect: Dialect;
	/** Where photos and other files live: beside the SQLite file, or DATA_DIR with PostgreSQL. */
	dataDir: string;
	close(): Promise<void>;
}

// Listed here rather than read from disk: the adapter-node bundle has no migrations folder.
const MIGRATIONS: Record<string, Migration> = {
	'001-initial': initial,
	'002-report-jobs': reportJobs,
	'003-review': review,
	'004-photo-scope': photoScope,
	'005-sign-in-throttle': signInThrottle,
	'006-localized-briefs': localizedBriefs,
	'007-inbox-indexes': inboxIndexes,
	'008-template-drafts': templateDrafts,
	'009-programme': programme,
	'010-score-rows': scoreRows,
	'011-scale-pull': scalePull,
	'012-seal-presence': sealPresence,
	'013-audit-location-kind': auditLocationKind
};

// PostgreSQL returns bigint (int8) as strings; every bigint here is an epoch-ms time, safe as a number.
pg.types.setTypeParser(20, (value) => Number(value));

/**
 * Opens the database the environment names: PostgreSQL when `databaseUrl` is set, otherwise a
 * SQLite file `shopwalk.sqlite` in `dataDir` (WAL, foreign keys on). Runs pending migrations.
 */
export async function openDatabase(options: {
	databaseUrl?: string;
	dataDir: string;
	poolSize?: number;
	/** Tests only: stop after this migration (default: all of them). */
	migrateTo?: string;
}): Promise<DbHandle> {
	const dataDir = resolve(options.dataDir);
	mkdirSync(dataDir, { recursive: true });
	let handle: DbHandle;
	if (options.databaseUrl) {
		const pool = new pg.Pool({
			connectionString: options.databaseUrl,
			max: options.poolSize ?? 10
		});
		// An idle client's error (the server restarted, a connection was terminated) must not crash
		// the process; the pool drops that client and the next query opens a new one.
		pool.on('error', (error) => console.warn('PostgreSQL idle client error:', error.message));
		const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
		handle = { db, dialect: 'postgres', dataDir, close: () => db.destroy() };
	} else {
		const file = new SQLite(join(dataDir, 'shopwalk.sqlite'));
		file.pragma('journal_mode = WAL');
		file.pragma('synchronous = NORMAL');
		file.pragma('foreign_keys = ON');
		file.pragma('busy_timeout = 5000');
		const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
		handle = { db, dialect: 'sqlite', dataDir, close: () => db.destroy() };
	}
	await migrate(handle.db, options.migrateTo);
	return handle;
}

/** The names of every migration this build knows, in order. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS).sort();

/**
 * Whether the database answers and holds every migration this build knows (what `/readyz`
 * reports). Resolves with the reason when not ready; never rejects.
 */
export async function checkReady(
	db: Db
): Promise<{ ready: true } | { ready: false; reason: string }> {
	try {
		const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
		const done = new Set(rows.rows.map((row) => row.name));
		const missing = MIGRATION_NAMES.filter((name) => !done.has(name));
		if (missing.length)
			return { ready: false, reason: `migrations pending: ${missing.join(', ')}` };
		return { ready: true };
	} catch (error) {
		return { ready: false, reason: `database unreachable: ${(error as Error).message}` };
	}
}

/** Brings the schema up to date; Kysely's migrator locks, so concurrent instances are safe. */
export async function migrate(db: Db, target?: string): Promise<void> {
	const migrator = new Migrator({
		db,
		provider: { getMigrations: async () => MIGRATIONS }
	});
	const { error, results } = await (target === undefined
		? migrator.migrateToLatest()
		: migrator.migrateTo(target));
	const failed = results?.find((r) => r.status === 'Error');
	if (error || failed) {
		throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
	}
}
