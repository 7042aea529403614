import type { Db } from '../db/connect';

/** A one-time sign-in link as stored: `id` is the SHA-256 of the token, never the token. */
export interface SignInLinkRecord {
	id: string;
	organisationId: string;
	userId: string;
	createdBy: string;
	createdAt: number;
	expiresAt: number;
	usedAt: number | null;
}

/** Stores a link (its hash). */
export async function insertSignInLink(db: Db, link: SignInLinkRecord): Promise<void> {
	await db
		.insertInto('sign_in_links')
		.values({
			id: link.id,
			organisation_id: link.organisationId,
			user_id: link.userId,
			created_by: link.createdBy,
			created_at: link.createdAt,
			expires_at: link.expiresAt,
			used_at: link.usedAt
		})
		.execute();
}

/** The link with this hash that is unused and unexpired at `now`, or undefined. */
export async function findUsableSignInLink(
	db: Db,
	id: string,
	now: number
): Promise<SignInLinkRecord | undefined> {
	const row = await db
		.selectFrom('sign_in_links')
		.selectAll()
		.where('id', '=', id)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now)
		.executeTakeFirst();
	return (
		row && {
			id: row.id,
			organisationId: row.organisation_id,
			userId: row.user_id,
			createdBy: row.created_by,
			createdAt: Number(row.created_at),
			expiresAt: Number(row.expires_at),
			usedAt: null
		}
	);
}

/**
 * Marks the link used if it still is usable at `now`: one conditional update, so of two uses at
 * once exactly one wins. True for the winner.
 */
export async function consumeSignInLink(db: Db, id: string, now: number): Promise<boolean> {
	const result = await db
		.updateTable('sign_in_links')
		.set({ used_at: now })
		.where('id', '=', id)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Voids every unused link of a user (a new link, a deactivation). */
export async function voidSignInLinksOfUser(db: Db, userId: string, now: number): Promise<void> {
	await db
		.updateTable('sign_in_links')
		.set({ used_at: now })
		.where('user_id', '=', userId)
		.where('used_at', 'is', null)
		.execute();
}
