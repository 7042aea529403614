import { randomUUID } from 'node:crypto';
import type { SessionUser } from '$lib/contract/auth';
import {
	COMMENT_LIBRARY_MAX,
	countLibraryComments,
	deleteLibraryComment,
	insertLibraryComment,
	listLibraryComments,
	type LibraryComment
} from '../repos/comment-library';
import { ServiceError } from '../service-error';
import { requireReviewWork } from './audit-access';
import type { ServiceContext } from './context';

/** The organisation's reusable reviewer comments, oldest first. Reviewers only. */
export async function listCommentLibrary(
	ctx: ServiceContext,
	user: SessionUser
): Promise<LibraryComment[]> {
	requireReviewWork(user);
	return listLibraryComments(ctx.db, user.organisation.id);
}

/**
 * Adds a reusable comment (already trimmed and 1–1000 characters by the contract). Reviewers
 * only; conflict `library_full` once the library holds COMMENT_LIBRARY_MAX comments.
 */
export async function addToCommentLibrary(
	ctx: ServiceContext,
	user: SessionUser,
	body: string,
	now: number
): Promise<LibraryComment> {
	requireReviewWork(user);
	if ((await countLibraryComments(ctx.db, user.organisation.id)) >= COMMENT_LIBRARY_MAX) {
		throw new ServiceError(
			'conflict',
			'library_full',
			`The comment library holds at most ${COMMENT_LIBRARY_MAX} comments; remove one first.`
		);
	}
	return insertLibraryComment(ctx.db, {
		id: randomUUID(),
		organisationId: user.organisation.id,
		body,
		createdBy: user.id,
		now
	});
}

/** Removes one of the organisation's reusable comments; not_found when it has no such comment. */
export async function removeFromCommentLibrary(
	ctx: ServiceContext,
	user: SessionUser,
	id: string
): Promise<void> {
	requireReviewWork(user);
	if (!(await deleteLibraryComment(ctx.db, user.organisation.id, id))) {
		throw new ServiceError('not_found', 'comment_not_found', 'There is no such comment.');
	}
}
