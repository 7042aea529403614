import { sql, type Insertable } from 'kysely';
import { scoreRowsOf } from '$lib/domain/score-rows';
import type { AuditScore, Location } from '$lib/domain/types';
import type { Db } from '../db/connect';
import type {
	AuditTable,
	ScoreAuditTable,
	ScoreCheckpointTable,
	ScoreStageTable
} from '../db/schema';

/** The review states whose audits count in the insights (handed in, not with the shopper). */
export const COUNTED_STATES: readonly AuditTable['state'][] = [
	'submitted',
	'resubmitted',
	'approved'
];

/** What the score rows of one audit are made from. */
export interface ScoreRowsSource {
	auditId: string;
	organisationId: string;
	templateId: string;
	templateVersion: number;
	state: AuditTable['state'];
	/** The visit's time-in (epoch ms). */
	visitedAt: number;
	location: Pick<Location, 'id' | 'kind' | 'region' | 'brand'>;
	score: AuditScore;
}

// Rows per statement: under SQLite's and PostgreSQL's limits on bound parameters (15 columns).
const ROWS_PER_INSERT = 1000;

type Rows = {
	audits: Insertable<ScoreAuditTable>[];
	stages: Insertable<ScoreStageTable>[];
	checkpoints: Insertable<ScoreCheckpointTable>[];
};

/** The rows of one audit (none when its state does not count). */
function rowsOf(source: ScoreRowsSource, into: Rows): void {
	if (!COUNTED_STATES.includes(source.state)) return;
	const dimensions = {
		audit_id: source.auditId,
		organisation_id: source.organisationId,
		location_id: source.location.id,
		location_kind: source.location.kind,
		region: source.location.region,
		brand: source.location.brand,
		template_id: source.templateId,
		visited_at: source.visitedAt,
		approved: source.state === 'approved' ? 1 : 0
	};
	into.audits.push({
		...dimensions,
		template_version: source.templateVersion,
		total_percent: source.score.totalPercent,
		capped: source.score.capped ? 1 : 0
	});
	const rows = scoreRowsOf(source.score);
	for (const stage of rows.stages) {
		into.stages.push({
			...dimensions,
			stage_key: stage.stageKey,
			points: stage.points,
			possible: stage.possible,
			percent: stage.percent
		});
	}
	const key = {
		audit_id: dimensions.audit_id,
		organisation_id: dimensions.organisation_id,
		location_id: dimensions.location_id,
		location_kind: dimensions.location_kind,
		visited_at: dimensions.visited_at,
		approved: dimensions.approved
	};
	for (const checkpoint of rows.checkpoints) {
		into.checkpoints.push({
			...key,
			checkpoint_id: checkpoint.checkpointId,
			outcome: checkpoint.outcome,
			points: checkpoint.points,
			possible: checkpoint.possible,
			critical_failure: checkpoint.criticalFailure ? 1 : 0
		});
	}
}

async function insertRows(db: Db, rows: Rows): Promise<void> {
	await addToDays(
		db,
		rows.audits.map((a) => ({ ...a, total_percent: a.total_percent ?? null })),
		rows.stages.map((st) => ({ ...st, percent: st.percent ?? null })),
		1
	);
	for (const [table, list] of [
		['score_audits', rows.audits],
		['score_stages', rows.stages],
		['score_checkpoints', rows.checkpoints]
	] as const) {
		for (let start = 0; start < list.length; start += ROWS_PER_INSERT) {
			await db
				.insertInto(table)
				.values(list.slice(start, start + ROWS_PER_INSERT) as never)
				.execute();
		}
	}
}

/**
 * Replaces the score rows of one audit with those of `source` (in the caller's transaction), or
 * removes them when its state does not count (draft, returned). The numbers are the stored
 * AuditScore's own (`scoreRowsOf`), never recomputed here.
 */
export async function writeScoreRows(db: Db, source: ScoreRowsSource): Promise<void> {
	await writeScoreRowsOf(db, [source]);
}

/** `writeScoreRows` for many audits at once, in multi-row statements (the backfill). */
export async function writeScoreRowsOf(db: Db, sources: readonly ScoreRowsSource[]): Promise<void> {
	if (sources.length === 0) return;
	await removeScoreRowsOf(
		db,
		sources.map((source) => source.auditId)
	);
	const rows: Rows = { audits: [], stages: [], checkpoints: [] };
	for (const source of sources) rowsOf(source, rows);
	await insertRows(db, rows);
}

/** One UTC day and one hour in ms: the two grains of `score_days`. */
export const DAY_MS = 24 * 60 * 60 * 1000;
export const HOUR_MS = 60 * 60 * 1000;

/** The UTC midnight starting the day of `instant`. */
export function utcDayOf(instant: number): number {
	return Math.floor(instant / DAY_MS) * DAY_MS;
}

type DayDelta = {
	organisation_id: string;
	grain: number;
	day: number;
	location_kind: 'own' | 'competitor';
	stage_key: string;
	n: number;
	total: number;
};

/** Adds (or, with sign −1, takes away) the audits' stage percents and totals in `score_days`. */
async function addToDays(
	db: Db,
	audits: readonly {
		organisation_id: string;
		visited_at: number;
		location_kind: 'own' | 'competitor';
		total_percent: number | null;
	}[],
	stages: readonly {
		organisation_id: string;
		visited_at: number;
		location_kind: 'own' | 'competitor';
		stage_key: string;
		percent: number | null;
	}[],
	sign: 1 | -1
): Promise<void> {
	const deltas = new Map<string, DayDelta>();
	const add = (
		row: { organisation_id: string; visited_at: number; location_kind: 'own' | 'competitor' },
		stageKey: string,
		percent: number | null
	) => {
		if (percent === null) return;
		for (const grain of [DAY_MS, HOUR_MS]) {
			const day = Math.floor(Number(row.visited_at) / grain) * grain;
			const key = `${row.organisation_id}\u0000${grain}\u0000${day}\u0000${row.location_kind}\u0000${stageKey}`;
			const delta = deltas.get(key) ?? {
				organisation_id: row.organisation_id,
				grain,
				day,
				location_kind: row.location_kind,
				stage_key: stageKey,
				n: 0,
				total: 0
			};
			delta.n += sign;
			delta.total += sign * Number(percent);
			deltas.set(key, delta);
		}
	};
	for (const audit of audits) add(audit, '', audit.total_percent);
	for (const stage of stages) add(stage, stage.stage_key, stage.percent);
	const values = [...deltas.values()];
	for (let start = 0; start < values.length; start += ROWS_PER_INSERT) {
		await db
			.insertInto('score_days')
			.values(values.slice(start, start + ROWS_PER_INSERT))
			.onConflict((oc) =>
				oc
					.columns(['organisation_id', 'grain', 'day', 'location_kind', 'stage_key'])
					.doUpdateSet((eb) => ({
						n: eb('score_days.n', '+', eb.ref('excluded.n')),
						total: eb('score_days.total', '+', eb.ref('excluded.total'))
					}))
			)
			.execute();
	}
}

/**
 * Rebuilds an organisation's `score_days` from its stage and audit rows (after a location's kind
 * changed, which moves its audits between own and competitor). One aggregate per table.
 */
export async function rebuildScoreDays(db: Db, organisationId: string): Promise<void> {
	await db.deleteFrom('score_days').where('organisation_id', '=', organisationId).execute();
	for (const grain of [DAY_MS, HOUR_MS]) {
		const day = sql<number>`(visited_at / ${grain}) * ${grain}`;
		await db
			.insertInto('score_days')
			.columns(['organisation_id', 'grain', 'day', 'location_kind', 'stage_key', 'n', 'total'])
			.expression(
				db
					.selectFrom('score_stages')
					.select([
						'organisation_id',
						sql<number>`${grain}`.as('grain'),
						day.as('day'),
						'location_kind',
						'stage_key',
						sql<number>`count(percent)`.as('n'),
						sql<number>`sum(percent)`.as('total')
					])
					.where('organisation_id', '=', organisationId)
					.where('percent', 'is not', null)
					.groupBy(['organisation_id', sql`3`, 'location_kind', 'stage_key'])
			)
			.execute();
		await db
			.insertInto('score_days')
			.columns(['organisation_id', 'grain', 'day', 'location_kind', 'stage_key', 'n', 'total'])
			.expression(
				db
					.selectFrom('score_audits')
					.select([
						'organisation_id',
						sql<number>`${grain}`.as('grain'),
						day.as('day'),
						'location_kind',
						sql<string>`''`.as('stage_key'),
						sql<number>`count(total_percent)`.as('n'),
						sql<number>`sum(total_percent)`.as('total')
					])
					.where('organisation_id', '=', organisationId)
					.where('total_percent', 'is not', null)
					.groupBy(['organisation_id', sql`3`, 'location_kind'])
			)
			.execute();
	}
}

/** Removes an audit's score rows (it was returned: it no longer counts until resubmitted). */
export async function removeScoreRows(db: Db, auditId: string): Promise<void> {
	await removeScoreRowsOf(db, [auditId]);
}

/**
 * The stage and checkpoint rows are keyed by (organisation, visit time, audit, …): the audit's
 * own row says where they are, so each removal is one key range, never a scan.
 */
async function keysOf(db: Db, auditIds: readonly string[]) {
	if (auditIds.length === 0) return [];
	return db
		.selectFrom('score_audits')
		.select(['audit_id', 'organisation_id', 'visited_at'])
		.where('audit_id', 'in', [...auditIds])
		.execute();
}

async function removeScoreRowsOf(db: Db, auditIds: readonly string[]): Promise<void> {
	for (const key of await keysOf(db, auditIds)) {
		const audit = await db
			.selectFrom('score_audits')
			.select(['organisation_id', 'visited_at', 'location_kind', 'total_percent'])
			.where('audit_id', '=', key.audit_id)
			.execute();
		const stages = await db
			.selectFrom('score_stages')
			.select(['organisation_id', 'visited_at', 'location_kind', 'stage_key', 'percent'])
			.where('organisation_id', '=', key.organisation_id)
			.where('visited_at', '=', key.visited_at)
			.where('audit_id', '=', key.audit_id)
			.execute();
		await addToDays(db, audit, stages, -1);
		for (const table of ['score_checkpoints', 'score_stages'] as const) {
			await db
				.deleteFrom(table)
				.where('organisation_id', '=', key.organisation_id)
				.where('visited_at', '=', key.visited_at)
				.where('audit_id', '=', key.audit_id)
				.execute();
		}
		await db.deleteFrom('score_audits').where('audit_id', '=', key.audit_id).execute();
	}
}

/** Marks an audit's rows approved (what report readers count). */
export async function markScoreRowsApproved(db: Db, auditId: string): Promise<void> {
	for (const key of await keysOf(db, [auditId])) {
		await db
			.updateTable('score_audits')
			.set({ approved: 1 })
			.where('audit_id', '=', auditId)
			.execute();
		for (const table of ['score_stages', 'score_checkpoints'] as const) {
			await db
				.updateTable(table)
				.set({ approved: 1 })
				.where('organisation_id', '=', key.organisation_id)
				.where('visited_at', '=', key.visited_at)
				.where('audit_id', '=', key.audit_id)
				.execute();
		}
	}
}

/** Keeps the rows' copy of a location's kind, region and brand in step with its record. */
export async function relabelScoreRows(
	db: Db,
	organisationId: string,
	location: Pick<Location, 'id' | 'kind' | 'region' | 'brand'>
): Promise<void> {
	for (const table of ['score_audits', 'score_stages'] as const) {
		await db
			.updateTable(table)
			.set({ location_kind: location.kind, region: location.region, brand: location.brand })
			.where('organisation_id', '=', organisationId)
			.where('location_id', '=', location.id)
			.where((eb) =>
				eb.or([
					eb('location_kind', '!=', location.kind),
					eb('region', '!=', location.region),
					eb('brand', '!=', location.brand)
				])
			)
			.execute();
	}
	const moved = await db
		.updateTable('score_checkpoints')
		.set({ location_kind: location.kind })
		.where('organisation_id', '=', organisationId)
		.where('location_id', '=', location.id)
		.where('location_kind', '!=', location.kind)
		.executeTakeFirst();
	// Audits moved between own and competitor: the day sums are per kind.
	if (moved.numUpdatedRows > 0n) await rebuildScoreDays(db, organisationId);
}

/** How many score rows of each table an audit has (tests and checks). */
export async function countScoreRows(
	db: Db,
	auditId: string
): Promise<{ audits: number; stages: number; checkpoints: number }> {
	const count = async (table: 'score_audits' | 'score_stages' | 'score_checkpoints') =>
		Number(
			(
				await db
					.selectFrom(table)
					.select(sql<number>`count(*)`.as('n'))
					.where('audit_id', '=', auditId)
					.executeTakeFirstOrThrow()
			).n
		);
	return {
		audits: await count('score_audits'),
		stages: await count('score_stages'),
		checkpoints: await count('score_checkpoints')
	};
}
