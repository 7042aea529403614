import { createHash, randomBytes } from 'node:crypto';

/** A new session token: 32 random bytes, base64url (43 characters). Only the client keeps it. */
export function newSessionToken(): string {
	return randomBytes(32).toString('base64url');
}

/** The session id stored for a token: SHA-256, hex. A database leak then reveals no usable token. */
export function sessionIdOf(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** True when `token` has the shape `newSessionToken` makes; anything else is not looked up. */
export function isWellFormedToken(token: string): boolean {
	return /^[A-Za-z0-9_-]{43}$/.test(token);
}
