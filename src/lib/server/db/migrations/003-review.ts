import { sql, type Kysely } from 'kysely';

// The review loop and the office: who runs audits, report readers' locations, the audit trail,
// the reviewer comment library, review rounds on comments, and report versions that record
// exactly what they were made from.
export async function up(db: Kysely<unknown>): Promise<void> {
	// 1 when the user runs audits (shoppers always; managers who shop competitors by choice).
	await db.schema
		.alterTable('users')
		.addColumn('field_work', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await sql`update users set field_work = 1 where role = 'shopper'`.execute(db);

	// The locations a report reader (role viewer) may read; nobody else is limited by it.
	await db.schema
		.createTable('user_locations')
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
		.addPrimaryKeyConstraint('user_locations_pk', ['user_id', 'location_id'])
		.execute();

	// Who did what to an audit, when: the trail on the office audit page.
	await db.schema
		.createTable('audit_events')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
		.addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id').onDelete('cascade'))
		.addColumn('actor_id', 'text', (c) => c.references('users.id'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('revision', 'integer', (c) => c.notNull())
		.addColumn('details', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('audit_events_audit')
		.on('audit_events')
		.columns(['audit_id', 'created_at', 'id'])
		.execute();

	// Reusable reviewer comments, per organisation.
	await db.schema
		.createTable('comment_library')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('comment_library_org')
		.on('comment_library')
		.columns(['organisation_id', 'created_at', 'id'])
		.execute();

	// Which return a comment belongs to (1 for the first return, 2 for the next, …); the tablet
	// shows the latest round.
	await db.schema
		.alterTable('review_comments')
		.addColumn('round', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await db.schema
		.createIndex('review_comments_audit')
		.on('review_comments')
		.columns(['audit_id', 'created_at'])
		.execute();

	// A report version is made from exactly the revision and review state it was queued for: the
	// snapshot (content, score, photo manifest) is taken in the transaction that queues it.
	await db.schema.alterTable('report_jobs').addColumn('audit_revision', 'integer').execute();
	await db.schema.alterTable('report_jobs').addColumn('review_state', 'text').execute();
	await db.schema.alterTable('report_jobs').addColumn('snapshot', 'text').execute();

	// The review queue: an organisation's audits waiting for review, oldest hand-in first. Partial,
	// so one ordered index range serves the queue's keyset pages whatever else the table holds.
	await db.schema
		.createIndex('audits_review_queue')
		.on('audits')
		.columns(['organisation_id', 'submitted_at', 'id'])
		.where(sql<boolean>`state in ('submitted', 'resubmitted')`)
		.execute();
	// Report readers list approved audits of their locations, newest first.
	await db.schema
		.createIndex('audits_location_received')
		.on('audits')
		.columns(['organisation_id', 'location_id', 'received_at', 'id'])
		.execute();
}
