import type { Kysely } from 'kysely';

// The sealed proof of visit and presence without tracking (issue 11).
// - seal_keys: each organisation's Ed25519 public keys (the private key stays in the data folder),
//   so a seal stays verifiable after a key is replaced.
// - audit_seals: one signed seal per report version, each naming the one before (a chain); looked
//   up by its verification code (unique index) and per audit by version (the primary chain index).
// - locations: the store's coordinates and presence radius, for the device's check at time-in.
// - organisations: whether presence checks are on.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('seal_keys')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organisation_id', 'text', (c) =>
			c.notNull().references('organisations.id').onDelete('cascade')
		)
		.addColumn('public_key', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('seal_keys_org')
		.on('seal_keys')
		.columns(['organisation_id', 'created_at'])
		.execute();
	await db.schema
		.createTable('audit_seals')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organisation_id', 'text', (c) =>
			c.notNull().references('organisations.id').onDelete('cascade')
		)
		.addColumn('audit_id', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('code', 'text', (c) => c.notNull())
		.addColumn('state', 'text', (c) => c.notNull())
		.addColumn('revision', 'integer', (c) => c.notNull())
		.addColumn('digest', 'text', (c) => c.notNull())
		.addColumn('previous_id', 'text')
		.addColumn('previous_hash', 'text')
		.addColumn('key_id', 'text', (c) => c.notNull().references('seal_keys.id'))
		.addColumn('signature', 'text', (c) => c.notNull())
		.addColumn('sealed_at', 'bigint', (c) => c.notNull())
		.addColumn('report_sha256', 'text')
		.addUniqueConstraint('audit_seals_audit_version', ['audit_id', 'version'])
		.execute();
	await db.schema
		.createIndex('audit_seals_code')
		.unique()
		.on('audit_seals')
		.column('code')
		.execute();
	await db.schema.alterTable('locations').addColumn('latitude', 'double precision').execute();
	await db.schema.alterTable('locations').addColumn('longitude', 'double precision').execute();
	await db.schema.alterTable('locations').addColumn('presence_radius_m', 'integer').execute();
	// The office's page of store positions is keyset-paginated by id within the organisation.
	await db.schema
		.createIndex('locations_org_id')
		.on('locations')
		.columns(['organisation_id', 'id'])
		.execute();
	await db.schema
		.alterTable('organisations')
		.addColumn('presence_check', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
}
