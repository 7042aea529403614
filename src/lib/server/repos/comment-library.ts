import type { Db } from '../db/connect';

/** A reusable reviewer comment. */
export interface LibraryComment {
	id: string;
	body: string;
	createdAt: number;
}

/** The most a library holds: it is a short list to pick from, not an archive. */
export const COMMENT_LIBRARY_MAX = 200;

/** An organisation's reusable comments, oldest first. */
export async function listLibraryComments(
	db: Db,
	organisationId: string
): Promise<LibraryComment[]> {
	const rows = await db
		.selectFrom('comment_library')
		.select(['id', 'body', 'created_at'])
		.where('organisation_id', '=', organisationId)
		.orderBy('created_at')
		.orderBy('id')
		.limit(COMMENT_LIBRARY_MAX)
		.execute();
	return rows.map((row) => ({ id: row.id, body: row.body, createdAt: Number(row.created_at) }));
}

/** How many comments the organisation's library holds. */
export async function countLibraryComments(db: Db, organisationId: string): Promise<number> {
	const row = await db
		.selectFrom('comment_library')
		.select((eb) => eb.fn.countAll().as('count'))
		.where('organisation_id', '=', organisationId)
		.executeTakeFirst();
	return Number(row?.count ?? 0);
}

/** Adds a comment to the library. */
export async function insertLibraryComment(
	db: Db,
	row: { id: string; organisationId: string; body: string; createdBy: string; now: number }
): Promise<LibraryComment> {
	await db
		.insertInto('comment_library')
		.values({
			id: row.id,
			organisation_id: row.organisationId,
			body: row.body,
			created_by: row.createdBy,
			created_at: row.now
		})
		.execute();
	return { id: row.id, body: row.body, createdAt: row.now };
}

/** Removes one of the organisation's comments; whether it existed there. */
export async function deleteLibraryComment(
	db: Db,
	organisationId: string,
	id: string
): Promise<boolean> {
	const result = await db
		.deleteFrom('comment_library')
		.where('organisation_id', '=', organisationId)
		.where('id', '=', id)
		.executeTakeFirst();
	return result.numDeletedRows > 0n;
}
