import { sql, SqliteAdapter, type Kysely } from 'kysely';
import type { Db } from '../connect';
import { backfillScoreRows } from '../../services/score-backfill';

// Scores as rows for the insights (benchmark, trends, failing checkpoints): one row per handed-in
// audit, per audit and stage, and per visible answered checkpoint. Each row carries what the
// queries filter and group by (organisation, visit time, location and its kind, region and brand,
// template, whether approved), so every insight query is one range of one index, never a join
// or a JSON parse. Only audits handed in (submitted, resubmitted, approved) have rows; a return
// removes them until the resubmission. Existing audits are backfilled in bounded batches.
//
// Size matters at 500,000 audits (≈ 9 stage rows and ≈ 60 checkpoint rows each): the stage and
// checkpoint tables are keyed (organisation, visit time, audit, stage or checkpoint), and on
// SQLite stored WITHOUT ROWID in that order, so the table itself is the index the organisation's
// period queries read (no second copy of every row). Checkpoint rows carry only what their
// queries use (no stage, region, brand or template) and have no second index: a location's
// checkpoints are found through its audits (score_audits_location), each one key range here.

export async function up(db: Kysely<unknown>): Promise<void> {
	const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
	const clustered = <T extends { modifyEnd: (s: ReturnType<typeof sql>) => T }>(builder: T): T =>
		sqlite ? builder.modifyEnd(sql`without rowid`) : builder;

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

	await clustered(
		db.schema
			.createTable('score_stages')
			.addColumn('organisation_id', 'text', (c) => c.notNull())
			.addColumn('visited_at', 'bigint', (c) => c.notNull())
			.addColumn('audit_id', 'text', (c) => c.notNull())
			.addColumn('stage_key', 'text', (c) => c.notNull())
			.addColumn('location_id', 'text', (c) => c.notNull())
			.addColumn('location_kind', 'text', (c) => c.notNull())
			.addColumn('region', 'text', (c) => c.notNull())
			.addColumn('brand', 'text', (c) => c.notNull())
			.addColumn('template_id', 'text', (c) => c.notNull())
			.addColumn('approved', 'integer', (c) => c.notNull())
			.addColumn('points', 'double precision', (c) => c.notNull())
			.addColumn('possible', 'double precision', (c) => c.notNull())
			.addColumn('percent', 'double precision')
			.addPrimaryKeyConstraint('score_stages_pk', [
				'organisation_id',
				'visited_at',
				'audit_id',
				'stage_key'
			])
	).execute();
	await db.schema
		.createIndex('score_stages_location')
		.on('score_stages')
		.columns(['organisation_id', 'location_id', 'visited_at', 'stage_key', 'percent', 'approved'])
		.execute();

	await clustered(
		db.schema
			.createTable('score_checkpoints')
			.addColumn('organisation_id', 'text', (c) => c.notNull())
			.addColumn('visited_at', 'bigint', (c) => c.notNull())
			.addColumn('audit_id', 'text', (c) => c.notNull())
			.addColumn('checkpoint_id', 'text', (c) => c.notNull())
			.addColumn('location_id', 'text', (c) => c.notNull())
			.addColumn('location_kind', 'text', (c) => c.notNull())
			.addColumn('approved', 'integer', (c) => c.notNull())
			.addColumn('outcome', 'text', (c) => c.notNull())
			.addColumn('points', 'double precision', (c) => c.notNull())
			.addColumn('possible', 'double precision', (c) => c.notNull())
			.addColumn('critical_failure', 'integer', (c) => c.notNull())
			.addPrimaryKeyConstraint('score_checkpoints_pk', [
				'organisation_id',
				'visited_at',
				'audit_id',
				'checkpoint_id'
			])
	).execute();

	// Per organisation, UTC day (and UTC hour), location kind and stage ('' for the audit's
	// total): how many audits and the sum of their percents, kept with every score row written or
	// removed. The organisation's benchmark and trends (no region, brand, template or location
	// filter) read whole days from here — a year is a few thousand rows at any number of audits —
	// the whole hours at a period's ends (a reader's midnight is not UTC's) from the hour sums, and
	// only what is left of an hour (zones like +05:30) from the stage rows.
	await clustered(
		db.schema
			.createTable('score_days')
			.addColumn('organisation_id', 'text', (c) => c.notNull())
			.addColumn('grain', 'bigint', (c) => c.notNull())
			.addColumn('day', 'bigint', (c) => c.notNull())
			.addColumn('location_kind', 'text', (c) => c.notNull())
			.addColumn('stage_key', 'text', (c) => c.notNull())
			.addColumn('n', 'integer', (c) => c.notNull())
			.addColumn('total', 'double precision', (c) => c.notNull())
			.addPrimaryKeyConstraint('score_days_pk', [
				'organisation_id',
				'grain',
				'day',
				'location_kind',
				'stage_key'
			])
	).execute();

	await backfillScoreRows(db as unknown as Db, { batchSize: 500 });
}
