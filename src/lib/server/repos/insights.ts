import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/connect';
import type { Database } from '../db/schema';
import { DAY_MS, HOUR_MS, utcDayOf } from './score-rows';

// The insights' aggregate queries over the score rows (migration 010): each reads one range of
// one index that holds every column it needs (see query-plans.test.ts), never the audits' JSON.

type ScoreTable = 'score_audits' | 'score_stages' | 'score_checkpoints';

/** Which score rows a query counts. Every field narrows; the organisation is always given. */
export interface InsightScope {
	organisationId: string;
	/** Visits from this instant (epoch ms, inclusive)… */
	from: number;
	/** …to this one (exclusive). */
	before: number;
	region?: string;
	/** Competitors of this brand only (own stores are not narrowed by it). */
	competitorBrand?: string;
	templateId?: string;
	locationId?: string;
	kind?: 'own' | 'competitor';
	/** A report reader's locations: only these count (an empty list counts nothing). */
	locationIds?: readonly string[];
	/** Report readers count approved audits only. */
	approvedOnly?: boolean;
}

function scoped<T extends ScoreTable, O>(
	query: SelectQueryBuilder<Database, T, O>,
	scope: InsightScope
): SelectQueryBuilder<Database, T, O> {
	// The column names are the same in the three tables; typed through the first.
	let q = query as unknown as SelectQueryBuilder<Database, 'score_stages', O>;
	q = q
		.where('organisation_id', '=', scope.organisationId)
		.where('visited_at', '>=', scope.from)
		.where('visited_at', '<', scope.before);
	if (scope.region !== undefined) q = q.where('region', '=', scope.region);
	if (scope.templateId !== undefined) q = q.where('template_id', '=', scope.templateId);
	if (scope.kind !== undefined) q = q.where('location_kind', '=', scope.kind);
	if (scope.locationId !== undefined) q = q.where('location_id', '=', scope.locationId);
	if (scope.competitorBrand !== undefined) {
		const brand = scope.competitorBrand;
		q = q.where((eb: ExpressionBuilder<Database, 'score_stages'>) =>
			eb.or([eb('location_kind', '=', 'own'), eb('brand', '=', brand)])
		);
	}
	if (scope.locationIds !== undefined) {
		q =
			scope.locationIds.length === 0
				? q.where(sql<boolean>`1 = 0`)
				: q.where('location_id', 'in', [...scope.locationIds]);
	}
	if (scope.approvedOnly) q = q.where('approved', '=', 1);
	return q as unknown as SelectQueryBuilder<Database, T, O>;
}

/** A mean over audits and how many audits stand behind it. */
export interface MeanRow {
	mean: number | null;
	n: number;
}

const num = (value: unknown): number => Number(value ?? 0);
const meanOf = (value: unknown): number | null =>
	value === null || value === undefined ? null : Number(value);

/**
 * Whether `score_days` can answer for this scope: the organisation's audits of one or both kinds,
 * with no region, brand, template or location narrowing and no report-reader limits (those are
 * answered from the rows themselves).
 */
export function daySumsServe(scope: InsightScope): boolean {
	return (
		scope.region === undefined &&
		scope.competitorBrand === undefined &&
		scope.templateId === undefined &&
		scope.locationId === undefined &&
		scope.locationIds === undefined &&
		!scope.approvedOnly
	);
}

/** Sums per bucket, location kind and stage ('' = total). */
interface Sums {
	bucket: number;
	kind: 'own' | 'competitor';
	stageKey: string;
	n: number;
	total: number;
}

/** The day-sums query: whole UTC days of one organisation, optionally of one kind and stage. */
export function daySumsQuery(
	db: Db,
	scope: InsightScope,
	fromDay: number,
	beforeDay: number,
	stage: { only?: string; totals: boolean },
	grain: number = DAY_MS
) {
	let query = db
		.selectFrom('score_days')
		.select(['day', 'location_kind', 'stage_key', 'n', 'total'])
		.where('organisation_id', '=', scope.organisationId)
		.where('grain', '=', grain)
		.where('day', '>=', fromDay)
		.where('day', '<', beforeDay)
		.where('n', '>', 0);
	if (scope.kind !== undefined) query = query.where('location_kind', '=', scope.kind);
	if (stage.only !== undefined) query = query.where('stage_key', '=', stage.only);
	else query = query.where('stage_key', stage.totals ? '=' : '!=', '');
	return query;
}

/** Sums straight from the rows of a short span (what the day and hour sums do not cover). */
function rowSums(db: Db, within: InsightScope, stage: { only?: string; totals: boolean }) {
	if (stage.totals && stage.only === undefined) {
		return scoped(db.selectFrom('score_audits'), within)
			.select([
				'location_kind',
				sql<string>`''`.as('stage_key'),
				sql<number>`count(total_percent)`.as('n'),
				sql<number | null>`sum(total_percent)`.as('total')
			])
			.groupBy('location_kind')
			.execute();
	}
	let q = scoped(db.selectFrom('score_stages'), within);
	if (stage.only !== undefined) q = q.where('stage_key', '=', stage.only);
	return q
		.select([
			'location_kind',
			'stage_key',
			sql<number>`count(percent)`.as('n'),
			sql<number | null>`sum(percent)`.as('total')
		])
		.groupBy(['location_kind', 'stage_key'])
		.execute();
}

/**
 * Sums over `buckets` (half-open, ascending, adjacent or not) from whole UTC days in `score_days`
 * and, for the part of a bucket that does not start or end on a UTC midnight, from the rows of
 * those hours. `stage.totals`: the audits' totals instead of stages; `stage.only`: one stage.
 */
async function daySums(
	db: Db,
	scope: InsightScope,
	buckets: readonly { start: number; end: number }[],
	stage: { only?: string; totals: boolean }
): Promise<Sums[]> {
	const out = new Map<string, Sums>();
	const add = (
		bucket: number,
		kind: 'own' | 'competitor',
		stageKey: string,
		n: number,
		total: number
	) => {
		const key = `${bucket}\u0000${kind}\u0000${stageKey}`;
		const entry = out.get(key) ?? { bucket, kind, stageKey, n: 0, total: 0 };
		entry.n += n;
		entry.total += total;
		out.set(key, entry);
	};
	const whole = buckets.map((b) => {
		const from = Math.ceil(b.start / DAY_MS) * DAY_MS;
		const before = utcDayOf(b.end);
		return from < before ? { from, before } : null;
	});
	const firstDay = Math.min(...whole.map((w) => w?.from ?? Infinity));
	const lastDay = Math.max(...whole.map((w) => w?.before ?? -Infinity));
	if (firstDay < lastDay) {
		const rows = await daySumsQuery(db, scope, firstDay, lastDay, stage).execute();
		for (const row of rows) {
			const day = Number(row.day);
			const bucket = whole.findIndex((w) => w !== null && day >= w.from && day < w.before);
			if (bucket >= 0)
				add(bucket, row.location_kind, row.stage_key, Number(row.n), Number(row.total));
		}
	}
	// The hours of each bucket outside its whole days (none when buckets start at UTC midnight).
	const edges: { bucket: number; from: number; before: number }[] = [];
	buckets.forEach((b, bucket) => {
		const w = whole[bucket];
		if (!w) edges.push({ bucket, from: b.start, before: b.end });
		else {
			if (b.start < w.from) edges.push({ bucket, from: b.start, before: w.from });
			if (w.before < b.end) edges.push({ bucket, from: w.before, before: b.end });
		}
	});
	for (const edge of edges) {
		// Whole UTC hours from the hour sums; what is left of an hour from the rows.
		const hourFrom = Math.ceil(edge.from / HOUR_MS) * HOUR_MS;
		const hourBefore = Math.floor(edge.before / HOUR_MS) * HOUR_MS;
		const rest: { from: number; before: number }[] = [];
		if (hourFrom < hourBefore) {
			const rows = await daySumsQuery(db, scope, hourFrom, hourBefore, stage, HOUR_MS).execute();
			for (const row of rows) {
				add(edge.bucket, row.location_kind, row.stage_key, Number(row.n), Number(row.total));
			}
			if (edge.from < hourFrom) rest.push({ from: edge.from, before: hourFrom });
			if (hourBefore < edge.before) rest.push({ from: hourBefore, before: edge.before });
		} else rest.push(edge);
		for (const part of rest) {
			for (const row of await rowSums(db, { ...scope, ...part }, stage)) {
				if (Number(row.n) > 0) {
					add(edge.bucket, row.location_kind, row.stage_key, Number(row.n), Number(row.total));
				}
			}
		}
	}
	return [...out.values()];
}

/** The benchmark's query: the mean stage percent per location kind and stage. */
export function stageBenchmarkQuery(db: Db, scope: InsightScope) {
	return scoped(db.selectFrom('score_stages'), scope)
		.select([
			'location_kind',
			'stage_key',
			sql<number | null>`avg(percent)`.as('mean'),
			sql<number>`count(percent)`.as('n')
		])
		.groupBy(['location_kind', 'stage_key']);
}

/** Mean stage percent per location kind and stage key (stages with nothing scored excluded). */
export async function stageBenchmark(
	db: Db,
	scope: InsightScope
): Promise<(MeanRow & { kind: 'own' | 'competitor'; stageKey: string })[]> {
	if (daySumsServe(scope)) {
		const sums = await daySums(db, scope, [{ start: scope.from, end: scope.before }], {
			totals: false
		});
		return sums.map((row) => ({
			kind: row.kind,
			stageKey: row.stageKey,
			mean: row.total / row.n,
			n: row.n
		}));
	}
	const rows = await stageBenchmarkQuery(db, scope).execute();
	return rows.map((row) => ({
		kind: row.location_kind,
		stageKey: row.stage_key,
		mean: meanOf(row.mean),
		n: num(row.n)
	}));
}

/** Mean total percent per location kind. */
export async function totalBenchmark(
	db: Db,
	scope: InsightScope
): Promise<(MeanRow & { kind: 'own' | 'competitor' })[]> {
	if (daySumsServe(scope)) {
		const sums = await daySums(db, scope, [{ start: scope.from, end: scope.before }], {
			totals: true
		});
		return sums.map((row) => ({ kind: row.kind, mean: row.total / row.n, n: row.n }));
	}
	const rows = await scoped(db.selectFrom('score_audits'), scope)
		.select([
			'location_kind',
			sql<number | null>`avg(total_percent)`.as('mean'),
			sql<number>`count(total_percent)`.as('n')
		])
		.groupBy('location_kind')
		.execute();
	return rows.map((row) => ({ kind: row.location_kind, mean: meanOf(row.mean), n: num(row.n) }));
}

/** `case when visited_at < b1 then 0 when … end`: the bucket index of a visit. */
function bucketExpression(bounds: readonly number[]) {
	const whens = bounds.slice(1).map((end, i) => sql`when visited_at < ${end} then ${sql.lit(i)}`);
	return sql<number>`case ${sql.join(whens, sql` `)} end`;
}

/**
 * The trend query: per bucket (boundaries `bounds`, ascending: bucket i is [bounds[i],
 * bounds[i+1])), the mean stage percent of `stageKey`, or the mean total when no stage is given,
 * optionally also per region.
 */
export function trendQuery(
	db: Db,
	scope: InsightScope,
	bounds: readonly number[],
	options: { stageKey?: string; byRegion?: boolean } = {}
) {
	const within = { ...scope, from: bounds[0]!, before: bounds[bounds.length - 1]! };
	const bucket = bucketExpression(bounds);
	if (options.stageKey !== undefined) {
		let query = scoped(db.selectFrom('score_stages'), within)
			.where('stage_key', '=', options.stageKey)
			.select([
				bucket.as('bucket'),
				sql<string>`${options.byRegion ? sql.ref('region') : sql.lit('')}`.as('region'),
				sql<number | null>`avg(percent)`.as('mean'),
				sql<number>`count(percent)`.as('n')
			])
			.groupBy(sql`1`);
		if (options.byRegion) query = query.groupBy('region');
		return query;
	}
	let query = scoped(db.selectFrom('score_audits'), within)
		.select([
			bucket.as('bucket'),
			sql<string>`${options.byRegion ? sql.ref('region') : sql.lit('')}`.as('region'),
			sql<number | null>`avg(total_percent)`.as('mean'),
			sql<number>`count(total_percent)`.as('n')
		])
		.groupBy(sql`1`);
	if (options.byRegion) query = query.groupBy('region');
	return query;
}

/** Trend rows: bucket index, region ('' unless by region), mean and count. */
export async function trend(
	db: Db,
	scope: InsightScope,
	bounds: readonly number[],
	options: { stageKey?: string; byRegion?: boolean } = {}
): Promise<(MeanRow & { bucket: number; region: string })[]> {
	if (daySumsServe(scope) && !options.byRegion && scope.kind !== undefined) {
		const buckets = bounds.slice(1).map((end, i) => ({ start: bounds[i]!, end }));
		const sums = await daySums(db, scope, buckets, {
			only: options.stageKey,
			totals: options.stageKey === undefined
		});
		return sums.map((row) => ({
			bucket: row.bucket,
			region: '',
			mean: row.total / row.n,
			n: row.n
		}));
	}
	const rows = await trendQuery(db, scope, bounds, options).execute();
	return rows.map((row) => ({
		bucket: num(row.bucket),
		region: String(row.region),
		mean: meanOf(row.mean),
		n: num(row.n)
	}));
}

/** Per checkpoint: scored answers, fails, critical fails and points earned / possible. */
export interface CheckpointTally {
	checkpointId: string;
	/** Answers that were scored (pass, partial, fail). */
	n: number;
	fails: number;
	criticalFails: number;
	points: number;
	possible: number;
}

/**
 * The checkpoint query: tallies per checkpoint in scope. The organisation's checkpoints are one
 * range of the table's key; a location's are found through its audits in the period
 * (score_audits_location), each audit's rows one range of the key.
 */
export function checkpointTallyQuery(db: Db, scope: InsightScope) {
	if (scope.locationId !== undefined) {
		const visits = scoped(db.selectFrom('score_audits'), scope).select([
			'audit_id',
			'organisation_id',
			'visited_at'
		]);
		return db
			.selectFrom(visits.as('v'))
			.innerJoin('score_checkpoints as c', (join) =>
				join
					.onRef('c.organisation_id', '=', 'v.organisation_id')
					.onRef('c.visited_at', '=', 'v.visited_at')
					.onRef('c.audit_id', '=', 'v.audit_id')
			)
			.where('c.outcome', '!=', 'na')
			.select([
				'c.checkpoint_id',
				sql<number>`count(*)`.as('n'),
				sql<number>`sum(case when c.outcome = 'fail' then 1 else 0 end)`.as('fails'),
				sql<number>`sum(c.critical_failure)`.as('critical_fails'),
				sql<number>`sum(c.points)`.as('points'),
				sql<number>`sum(c.possible)`.as('possible')
			])
			.groupBy('c.checkpoint_id');
	}
	return scoped(db.selectFrom('score_checkpoints'), scope)
		.where('outcome', '!=', 'na')
		.select([
			'checkpoint_id',
			sql<number>`count(*)`.as('n'),
			sql<number>`sum(case when outcome = 'fail' then 1 else 0 end)`.as('fails'),
			sql<number>`sum(critical_failure)`.as('critical_fails'),
			sql<number>`sum(points)`.as('points'),
			sql<number>`sum(possible)`.as('possible')
		])
		.groupBy('checkpoint_id');
}

/** Tallies of every checkpoint answered in scope. */
export async function checkpointTallies(db: Db, scope: InsightScope): Promise<CheckpointTally[]> {
	const rows = await checkpointTallyQuery(db, scope).execute();
	return rows.map((row) => ({
		checkpointId: row.checkpoint_id,
		n: num(row.n),
		fails: num(row.fails),
		criticalFails: num(row.critical_fails),
		points: num(row.points),
		possible: num(row.possible)
	}));
}

/** One handed-in audit of a location, newest visit first. */
export interface LocationVisitRow {
	auditId: string;
	visitedAt: number;
	totalPercent: number | null;
	capped: boolean;
	approved: boolean;
	templateId: string;
	templateVersion: number;
}

/** A location's latest handed-in audits (newest visit first), at most `limit`. */
export async function latestVisits(
	db: Db,
	scope: Pick<InsightScope, 'organisationId' | 'approvedOnly'> & { locationId: string },
	limit: number
): Promise<LocationVisitRow[]> {
	let query = db
		.selectFrom('score_audits')
		.select([
			'audit_id',
			'visited_at',
			'total_percent',
			'capped',
			'approved',
			'template_id',
			'template_version'
		])
		.where('organisation_id', '=', scope.organisationId)
		.where('location_id', '=', scope.locationId);
	if (scope.approvedOnly) query = query.where('approved', '=', 1);
	const rows = await query
		.orderBy('visited_at', 'desc')
		.orderBy('audit_id', 'desc')
		.limit(limit)
		.execute();
	return rows.map((row) => ({
		auditId: row.audit_id,
		visitedAt: num(row.visited_at),
		totalPercent: meanOf(row.total_percent),
		capped: num(row.capped) === 1,
		approved: num(row.approved) === 1,
		templateId: row.template_id,
		templateVersion: num(row.template_version)
	}));
}
