import type { Kysely } from 'kysely';

// Addresses each account signed in from successfully: a correct password from one of them is
// accepted even while the account's sign-ins from unknown addresses are throttled.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('sign_in_addresses')
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('address', 'text', (c) => c.notNull())
		.addColumn('last_success_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('sign_in_addresses_pk', ['user_id', 'address'])
		.execute();
}
