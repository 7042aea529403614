#!/usr/bin/env node
// Backs up Shopwalk while it runs: `npm run backup -- <folder>` (a new or empty folder).
//
// The database first — SQLite with `VACUUM INTO` (one consistent snapshot in a read
// transaction; the server keeps writing meanwhile, WAL), PostgreSQL with `pg_dump
// --format=custom` when DATABASE_URL is set — then every file of the data folder (photos,
// report PDFs, report renditions) except the live SQLite files and temporary files. Photos and
// PDFs are written to a temporary name and renamed into place before the database refers to
// them, and never change afterwards, so everything the snapshot refers to is already on disk
// when it is copied. Files that arrive after the snapshot come along unreferenced (harmless: a
// device re-sends what the restored server lacks). `manifest.json` lists every file with its
// SHA-256; `scripts/restore.js` checks them.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	writeFileSync
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import SQLite from 'better-sqlite3';

export const SQLITE_FILE = 'shopwalk.sqlite';
export const PG_DUMP_FILE = 'shopwalk.pgdump';
const SKIP = new Set([
	SQLITE_FILE,
	`${SQLITE_FILE}-wal`,
	`${SQLITE_FILE}-shm`,
	`${SQLITE_FILE}-journal`
]);

/** Every file under `dir`, as paths relative to it with `/`, skipping the live database and temporaries. */
function dataFiles(dir) {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.filter((path) => !SKIP.has(path))
		.filter((path) => !/(^|\/)\.[^/]*\.tmp$/.test(path) && !path.endsWith('.tmp'))
		.sort();
}

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * @param {{ dataDir: string, target: string, databaseUrl?: string }} options
 * @returns {{ database: 'sqlite' | 'postgres', files: number }}
 */
export function backup({ dataDir, target, databaseUrl }) {
	const source = resolve(dataDir);
	const out = resolve(target);
	if (existsSync(out) && readdirSync(out).length) {
		throw new Error(`${out} is not empty: back up into a new folder.`);
	}
	if (out === source || out.startsWith(source + sep)) {
		throw new Error('Back up to a folder outside the data folder.');
	}
	mkdirSync(out, { recursive: true });
	const startedAt = new Date().toISOString();

	let database;
	if (databaseUrl) {
		database = 'postgres';
		execFileSync(
			'pg_dump',
			['--format=custom', '--no-owner', `--file=${join(out, PG_DUMP_FILE)}`, databaseUrl],
			{
				stdio: ['ignore', 'inherit', 'inherit']
			}
		);
	} else {
		database = 'sqlite';
		const file = join(source, SQLITE_FILE);
		if (!existsSync(file)) throw new Error(`No database at ${file}: is DATA_DIR right?`);
		const db = new SQLite(file, { fileMustExist: true, timeout: 10_000 });
		try {
			db.prepare('VACUUM INTO ?').run(join(out, SQLITE_FILE));
		} finally {
			db.close();
		}
	}

	const files = [];
	for (const path of dataFiles(source)) {
		const from = join(source, ...path.split('/'));
		const to = join(out, 'data', ...path.split('/'));
		mkdirSync(dirname(to), { recursive: true });
		try {
			copyFileSync(from, to);
		} catch (error) {
			// Deleted since it was listed (a photo removed from a draft): not in the snapshot either.
			if (/** @type {{ code?: string }} */ (error).code === 'ENOENT') continue;
			throw error;
		}
		files.push({ path, sha256: sha256(to) });
	}
	const manifest = {
		format: 'shopwalk-backup-1',
		startedAt,
		finishedAt: new Date().toISOString(),
		database,
		databaseFile: database === 'sqlite' ? SQLITE_FILE : PG_DUMP_FILE,
		databaseSha256: sha256(join(out, database === 'sqlite' ? SQLITE_FILE : PG_DUMP_FILE)),
		files
	};
	writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n');
	return { database, files: files.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const target = process.argv[2];
	if (!target) {
		console.error(
			'Usage: npm run backup -- <new folder>   (reads DATA_DIR, default ./data, and DATABASE_URL)'
		);
		process.exit(2);
	}
	try {
		const result = backup({
			dataDir: process.env.DATA_DIR || 'data',
			target,
			databaseUrl: process.env.DATABASE_URL || undefined
		});
		console.log(
			`Backed up the ${result.database} database and ${result.files} files to ${resolve(target)}`
		);
	} catch (error) {
		console.error(`Backup failed: ${/** @type {Error} */ (error).message}`);
		process.exit(1);
	}
}
