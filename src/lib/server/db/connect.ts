import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import * as initial from './migrations/001-initial';
import * as reportJobs from './migrations/002-report-jobs';
import * as review from './migrations/003-review';
import * as localizedBriefs from './migrations/004-localized-briefs';

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
	'004-localized-briefs': localizedBriefs
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
	await migrate(handle.db);
	return handle;
}

/** Brings the schema up to date; Kysely's migrator locks, so concurrent instances are safe. */
export async function migrate(db: Db): Promise<void> {
	const migrator = new Migrator({
		db,
		provider: { getMigrations: async () => MIGRATIONS }
	});
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error || failed) {
		throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
	}
}
