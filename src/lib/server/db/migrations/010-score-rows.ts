import type { Kysely } from 'kysely';
import type { Db } from '../connect';
import { backfillScoreRows } from '../../repos/score-rows';

// Scores as rows for the insights (benchmark, trends, failing checkpoints): one row per handed-in
// audit, per audit and stage, and per visible answered checkpoint. Each row carries what the
// queries filter and group by (organisation, visit time, location and its kind, region and brand,
// template, whether approved), so every insight query is one range of one index, never a join
// or a JSON parse. Only audits handed in (submitted, resubmitted, approved) have rows; a return
// removes them until the resubmission. Existing audits are backfilled in bounded batches.

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('score_audits')
		.addColumn('audit_id', 'text', (c) =>
			c.primaryKey().references('audits.id').onDelete('cascade')
		)
		.addColumn('organisation_id', 'text', (c) => c.notNull())
		.addColumn('location_id', 'text', (c) => c.notNull())
		.addColumn('location_kind', 'text', (c) => c.notNull())
		.addColumn('region', 'text', (c) => c.notNull())
		.addColumn('brand', 'text', (c) => c.notNull())
		.addColumn('template_id', 'text', (c) => c.notNull())
		.addColumn('template_version', 'integer', (c) => c.notNull())
		.addColumn('visited_at', 'bigint', (c) => c.notNull())
		.addColumn('approved', 'integer', (c) => c.notNull())
		.addColumn('total_percent', 'double precision')
		.addColumn('capped', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('score_audits_org_visited')
		.on('score_audits')
		.columns([
			'organisation_id',
			'visited_at',
			'location_kind',
			'total_percent',
			'region',
			'brand',
			'template_id',
			'approved',
			'location_id'
		])
		.execute();
	await db.schema
		.createIndex('score_audits_location')
		.on('score_audits')
		.columns(['organisation_id', 'location_id', 'visited_at', 'audit_id'])
		.execute();

	await db.schema
		.createTable('score_stages')
		.addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id').onDelete('cascade'))
		.addColumn('stage_key', 'text', (c) => c.notNull())
		.addColumn('organisation_id', 'text', (c) => c.notNull())
		.addColumn('location_id', 'text', (c) => c.notNull())
		.addColumn('location_kind', 'text', (c) => c.notNull())
		.addColumn('region', 'text', (c) => c.notNull())
		.addColumn('brand', 'text', (c) => c.notNull())
		.addColumn('template_id', 'text', (c) => c.notNull())
		.addColumn('visited_at', 'bigint', (c) => c.notNull())
		.addColumn('approved', 'integer', (c) => c.notNull())
		.addColumn('points', 'double precision', (c) => c.notNull())
		.addColumn('possible', 'double precision', (c) => c.notNull())
		.addColumn('percent', 'double precision')
		.addPrimaryKeyConstraint('score_stages_pk', ['audit_id', 'stage_key'])
		.execute();
	await db.schema
		.createIndex('score_stages_org_visited')
		.on('score_stages')
		.columns([
			'organisation_id',
			'visited_at',
			'location_kind',
			'stage_key',
			'percent',
			'region',
			'brand',
			'template_id',
			'approved',
			'location_id'
		])
		.execute();
	await db.schema
		.createIndex('score_stages_location')
		.on('score_stages')
		.columns(['organisation_id', 'location_id', 'visited_at', 'stage_key', 'percent', 'approved'])
		.execute();

	await db.schema
		.createTable('score_checkpoints')
		.addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id').onDelete('cascade'))
		.addColumn('checkpoint_id', 'text', (c) => c.notNull())
		.addColumn('stage_key', 'text', (c) => c.notNull())
		.addColumn('organisation_id', 'text', (c) => c.notNull())
		.addColumn('location_id', 'text', (c) => c.notNull())
		.addColumn('location_kind', 'text', (c) => c.notNull())
		.addColumn('region', 'text', (c) => c.notNull())
		.addColumn('brand', 'text', (c) => c.notNull())
		.addColumn('template_id', 'text', (c) => c.notNull())
		.addColumn('visited_at', 'bigint', (c) => c.notNull())
		.addColumn('approved', 'integer', (c) => c.notNull())
		.addColumn('outcome', 'text', (c) => c.notNull())
		.addColumn('points', 'double precision', (c) => c.notNull())
		.addColumn('possible', 'double precision', (c) => c.notNull())
		.addColumn('critical_failure', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('score_checkpoints_pk', ['audit_id', 'checkpoint_id'])
		.execute();
	await db.schema
		.createIndex('score_checkpoints_org_visited')
		.on('score_checkpoints')
		.columns([
			'organisation_id',
			'visited_at',
			'checkpoint_id',
			'outcome',
			'points',
			'possible',
			'critical_failure',
			'stage_key',
			'location_kind',
			'region',
			'brand',
			'template_id',
			'approved',
			'location_id'
		])
		.execute();
	await db.schema
		.createIndex('score_checkpoints_location')
		.on('score_checkpoints')
		.columns([
			'organisation_id',
			'location_id',
			'visited_at',
			'checkpoint_id',
			'outcome',
			'points',
			'possible',
			'critical_failure',
			'stage_key',
			'approved'
		])
		.execute();

	await backfillScoreRows(db as unknown as Db, { batchSize: 500 });
}
