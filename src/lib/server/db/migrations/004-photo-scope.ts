import { sql, type Kysely } from 'kysely';

// Photo ids are the device's UUIDs, scoped to the organisation: the key becomes
// (organisation_id, id), so another organisation's photo id is, to this one, simply a new id —
// no 409 that tells it the id exists elsewhere. The table is rebuilt (SQLite cannot change a
// primary key in place); the rows are copied as they are.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('photos_scoped')
		.addColumn('organisation_id', 'text', (c) => c.notNull())
		.addColumn('id', 'text', (c) => c.notNull())
		.addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id').onDelete('cascade'))
		.addColumn('checkpoint_id', 'text')
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('caption', 'text', (c) => c.notNull())
		.addColumn('captured_at', 'bigint', (c) => c.notNull())
		.addColumn('sha256', 'text', (c) => c.notNull())
		.addColumn('byte_length', 'integer', (c) => c.notNull())
		.addColumn('width', 'integer', (c) => c.notNull())
		.addColumn('height', 'integer', (c) => c.notNull())
		.addColumn('stored_at', 'bigint')
		.addPrimaryKeyConstraint('photos_scoped_pk', ['organisation_id', 'id'])
		.execute();
	await sql`
		insert into photos_scoped (organisation_id, id, audit_id, checkpoint_id, kind, caption,
			captured_at, sha256, byte_length, width, height, stored_at)
		select organisation_id, id, audit_id, checkpoint_id, kind, caption,
			captured_at, sha256, byte_length, width, height, stored_at
		from photos`.execute(db);
	await db.schema.dropTable('photos').execute();
	await db.schema.alterTable('photos_scoped').renameTo('photos').execute();
	await db.schema.createIndex('photos_audit').on('photos').column('audit_id').execute();
}
