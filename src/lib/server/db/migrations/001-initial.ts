import type { Kysely } from 'kysely';

// Portable DDL: text ids, bigint epoch-ms times, text JSON. Works on SQLite and PostgreSQL.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('organisations')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('users')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('display_name', 'text', (c) => c.notNull())
		.addColumn('pseudonym', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('sessions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('expires_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

	await db.schema
		.createTable('sign_in_throttle')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('failures', 'integer', (c) => c.notNull())
		.addColumn('window_started_at', 'bigint', (c) => c.notNull())
		.addColumn('locked_until', 'bigint', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('locations')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('brand', 'text', (c) => c.notNull())
		.addColumn('address', 'text', (c) => c.notNull())
		.addColumn('region', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('locations_org_updated')
		.on('locations')
		.columns(['organisation_id', 'updated_at'])
		.execute();

	await db.schema
		.createTable('templates')
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
		.addColumn('id', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('definition', 'text', (c) => c.notNull())
		.addColumn('published_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('templates_pk', ['organisation_id', 'id', 'version'])
		.execute();

	await db.schema
		.createTable('assignments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
		.addColumn('template_id', 'text', (c) => c.notNull())
		.addColumn('template_version', 'integer', (c) => c.notNull())
		.addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
		.addColumn('shopper_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('window_start', 'bigint', (c) => c.notNull())
		.addColumn('window_end', 'bigint', (c) => c.notNull())
		.addColumn('brief', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('assignments_shopper_updated')
		.on('assignments')
		.columns(['shopper_id', 'updated_at'])
		.execute();

	await db.schema
		.createTable('audits')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
		.addColumn('shopper_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('assignment_id', 'text')
		.addColumn('template_id', 'text', (c) => c.notNull())
		.addColumn('template_version', 'integer', (c) => c.notNull())
		.addColumn('location_id', 'text', (c) => c.notNull())
		.addColumn('revision', 'integer', (c) => c.notNull())
		.addColumn('state', 'text', (c) => c.notNull())
		.addColumn('content', 'text', (c) => c.notNull())
		.addColumn('score', 'text', (c) => c.notNull())
		.addColumn('total_percent', 'double precision')
		.addColumn('received_at', 'bigint', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.addColumn('submitted_at', 'bigint')
		.execute();
	await db.schema
		.createIndex('audits_org_received')
		.on('audits')
		.columns(['organisation_id', 'received_at'])
		.execute();
	await db.schema.createIndex('audits_shopper').on('audits').column('shopper_id').execute();

	await db.schema
		.createTable('photos')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id').onDelete('cascade'))
		.addColumn('organisation_id', 'text', (c) => c.notNull())
		.addColumn('checkpoint_id', 'text')
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('caption', 'text', (c) => c.notNull())
		.addColumn('captured_at', 'bigint', (c) => c.notNull())
		.addColumn('sha256', 'text', (c) => c.notNull())
		.addColumn('byte_length', 'integer', (c) => c.notNull())
		.addColumn('width', 'integer', (c) => c.notNull())
		.addColumn('height', 'integer', (c) => c.notNull())
		.addColumn('stored_at', 'bigint')
		.execute();
	await db.schema.createIndex('photos_audit').on('photos').column('audit_id').execute();

	await db.schema
		.createTable('idempotency_keys')
		.addColumn('user_id', 'text', (c) => c.notNull())
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('request_hash', 'text', (c) => c.notNull())
		.addColumn('status_code', 'integer', (c) => c.notNull())
		.addColumn('response', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
		.execute();

	await db.schema
		.createTable('review_comments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id').onDelete('cascade'))
		.addColumn('organisation_id', 'text', (c) => c.notNull())
		.addColumn('checkpoint_id', 'text')
		.addColumn('author_id', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
}
