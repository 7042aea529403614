import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { dayRangeBounds } from '$lib/domain/day-range';
import { trendBuckets } from '$lib/domain/insight-buckets';
import { openDatabase, type DbHandle } from '$lib/server/db/connect';
import {
	stageBenchmark,
	totalBenchmark,
	trend,
	type InsightScope
} from '$lib/server/repos/insights';
import { COUNTED_STATES } from '$lib/server/repos/score-rows';
import { seedScale } from '$lib/server/seed/scale';
import { backfillScoreRows } from '$lib/server/services/score-backfill';
import { decodeStoredScore } from '$lib/server/services/stored-score';
import { createTestDatabase } from '$lib/server/testing/test-database';
import { median, percentile, round, writeBenchRows, type BenchRow } from './report';

// Insights at scale (issue 12): the benchmark (own stores against competitors per stage, the last
// 90 days) and the trend (the own stores' total per month over a year) read from the score rows,
// (days and months of a reader in Copenhagen) against the same numbers computed from the audits' stored score JSON — the peer reads the
// period's handed-in audits by their received time (indexed) and parses each score and content.
// Both run in the same process, interleaved, after a warm-up, on SQLite and — when
// TEST_DATABASE_URL names a PostgreSQL server (scripts/with-postgres.sh) — on PostgreSQL.
// Size: INSIGHTS_BENCH_AUDITS (default 20,000; the figure is 500,000, which takes the
// seeder and the backfill about an hour on this machine).
const AUDITS = Number(process.env.INSIGHTS_BENCH_AUDITS ?? 20_000);
const NOW = Date.UTC(2026, 11, 1);
const DAY = 24 * 60 * 60 * 1000;
const WARM_UP = 3;
const OURS_RUNS = 40;
const PEER_RUNS = 6;
const BUDGET_MS = 50;
const GATE = 0.1;
const ZONE = 'Europe/Copenhagen';

type Query = () => Promise<unknown>;

async function seeded(handle: DbHandle): Promise<string> {
	if (handle.dialect === 'sqlite') await sql`pragma cache_size = -262144`.execute(handle.db);
	const summary = await seedScale(handle.db, {
		audits: AUDITS,
		now: NOW,
		passwordHash: 'scrypt$1$1$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==',
		batchSize: 1000
	});
	await backfillScoreRows(handle.db, { organisationId: summary.organisationId, batchSize: 1000 });
	if (handle.dialect === 'postgres') await sql`analyze`.execute(handle.db);
	else await sql`analyze`.execute(handle.db);
	return summary.organisationId;
}

/** The peer: the same figures from the audits' stored score JSON. */
function peerOf(handle: DbHandle, organisationId: string) {
	const { db } = handle;
	const audits = (from: number, before: number) =>
		db
			.selectFrom('audits')
			.innerJoin('locations', 'locations.id', 'audits.location_id')
			.select(['audits.score', 'audits.content', 'locations.kind'])
			.where('audits.organisation_id', '=', organisationId)
			// Handed in after the visit: received within a day of it at the latest.
			.where('audits.received_at', '>=', from)
			.where('audits.received_at', '<', before + 2 * DAY)
			.where('audits.state', 'in', COUNTED_STATES)
			.execute();
	return {
		async benchmark(from: number, before: number) {
			const sums = new Map<string, { sum: number; n: number }>();
			const totals = new Map<string, { sum: number; n: number }>();
			for (const row of await audits(from, before)) {
				const timeIn = (JSON.parse(row.content) as { timeIn: number }).timeIn;
				if (timeIn < from || timeIn >= before) continue;
				const score = decodeStoredScore(row.score);
				for (const stage of score.stages) {
					if (stage.percent === null) continue;
					const key = `${row.kind}:${stage.stageId}`;
					const entry = sums.get(key) ?? { sum: 0, n: 0 };
					entry.sum += stage.percent;
					entry.n++;
					sums.set(key, entry);
				}
				if (score.totalPercent !== null) {
					const entry = totals.get(row.kind) ?? { sum: 0, n: 0 };
					entry.sum += score.totalPercent;
					entry.n++;
					totals.set(row.kind, entry);
				}
			}
			return { sums, totals };
		},
		async trend(bounds: number[]) {
			const buckets = bounds.slice(1).map(() => ({ sum: 0, n: 0 }));
			for (const row of await audits(bounds[0]!, bounds[bounds.length - 1]!)) {
				if (row.kind !== 'own') continue;
				const timeIn = (JSON.parse(row.content) as { timeIn: number }).timeIn;
				const index = bounds.findIndex((b, i) => i > 0 && timeIn < b) - 1;
				if (index < 0 || timeIn < bounds[0]!) continue;
				const score = decodeStoredScore(row.score);
				if (score.totalPercent === null) continue;
				buckets[index]!.sum += score.totalPercent;
				buckets[index]!.n++;
			}
			return buckets;
		}
	};
}

async function measure(ours: Query, peer: Query) {
	for (let i = 0; i < WARM_UP; i++) {
		await ours();
		await peer();
	}
	const oursMs: number[] = [];
	const peerMs: number[] = [];
	const every = Math.floor(OURS_RUNS / PEER_RUNS);
	for (let i = 0; i < OURS_RUNS; i++) {
		let start = performance.now();
		await ours();
		oursMs.push(performance.now() - start);
		if ((i + 1) % every === 0 && peerMs.length < PEER_RUNS) {
			start = performance.now();
			await peer();
			peerMs.push(performance.now() - start);
		}
	}
	return {
		ours: percentile(oursMs, 95),
		peer: percentile(peerMs, 95),
		oursMedian: median(oursMs),
		peerMedian: median(peerMs)
	};
}

async function benchDialect(handle: DbHandle): Promise<BenchRow[]> {
	const organisationId = await seeded(handle);
	const peer = peerOf(handle, organisationId);
	// Days of a reader in Copenhagen: the period's first and last hours are not whole UTC days.
	const period = dayRangeBounds('2026-09-02', '2026-11-30', ZONE);
	if (!period.ok) throw new Error('bad period');
	const from = period.bounds.from!;
	const before = period.bounds.before!;
	const scope: InsightScope = { organisationId, from, before };
	const buckets = trendBuckets('month', '2025-12-01', '2026-11-30', ZONE)!;
	const bounds = [...buckets.map((b) => b.start), buckets[buckets.length - 1]!.end];

	// Both sides compute the same figures (a benchmark that compared different work would lie).
	const [stages, totals, peerBenchmark] = await Promise.all([
		stageBenchmark(handle.db, scope),
		totalBenchmark(handle.db, scope),
		peer.benchmark(from, before)
	]);
	expect(stages.length).toBeGreaterThan(10);
	for (const row of stages) {
		const expected = peerBenchmark.sums.get(`${row.kind}:${row.stageKey}`)!;
		expect(row.n).toBe(expected.n);
		expect(row.mean!).toBeCloseTo(expected.sum / expected.n, 6);
	}
	for (const row of totals) expect(row.n).toBe(peerBenchmark.totals.get(row.kind)!.n);
	const ourTrend = await trend(
		handle.db,
		{ organisationId, from: 0, before: 0, kind: 'own' },
		bounds
	);
	const peerTrend = await peer.trend(bounds);
	for (const row of ourTrend) {
		expect(row.n).toBe(peerTrend[row.bucket]!.n);
		expect(row.mean!).toBeCloseTo(peerTrend[row.bucket]!.sum / peerTrend[row.bucket]!.n, 6);
	}

	const benchmark = await measure(
		() => Promise.all([stageBenchmark(handle.db, scope), totalBenchmark(handle.db, scope)]),
		() => peer.benchmark(from, before)
	);
	const trendTimes = await measure(
		() => trend(handle.db, { organisationId, from: 0, before: 0, kind: 'own' }, bounds),
		() => peer.trend(bounds)
	);
	const row = (
		name: string,
		t: { ours: number; peer: number; oursMedian: number; peerMedian: number }
	): BenchRow => {
		const ratio = t.ours / t.peer;
		return {
			id: `server-insights-${name}-${handle.dialect}-p95`,
			value: round(t.ours),
			unit: 'ms',
			peer: 'the same figures computed from the audits’ stored score JSON',
			peerValue: round(t.peer),
			ratio: round(ratio),
			budget: `ratio ≤ ${GATE}; p95 ≤ ${BUDGET_MS} ms at 500,000 audits (warning)`,
			pass: ratio <= GATE,
			note:
				`${AUDITS} audits seeded (seed:scale), ${OURS_RUNS} runs, peer ${PEER_RUNS}; ` +
				`median ${round(t.oursMedian)} ms vs ${round(t.peerMedian)} ms; ` +
				`p95 ${t.ours <= BUDGET_MS ? 'within' : 'over'} ${BUDGET_MS} ms`
		};
	};
	return [row('benchmark', benchmark), row('trend', trendTimes)];
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
	for (const r of rows) expect(r.ratio!).toBeLessThanOrEqual(GATE);
}, 3_600_000);
