import type { SessionUser } from '$lib/contract/auth';
import type { Db } from '../db/connect';
import { createSession, deleteSession, extendSession, findValidSession } from '../repos/sessions';
import { isWellFormedToken, newSessionToken, sessionIdOf } from './session-token';

/** Sessions last 30 days from their last renewal. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** A session as the request sees it. `renewed`: the expiry moved, so the cookie must be re-sent. */
export interface AuthenticatedSession {
	user: SessionUser;
	sessionId: string;
	expiresAt: number;
	renewed: boolean;
}

/** Starts a session for a user; returns the token for the cookie (its hash is what is stored). */
export async function startSession(
	db: Db,
	userId: string,
	now: number
): Promise<{ token: string; sessionId: string; expiresAt: number }> {
	const token = newSessionToken();
	const sessionId = sessionIdOf(token);
	const expiresAt = now + SESSION_TTL_MS;
	await createSession(db, { id: sessionId, userId, createdAt: now, expiresAt });
	return { token, sessionId, expiresAt };
}

/**
 * The session a cookie token stands for, or null when the token is malformed, unknown or
 * expired. Sliding expiry: with less than half the lifetime left, the session is extended.
 */
export async function authenticate(
	db: Db,
	token: string,
	now: number
): Promise<AuthenticatedSession | null> {
	if (!isWellFormedToken(token)) return null;
	const sessionId = sessionIdOf(token);
	const found = await findValidSession(db, sessionId, now);
	if (!found) return null;
	let expiresAt = found.session.expiresAt;
	const renewed = expiresAt - now < SESSION_TTL_MS / 2;
	if (renewed) {
		expiresAt = now + SESSION_TTL_MS;
		await extendSession(db, sessionId, expiresAt);
	}
	return { user: found.user, sessionId, expiresAt, renewed };
}

/** Ends one session: its row is deleted, so the token is worthless even if it was copied. */
export async function signOut(db: Db, sessionId: string): Promise<void> {
	await deleteSession(db, sessionId);
}
