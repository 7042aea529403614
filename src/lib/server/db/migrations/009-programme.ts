import { sql, type Kysely } from 'kysely';

/** The zone reports used for every store before locations had one (the demo's stores are Danish). */
export const LEGACY_TIME_ZONE = 'Europe/Copenhagen';

// The programme: locations get a time zone, an archive mark and a lower-cased search text;
// members can be deactivated; one-time sign-in links (stored hashed); indexes for the office's
// keyset lists of locations (by name), people (by email) and visits (by window start).
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.alterTable('locations')
		.addColumn('time_zone', 'text', (c) => c.notNull().defaultTo(LEGACY_TIME_ZONE))
		.execute();
	await db.schema.alterTable('locations').addColumn('archived_at', 'bigint').execute();
	await db.schema
		.alterTable('locations')
		.addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
		.execute();
	const rows = await sql<{
		id: string;
		name: string;
		brand: string;
		region: string;
	}>`select id, name, brand, region from locations`.execute(db);
	for (const row of rows.rows) {
		const text = [row.name, row.brand, row.region].join(' ').toLocaleLowerCase('en');
		await sql`update locations set search_text = ${text} where id = ${row.id}`.execute(db);
	}
	await db.schema
		.createIndex('locations_org_name_id')
		.on('locations')
		.columns(['organisation_id', 'name', 'id'])
		.execute();

	await db.schema.alterTable('users').addColumn('deactivated_at', 'bigint').execute();
	await db.schema
		.createIndex('users_org_email')
		.on('users')
		.columns(['organisation_id', 'email'])
		.execute();

	await db.schema
		.createTable('sign_in_links')
		// SHA-256 (hex) of the link's token; the token itself is never stored.
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('expires_at', 'bigint', (c) => c.notNull())
		.addColumn('used_at', 'bigint')
		.execute();
	await db.schema.createIndex('sign_in_links_user').on('sign_in_links').column('user_id').execute();

	await db.schema
		.createIndex('assignments_org_window_id')
		.on('assignments')
		.columns(['organisation_id', 'window_start', 'id'])
		.execute();
	await db.schema.createIndex('audits_assignment').on('audits').column('assignment_id').execute();
}
