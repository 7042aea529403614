import { sql } from 'kysely';
import { scoreRowsOf } from '$lib/domain/score-rows';
import type { AuditScore, Location } from '$lib/domain/types';
import type { Db } from '../db/connect';
import type { AuditTable } from '../db/schema';

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

/**
 * Replaces the score rows of one audit with those of `source` (in the caller's transaction), or
 * removes them when its state does not count (draft, returned). The numbers are the stored
 * AuditScore's own (`scoreRowsOf`), never recomputed here.
 */
export async function writeScoreRows(db: Db, source: ScoreRowsSource): Promise<void> {
	await removeScoreRows(db, source.auditId);
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
	await db
		.insertInto('score_audits')
		.values({
			...dimensions,
			template_version: source.templateVersion,
			total_percent: source.score.totalPercent,
			capped: source.score.capped ? 1 : 0
		})
		.execute();
	const rows = scoreRowsOf(source.score);
	if (rows.stages.length > 0) {
		await db
			.insertInto('score_stages')
			.values(
				rows.stages.map((stage) => ({
					...dimensions,
					stage_key: stage.stageKey,
					points: stage.points,
					possible: stage.possible,
					percent: stage.percent
				}))
			)
			.execute();
	}
	const checkpoints = rows.checkpoints.map((checkpoint) => ({
		...dimensions,
		checkpoint_id: checkpoint.checkpointId,
		stage_key: checkpoint.stageKey,
		outcome: checkpoint.outcome,
		points: checkpoint.points,
		possible: checkpoint.possible,
		critical_failure: checkpoint.criticalFailure ? 1 : 0
	}));
	for (let start = 0; start < checkpoints.length; start += ROWS_PER_INSERT) {
		await db
			.insertInto('score_checkpoints')
			.values(checkpoints.slice(start, start + ROWS_PER_INSERT))
			.execute();
	}
}

/** Removes an audit's score rows (it was returned: it no longer counts until resubmitted). */
export async function removeScoreRows(db: Db, auditId: string): Promise<void> {
	await db.deleteFrom('score_checkpoints').where('audit_id', '=', auditId).execute();
	await db.deleteFrom('score_stages').where('audit_id', '=', auditId).execute();
	await db.deleteFrom('score_audits').where('audit_id', '=', auditId).execute();
}

/** Marks an audit's rows approved (what report readers count). */
export async function markScoreRowsApproved(db: Db, auditId: string): Promise<void> {
	for (const table of ['score_audits', 'score_stages', 'score_checkpoints'] as const) {
		await db.updateTable(table).set({ approved: 1 }).where('audit_id', '=', auditId).execute();
	}
}

/** Keeps the rows' copy of a location's kind, region and brand in step with its record. */
export async function relabelScoreRows(
	db: Db,
	organisationId: string,
	location: Pick<Location, 'id' | 'kind' | 'region' | 'brand'>
): Promise<void> {
	for (const table of ['score_audits', 'score_stages', 'score_checkpoints'] as const) {
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
}

/**
 * (Re)writes the score rows of every handed-in audit from its stored score JSON, `batchSize`
 * audits per transaction in id order, so memory and lock time stay bounded at any size. Used by
 * migration 010 and after bulk loads (the scale seeder). Safe to run again: each audit's rows are
 * replaced. Returns how many audits got rows.
 */
export async function backfillScoreRows(
	db: Db,
	options: { batchSize?: number; organisationId?: string } = {}
): Promise<number> {
	const batchSize = options.batchSize ?? 500;
	let after = '';
	let written = 0;
	for (;;) {
		let query = db
			.selectFrom('audits')
			.leftJoin('locations', 'locations.id', 'audits.location_id')
			.select([
				'audits.id',
				'audits.organisation_id',
				'audits.template_id',
				'audits.template_version',
				'audits.location_id',
				'audits.state',
				'audits.score',
				'audits.content',
				'locations.kind',
				'locations.region',
				'locations.brand'
			])
			.where('audits.id', '>', after)
			.where('audits.state', 'in', COUNTED_STATES);
		if (options.organisationId)
			query = query.where('audits.organisation_id', '=', options.organisationId);
		const batch = await query.orderBy('audits.id').limit(batchSize).execute();
		if (batch.length === 0) return written;
		await db.transaction().execute(async (trx) => {
			for (const row of batch) {
				const content = JSON.parse(row.content) as { timeIn?: number; location?: Location };
				const score = JSON.parse(row.score) as AuditScore;
				if (!Array.isArray(score.stages)) continue;
				const snapshot = content.location;
				await writeScoreRows(trx, {
					auditId: row.id,
					organisationId: row.organisation_id,
					templateId: row.template_id,
					templateVersion: row.template_version,
					state: row.state,
					visitedAt: Number(content.timeIn ?? 0),
					location: {
						id: row.location_id,
						kind: row.kind ?? snapshot?.kind ?? 'own',
						region: row.region ?? snapshot?.region ?? '',
						brand: row.brand ?? snapshot?.brand ?? ''
					},
					score
				});
				written++;
			}
		});
		after = batch[batch.length - 1]!.id;
	}
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
