import type { Kysely } from 'kysely';

// One row per report version of an audit: a new version per accepted submit or resubmit.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('report_jobs')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
		.addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id').onDelete('cascade'))
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('state', 'text', (c) => c.notNull())
		.addColumn('attempts', 'integer', (c) => c.notNull())
		.addColumn('last_error', 'text')
		.addColumn('run_after', 'bigint', (c) => c.notNull())
		.addColumn('locked_by', 'text')
		.addColumn('locked_until', 'bigint')
		.addColumn('file', 'text')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.addUniqueConstraint('report_jobs_audit_version', ['audit_id', 'version'])
		.execute();
	// The runner's claim scans by state and due time.
	await db.schema
		.createIndex('report_jobs_state_due')
		.on('report_jobs')
		.columns(['state', 'run_after'])
		.execute();
}
