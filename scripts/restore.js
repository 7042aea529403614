#!/usr/bin/env node
// Restores a backup made by scripts/backup.js into a fresh data folder (and, for PostgreSQL, an
// empty database): `DATA_DIR=/srv/shopwalk-restored npm run restore -- <backup folder>`. Checks
// every file against the backup's manifest first. Start the server on it afterwards as usual;
// migrations run at start, so a backup of an older version is brought up to date.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * @param {{ backupDir: string, dataDir: string, databaseUrl?: string }} options
 * @returns {{ database: string, files: number }}
 */
export function restore({ backupDir, dataDir, databaseUrl }) {
	const from = resolve(backupDir);
	const to = resolve(dataDir);
	const manifestFile = join(from, 'manifest.json');
	if (!existsSync(manifestFile))
		throw new Error(`${from} is not a Shopwalk backup (no manifest.json).`);
	const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
	if (manifest.format !== 'shopwalk-backup-1')
		throw new Error(`Unknown backup format ${manifest.format}.`);
	if (existsSync(to) && readdirSync(to).length) {
		throw new Error(
			`${to} is not empty: restore into a new data folder (and keep the old one until the restore is checked).`
		);
	}
	if (manifest.database === 'postgres' && !databaseUrl) {
		throw new Error(
			'This backup is of a PostgreSQL database: set DATABASE_URL to an empty database.'
		);
	}
	if (manifest.database === 'sqlite' && databaseUrl) {
		throw new Error('This backup is of a SQLite database: unset DATABASE_URL.');
	}

	// Check everything before writing anything.
	const damaged = [];
	if (sha256(join(from, manifest.databaseFile)) !== manifest.databaseSha256)
		damaged.push(manifest.databaseFile);
	for (const file of manifest.files) {
		const path = join(from, 'data', ...file.path.split('/'));
		if (!existsSync(path) || sha256(path) !== file.sha256) damaged.push(`data/${file.path}`);
	}
	if (damaged.length) throw new Error(`The backup is damaged: ${damaged.slice(0, 10).join(', ')}`);

	mkdirSync(to, { recursive: true });
	for (const file of manifest.files) {
		const target = join(to, ...file.path.split('/'));
		mkdirSync(dirname(target), { recursive: true });
		copyFileSync(join(from, 'data', ...file.path.split('/')), target);
	}
	if (manifest.database === 'sqlite') {
		copyFileSync(join(from, manifest.databaseFile), join(to, manifest.databaseFile));
	} else {
		execFileSync(
			'pg_restore',
			[
				'--no-owner',
				'--exit-on-error',
				`--dbname=${databaseUrl}`,
				join(from, manifest.databaseFile)
			],
			{ stdio: ['ignore', 'inherit', 'inherit'] }
		);
	}
	return { database: manifest.database, files: manifest.files.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const backupDir = process.argv[2];
	if (!backupDir || !process.env.DATA_DIR) {
		console.error(
			'Usage: DATA_DIR=<new data folder> [DATABASE_URL=<empty database>] npm run restore -- <backup folder>'
		);
		process.exit(2);
	}
	try {
		const result = restore({
			backupDir,
			dataDir: process.env.DATA_DIR,
			databaseUrl: process.env.DATABASE_URL || undefined
		});
		console.log(
			`Restored the ${result.database} database and ${result.files} files into ${resolve(process.env.DATA_DIR)}`
		);
	} catch (error) {
		console.error(`Restore failed: ${/** @type {Error} */ (error).message}`);
		process.exit(1);
	}
}
