import type { Selectable } from 'kysely';
import type { Db } from '../db/connect';
import type { IdempotencyKeyTable } from '../db/schema';

export type IdempotencyKeyRow = Selectable<IdempotencyKeyTable>;

/** The stored outcome of (user, key), if any. */
export async function findIdempotencyKey(
	db: Db,
	userId: string,
	key: string
): Promise<IdempotencyKeyRow | undefined> {
	return db
		.selectFrom('idempotency_keys')
		.selectAll()
		.where('user_id', '=', userId)
		.where('key', '=', key)
		.executeTakeFirst();
}

/**
 * Stores an outcome unless (user, key) is already taken; returns whether this call stored it.
 * On PostgreSQL a concurrent insert of the same key waits for the other transaction.
 */
export async function insertIdempotencyKey(db: Db, row: IdempotencyKeyRow): Promise<boolean> {
	const inserted = await db
		.insertInto('idempotency_keys')
		.values(row)
		.onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
		.returning('key')
		.executeTakeFirst();
	return inserted !== undefined;
}
