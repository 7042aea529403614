import { sql } from 'kysely';
import { hashPassword } from '../auth/password';
import { openDatabase } from '../db/connect';
import { backfillScoreRows } from '../services/score-backfill';
import { seedScale, type ScaleOptions } from './scale';

/** `npm run seed:scale` (scripts/seed-scale.js parses the flags and loads this module). */
export async function runScaleSeed(
	options: Omit<ScaleOptions, 'passwordHash' | 'onProgress'> & {
		password: string;
		databaseUrl?: string;
		dataDir: string;
		quiet?: boolean;
	}
): Promise<void> {
	const handle = await openDatabase({
		databaseUrl: options.databaseUrl,
		dataDir: options.dataDir,
		poolSize: 2
	});
	const where =
		handle.dialect === 'postgres' ? 'PostgreSQL' : `SQLite in ${handle.dataDir}/shopwalk.sqlite`;
	// A bigger page cache for this connection: audit ids are random, so their index is written all over.
	if (handle.dialect === 'sqlite') await sql`pragma cache_size = -524288`.execute(handle.db);
	try {
		const passwordHash = await hashPassword(options.password);
		let lastPrint = 0;
		const started = performance.now();
		const summary = await seedScale(handle.db, {
			...options,
			passwordHash,
			onProgress: (written, total) => {
				const elapsed = performance.now() - started;
				if (options.quiet || (elapsed - lastPrint < 5000 && written < total)) return;
				lastPrint = elapsed;
				const rate = Math.round(written / (elapsed / 1000));
				console.log(`  ${written} / ${total} audits (${rate} audits/s)`);
			}
		});
		// The insights' score rows of the seeded audits (the seeder writes audits in bulk).
		const rowsStarted = performance.now();
		const scored = await backfillScoreRows(handle.db, {
			organisationId: summary.organisationId,
			batchSize: 1000
		});
		console.log(
			`Score rows for ${scored} handed-in audits in ${((performance.now() - rowsStarted) / 1000).toFixed(1)} s`
		);
		const seconds = summary.ms / 1000;
		console.log(
			`Seeded organisation ${summary.organisationId} on ${where} in ${seconds.toFixed(1)} s`
		);
		console.log(JSON.stringify(summary.counts));
		console.log(JSON.stringify(summary.states));
		console.log(
			`${Math.round(summary.counts.audits / seconds)} audits/s, ${Math.round(summary.rows / seconds)} rows/s (${summary.rows} rows)`
		);
		console.log(
			`Sign in with password "${options.password}": ${summary.emails.managers[0]} (manager), ` +
				`${summary.emails.admin} (admin), ${summary.emails.viewer} (report reader), ` +
				`${summary.emails.shoppers[0]} (shopper)`
		);
	} finally {
		await handle.close();
	}
}
