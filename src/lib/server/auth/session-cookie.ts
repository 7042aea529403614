import type { Cookies } from '@sveltejs/kit';

/** The cookie carrying the session token. */
export const SESSION_COOKIE = 'shopwalk_session';

type CookieEvent = { cookies: Cookies; url: URL };

function attributes(url: URL) {
	// Kit would default `secure` to true except on localhost; plain-http LAN installs need false.
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: url.protocol === 'https:'
	};
}

/** The session token from the request's cookie, or undefined. */
export function readSessionCookie(event: CookieEvent): string | undefined {
	return event.cookies.get(SESSION_COOKIE);
}

/** Sets the session cookie (httpOnly, SameSite=Lax, Secure on https) to expire with the session. */
export function setSessionCookie(
	event: CookieEvent,
	token: string,
	expiresAt: number,
	now: number
): void {
	event.cookies.set(SESSION_COOKIE, token, {
		...attributes(event.url),
		maxAge: Math.max(0, Math.floor((expiresAt - now) / 1000))
	});
}

/** Removes the session cookie from the browser. */
export function clearSessionCookie(event: CookieEvent): void {
	event.cookies.delete(SESSION_COOKIE, attributes(event.url));
}
