import type { SessionUser } from '$lib/contract/auth';
import type { Db } from '../db/connect';

/** A session row; `id` is the SHA-256 (hex) of the cookie's token, never the token itself. */
export interface SessionRecord {
	id: string;
	userId: string;
	createdAt: number;
	expiresAt: number;
}

/** Inserts a session. */
export async function createSession(db: Db, session: SessionRecord): Promise<void> {
	await db
		.insertInto('sessions')
		.values({
			id: session.id,
			user_id: session.userId,
			created_at: session.createdAt,
			expires_at: session.expiresAt
		})
		.execute();
}

/**
 * The session with this id that has not expired at `now`, with its user and organisation in one
 * query; undefined when there is none.
 */
export async function findValidSession(
	db: Db,
	id: string,
	now: number
): Promise<{ session: SessionRecord; user: SessionUser } | undefined> {
	const row = await db
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.user_id')
		.innerJoin('organisations', 'organisations.id', 'users.organisation_id')
		.select([
			'sessions.id as session_id',
			'sessions.created_at',
			'sessions.expires_at',
			'users.id as user_id',
			'users.email',
			'users.display_name',
			'users.pseudonym',
			'users.role',
			'users.field_work',
			'organisations.id as organisation_id',
			'organisations.name as organisation_name'
		])
		.where('sessions.id', '=', id)
		.where('sessions.expires_at', '>', now)
		// A deactivated member's sessions are deleted too; this refuses one in a race with that.
		.where('users.deactivated_at', 'is', null)
		.executeTakeFirst();
	if (!row) return undefined;
	return {
		session: {
			id: row.session_id,
			userId: row.user_id,
			createdAt: Number(row.created_at),
			expiresAt: Number(row.expires_at)
		},
		user: {
			id: row.user_id,
			email: row.email,
			displayName: row.display_name,
			pseudonym: row.pseudonym,
			role: row.role,
			fieldWork: Number(row.field_work) === 1,
			organisation: { id: row.organisation_id, name: row.organisation_name }
		}
	};
}

/** Moves a session's expiry (sliding expiry). */
export async function extendSession(db: Db, id: string, expiresAt: number): Promise<void> {
	await db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute();
}

/** Deletes one session (sign-out). */
export async function deleteSession(db: Db, id: string): Promise<void> {
	await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Deletes every session expired at `now`; returns how many. */
export async function deleteExpiredSessions(db: Db, now: number): Promise<number> {
	const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
	return Number(result.numDeletedRows);
}

/** Deletes every session of a user (deactivation, password reset), except `keep` when given. */
export async function deleteSessionsOfUser(
	db: Db,
	userId: string,
	keep: string | null = null
): Promise<number> {
	let query = db.deleteFrom('sessions').where('user_id', '=', userId);
	if (keep !== null) query = query.where('id', '!=', keep);
	const result = await query.executeTakeFirst();
	return Number(result.numDeletedRows);
}
