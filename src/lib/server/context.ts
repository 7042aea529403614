import { env } from '$env/dynamic/private';
import { openDatabase, type DbHandle } from './db/connect';

let handle: Promise<DbHandle> | null = null;

/**
 * The server's database and data folder, opened once per process from the environment:
 * `DATABASE_URL` selects PostgreSQL, otherwise SQLite in `DATA_DIR` (default `./data`).
 */
export function getServerContext(): Promise<DbHandle> {
	handle ??= openDatabase({
		databaseUrl: env.DATABASE_URL || undefined,
		dataDir: env.DATA_DIR || 'data'
	});
	return handle;
}

/** Closes the database if it was opened (on shutdown: a PostgreSQL pool would keep the process alive). */
export async function closeServerContext(): Promise<void> {
	const opened = handle;
	handle = null;
	if (opened) await (await opened).close();
}
