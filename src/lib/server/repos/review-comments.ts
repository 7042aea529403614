import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/connect';
import type { ReviewCommentTable } from '../db/schema';

export type ReviewCommentRow = Selectable<ReviewCommentTable>;

/** The review comments of these audits of one organisation, oldest first. */
export async function listCommentsOfAudits(
	db: Db,
	organisationId: string,
	auditIds: readonly string[]
): Promise<ReviewCommentRow[]> {
	if (auditIds.length === 0) return [];
	return db
		.selectFrom('review_comments')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.where('audit_id', 'in', auditIds)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
}

/** The next return round of an audit: one more than the highest so far (1 for the first). */
export async function nextCommentRound(db: Db, auditId: string): Promise<number> {
	const row = await db
		.selectFrom('review_comments')
		.select((eb) => eb.fn.max('round').as('round'))
		.where('audit_id', '=', auditId)
		.executeTakeFirst();
	return Number(row?.round ?? 0) + 1;
}

/** Stores a return's comments (inside the return's transaction). */
export async function insertReviewComments(
	db: Db,
	rows: readonly Insertable<ReviewCommentTable>[]
): Promise<void> {
	if (rows.length === 0) return;
	await db
		.insertInto('review_comments')
		.values([...rows])
		.execute();
}
