import { expect } from 'vitest';
import { dayRangeBounds } from '$lib/domain/day-range';
import { trendBuckets } from '$lib/domain/insight-buckets';
import type { DbHandle } from '$lib/server/db/connect';
import {
	stageBenchmark,
	totalBenchmark,
	trend,
	type InsightScope
} from '$lib/server/repos/insights';
import { COUNTED_STATES } from '$lib/server/repos/score-rows';
import { decodeStoredScore } from '$lib/server/services/stored-score';
import { median, percentile, round, type BenchRow } from './report';

// The insights queries measured against their peer (issue 12), for the insights benchmark (a
// fresh seed of any size) and the scale benchmark (500,000 audits): the benchmark — own stores
// against competitors per stage, the last 90 days — and the trend — the own stores' total per
// month over a year — in days and months of a reader in Copenhagen (the period's first and last
// hours are not whole UTC days), read from the score rows, against the same figures computed from
// the audits' stored score JSON. Both sides are checked to compute the same figures first, then
// timed in the same process, interleaved, after a warm-up. Seeds use `now` 2026-12-01.

const DAY = 24 * 60 * 60 * 1000;
const WARM_UP = 3;
const OURS_RUNS = 40;
const PEER_RUNS = 6;
export const INSIGHTS_BUDGET_MS = 50;
export const INSIGHTS_GATE = 0.1;
const ZONE = 'Europe/Copenhagen';
const PEER_BATCH = 2000;

interface PeerRow {
	id: string;
	received_at: number;
	score: string;
	content: string;
	kind: 'own' | 'competitor';
}

/** The peer: the same figures from the audits' stored score JSON. */
function peerOf(handle: DbHandle, organisationId: string) {
	const { db } = handle;
	// The period's handed-in audits by their received time (indexed), in keyset batches so memory
	// stays bounded at 500,000 audits (a year of them is ~9 GB of JSON).
	async function* audits(from: number, before: number) {
		let after: { receivedAt: number; id: string } | null = null;
		for (;;) {
			const cursor: { receivedAt: number; id: string } | null = after;
			const batch: PeerRow[] = await db
				.selectFrom('audits')
				.innerJoin('locations', 'locations.id', 'audits.location_id')
				.select([
					'audits.id',
					'audits.received_at',
					'audits.score',
					'audits.content',
					'locations.kind'
				])
				.where('audits.organisation_id', '=', organisationId)
				// Handed in after the visit: received within a day of it at the latest.
				.where('audits.received_at', '>=', from)
				.where('audits.received_at', '<', before + 2 * DAY)
				.where('audits.state', 'in', COUNTED_STATES)
				.$if(cursor !== null, (q) =>
					q.where((eb) =>
						eb(
							eb.refTuple('audits.received_at', 'audits.id'),
							'>',
							eb.tuple(cursor!.receivedAt, cursor!.id)
						)
					)
				)
				.orderBy('audits.received_at')
				.orderBy('audits.id')
				.limit(PEER_BATCH)
				.execute();
			yield* batch;
			if (batch.length < PEER_BATCH) return;
			const last: PeerRow = batch[batch.length - 1]!;
			after = { receivedAt: Number(last.received_at), id: last.id };
		}
	}
	return {
		async benchmark(from: number, before: number) {
			const sums = new Map<string, { sum: number; n: number }>();
			const totals = new Map<string, { sum: number; n: number }>();
			for await (const row of audits(from, before)) {
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
			for await (const row of audits(bounds[0]!, bounds[bounds.length - 1]!)) {
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

async function measure(
	ours: () => Promise<unknown>,
	peer: () => Promise<unknown>,
	peerRuns = PEER_RUNS,
	warmUp = WARM_UP
) {
	for (let i = 0; i < warmUp; i++) {
		await ours();
		await peer();
	}
	const oursMs: number[] = [];
	const peerMs: number[] = [];
	const every = Math.floor(OURS_RUNS / peerRuns);
	for (let i = 0; i < OURS_RUNS; i++) {
		let start = performance.now();
		await ours();
		oursMs.push(performance.now() - start);
		if ((i + 1) % every === 0 && peerMs.length < peerRuns) {
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

/**
 * The benchmark and trend rows of one database holding `organisationId`'s score rows: ids from
 * `id('benchmark' | 'trend')`, `size` said in each note. Gate: the ratio; the p95 budget too when
 * `gateBudget` (the 500,000-audit run), a warning otherwise.
 */
export async function insightsRows(
	handle: DbHandle,
	organisationId: string,
	options: {
		id: (name: 'benchmark' | 'trend') => string;
		size: string;
		gateBudget: boolean;
		/** Fewer for 500,000 audits, where one peer run reads a year of JSON (~9 GB). */
		peerRuns?: number;
		warmUp?: number;
	}
): Promise<BenchRow[]> {
	const peer = peerOf(handle, organisationId);
	const period = dayRangeBounds('2026-09-02', '2026-11-30', ZONE);
	if (!period.ok) throw new Error('bad period');
	const from = period.bounds.from!;
	const before = period.bounds.before!;
	const scope: InsightScope = { organisationId, from, before };
	const buckets = trendBuckets('month', '2025-12-01', '2026-11-30', ZONE)!;
	const bounds = [...buckets.map((b) => b.start), buckets[buckets.length - 1]!.end];
	const trendScope = { organisationId, from: 0, before: 0, kind: 'own' as const };

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
	const ourTrend = await trend(handle.db, trendScope, bounds);
	const peerTrend = await peer.trend(bounds);
	expect(ourTrend.length).toBeGreaterThan(10);
	for (const row of ourTrend) {
		expect(row.n).toBe(peerTrend[row.bucket]!.n);
		expect(row.mean!).toBeCloseTo(peerTrend[row.bucket]!.sum / peerTrend[row.bucket]!.n, 6);
	}

	const benchmark = await measure(
		() => Promise.all([stageBenchmark(handle.db, scope), totalBenchmark(handle.db, scope)]),
		() => peer.benchmark(from, before),
		options.peerRuns,
		options.warmUp
	);
	const trendTimes = await measure(
		() => trend(handle.db, trendScope, bounds),
		() => peer.trend(bounds),
		options.peerRuns,
		options.warmUp
	);
	const counted =
		peerBenchmark.totals.get('own')!.n + (peerBenchmark.totals.get('competitor')?.n ?? 0);
	const row = (
		name: 'benchmark' | 'trend',
		t: { ours: number; peer: number; oursMedian: number; peerMedian: number }
	): BenchRow => {
		const ratio = t.ours / t.peer;
		const within = t.ours <= INSIGHTS_BUDGET_MS;
		return {
			id: options.id(name),
			value: round(t.ours),
			unit: 'ms',
			peer: 'the same figures computed from the audits’ stored score JSON',
			peerValue: round(t.peer),
			ratio: round(ratio, 4),
			budget: `ratio ≤ ${INSIGHTS_GATE}; p95 ≤ ${INSIGHTS_BUDGET_MS} ms${options.gateBudget ? '' : ' at 500,000 audits (warning)'}`,
			pass: ratio <= INSIGHTS_GATE && (within || !options.gateBudget),
			note:
				`${options.size}; ${name === 'benchmark' ? `${counted} audits in the 90 days` : '12 months of own stores'}; ` +
				`${OURS_RUNS} runs, peer ${options.peerRuns ?? PEER_RUNS}; median ${round(t.oursMedian)} ms vs ${round(t.peerMedian)} ms; ` +
				`p95 ${within ? 'within' : 'over'} ${INSIGHTS_BUDGET_MS} ms`
		};
	};
	return [row('benchmark', benchmark), row('trend', trendTimes)];
}
