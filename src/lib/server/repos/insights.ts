import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/connect';
import type { Database } from '../db/schema';

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
