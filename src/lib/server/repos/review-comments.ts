import type { Selectable } from 'kysely';
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
