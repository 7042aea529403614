import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DbHandle } from '../db/connect';

/** A migrated database for one test file, removed by `dispose`. */
export type TestDatabase = DbHandle & {
	dispose(): Promise<void>;
	/**
	 * Another handle (its own connection or pool) on the same database and data folder, as a
	 * second app instance would have. Close it before `dispose`.
	 */
	openAnother(): Promise<DbHandle>;
};

/**
 * A fresh, migrated database (up to `options.migrateTo` when given): a SQLite file (WAL) in a new temporary folder, or — when
 * `TEST_DATABASE_URL` names a throwaway PostgreSQL server (see scripts/with-postgres.sh) — a
 * new database `shopwalk_test_<random>` on it. `dispose` closes it and deletes the file or drops
 * the database. `dataDir` is a temporary folder either way.
 */
export async function createTestDatabase(
	options: { migrateTo?: string } = {}
): Promise<TestDatabase> {
	const dataDir = mkdtempSync(join(tmpdir(), 'shopwalk-test-'));
	const adminUrl = process.env.TEST_DATABASE_URL;
	if (!adminUrl) {
		const handle = await openDatabase({ dataDir, ...options });
		return {
			...handle,
			openAnother: () => openDatabase({ dataDir }),
			async dispose() {
				await handle.close();
				rmSync(dataDir, { recursive: true, force: true });
			}
		};
	}
	const name = `shopwalk_test_${randomBytes(8).toString('hex')}`;
	await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const handle = await openDatabase({
		databaseUrl: url.toString(),
		dataDir,
		poolSize: 4,
		...options
	});
	return {
		...handle,
		openAnother: () => openDatabase({ databaseUrl: url.toString(), dataDir, poolSize: 4 }),
		async dispose() {
			await handle.close();
			await dropDatabase(adminUrl, name);
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

async function adminQuery(adminUrl: string, statement: string): Promise<void> {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}

// A closed pool's backends may take a moment to exit; dropping WITH (FORCE) at once would kill
// them mid-goodbye and surface as an unhandled 57P01 error in the test run.
async function dropDatabase(adminUrl: string, name: string): Promise<void> {
	for (let attempt = 0; attempt < 50; attempt++) {
		try {
			await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name}`);
			return;
		} catch (error) {
			if ((error as { code?: string }).code !== '55006') throw error;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
	await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
