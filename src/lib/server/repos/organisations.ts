import type { Db } from '../db/connect';

/** A tenant: nothing crosses organisations. */
export interface Organisation {
	id: string;
	name: string;
	createdAt: number;
}

/** Inserts an organisation. */
export async function createOrganisation(
	db: Db,
	organisation: Organisation
): Promise<Organisation> {
	await db
		.insertInto('organisations')
		.values({ id: organisation.id, name: organisation.name, created_at: organisation.createdAt })
		.execute();
	return organisation;
}

/** The organisation with this id, or undefined. */
export async function getOrganisation(db: Db, id: string): Promise<Organisation | undefined> {
	const row = await db
		.selectFrom('organisations')
		.select(['id', 'name', 'created_at'])
		.where('id', '=', id)
		.executeTakeFirst();
	return row && { id: row.id, name: row.name, createdAt: Number(row.created_at) };
}

/** How many organisations exist; zero means a fresh database. */
export async function countOrganisations(db: Db): Promise<number> {
	const row = await db
		.selectFrom('organisations')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.executeTakeFirstOrThrow();
	return Number(row.count);
}
