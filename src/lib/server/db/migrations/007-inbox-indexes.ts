import type { Kysely } from 'kysely';

// The inbox pages newest received first, by (received_at, id), with or without a state or
// template filter: an index per order it is read in, each ending in the keyset's tie-breaker, so
// a deep page is one index range instead of a scan past every newer row.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createIndex('audits_org_received_id')
		.on('audits')
		.columns(['organisation_id', 'received_at', 'id'])
		.execute();
	await db.schema.dropIndex('audits_org_received').execute();
	await db.schema
		.createIndex('audits_org_state_received')
		.on('audits')
		.columns(['organisation_id', 'state', 'received_at', 'id'])
		.execute();
	await db.schema
		.createIndex('audits_org_template_received')
		.on('audits')
		.columns(['organisation_id', 'template_id', 'received_at', 'id'])
		.execute();
}
