import type { Handle } from '@sveltejs/kit';
import type { Db } from '../db/connect';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-cookie';
import { authenticate } from './sessions';

/**
 * The `handle` step that turns the session cookie into `locals.user` and `locals.sessionId`
 * (null when absent, unknown or expired — a stale cookie is then cleared) and re-sends the cookie
 * when sliding expiry extended the session. `now` is injectable for tests.
 */
export function createSessionHandle(
	getDb: () => Promise<Db>,
	now: () => number = Date.now
): Handle {
	return async ({ event, resolve }) => {
		event.locals.user = null;
		event.locals.sessionId = null;
		// Hashed build assets never need the user; skipping them saves a query per file.
		const token = event.url.pathname.startsWith('/_app/') ? undefined : readSessionCookie(event);
		if (token) {
			const at = now();
			const session = await authenticate(await getDb(), token, at);
			if (session) {
				event.locals.user = session.user;
				event.locals.sessionId = session.sessionId;
				if (session.renewed) setSessionCookie(event, token, session.expiresAt, at);
			} else {
				clearSessionCookie(event);
			}
		}
		return resolve(event);
	};
}
