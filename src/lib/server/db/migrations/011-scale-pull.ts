import type { Kysely } from 'kysely';

// Pull at scale: a shopper's audits changed since a cursor (the pull's review states) are one
// range of (shopper_id, updated_at) instead of every audit the shopper ever sent. The export needs
// no index of its own: it pages the inbox's order through the inbox's indexes (007).
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createIndex('audits_shopper_updated')
		.on('audits')
		.columns(['shopper_id', 'updated_at'])
		.execute();
}
