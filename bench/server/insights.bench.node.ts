import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { openDatabase, type DbHandle } from '$lib/server/db/connect';
import { seedScale } from '$lib/server/seed/scale';
import { backfillScoreRows } from '$lib/server/services/score-backfill';
import { createTestDatabase } from '$lib/server/testing/test-database';
import { INSIGHTS_GATE, insightsRows } from './insights-measure';
import { writeBenchRows, type BenchRow } from './report';

// Insights at scale (issue 12): the benchmark and trend queries against the same figures from
// the audits' stored score JSON (see insights-measure.ts), on SQLite and — when TEST_DATABASE_URL
// names a PostgreSQL server (scripts/with-postgres.sh) — on PostgreSQL, each seeded fresh.
// Size: INSIGHTS_BENCH_AUDITS (default 20,000). The 500,000-audit figures come from the scale
// benchmark (scale.bench.node.ts), on databases seeded once with `npm run seed:scale`.
const AUDITS = Number(process.env.INSIGHTS_BENCH_AUDITS ?? 20_000);
const NOW = Date.UTC(2026, 11, 1);

async function seeded(handle: DbHandle): Promise<string> {
	if (handle.dialect === 'sqlite') await sql`pragma cache_size = -262144`.execute(handle.db);
	const summary = await seedScale(handle.db, {
		audits: AUDITS,
		now: NOW,
		passwordHash: 'scrypt$1$1$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==',
		batchSize: 1000
	});
	await backfillScoreRows(handle.db, { organisationId: summary.organisationId, batchSize: 1000 });
	await sql`analyze`.execute(handle.db);
	return summary.organisationId;
}

async function benchDialect(handle: DbHandle): Promise<BenchRow[]> {
	const organisationId = await seeded(handle);
	return insightsRows(handle, organisationId, {
		id: (name) => `server-insights-${name}-${handle.dialect}-p95`,
		size: `${AUDITS} audits seeded (seed:scale)`,
		gateBudget: false
	});
}

test(`insights: benchmark and trend queries at ${AUDITS} audits, score rows against stored JSON`, async () => {
	const rows: BenchRow[] = [];
	const dir = mkdtempSync(join(tmpdir(), 'shopwalk-bench-insights-'));
	const sqlite = await openDatabase({ dataDir: dir });
	try {
		rows.push(...(await benchDialect(sqlite)));
	} finally {
		await sqlite.close();
		rmSync(dir, { recursive: true, force: true });
	}
	if (process.env.TEST_DATABASE_URL) {
		const postgres = await createTestDatabase();
		try {
			rows.push(...(await benchDialect(postgres)));
		} finally {
			await postgres.dispose();
		}
	}
	for (const r of rows)
		console.log(`${r.id}: ${r.value} ms vs ${r.peerValue} ms (ratio ${r.ratio})`);
	writeBenchRows('server-insights', rows);
	for (const r of rows) expect(r.ratio!).toBeLessThanOrEqual(INSIGHTS_GATE);
}, 3_600_000);
