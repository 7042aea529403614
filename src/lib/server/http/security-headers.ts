import type { Handle } from '@sveltejs/kit';
import { isApiPath } from './api-guard';

/**
 * Headers every response carries. The production server (src/lib/server/node/production-server.js)
 * sets the same on what SvelteKit never sees (static files, the prerendered shell).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'strict-origin-when-cross-origin',
	// The camera for photos and, later, geolocation for the presence check: this origin only.
	'permissions-policy': 'camera=(self), geolocation=(self), microphone=(), payment=(), usb=()'
};

/** The CSP of answers that are not pages (SvelteKit writes the pages' own, from kit.csp). */
const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'";

// Photos are immutable per id and private; report PDFs revalidate (see their endpoints).
const KEEPS_OWN_CACHING = [
	/^\/api\/photos\/[^/]+$/,
	/^\/api\/audits\/[^/]+\/photos\/[^/]+$/,
	/^\/api\/audits\/[^/]+\/report$/,
	/^\/api\/audits\/[^/]+\/reports\/[^/]+$/
];

/**
 * The `Cache-Control` an API answer must have: `no-store` for every personal answer (all of
 * `/api`, errors included), except a successful photo or report download, which keeps its own
 * (`private, max-age=…, immutable` and `private, no-cache`). Null outside `/api`.
 */
export function apiCacheControl(pathname: string, response: Response): string | null {
	if (!isApiPath(pathname)) return null;
	const own = response.headers.get('cache-control');
	const ok = response.status < 300 || response.status === 304;
	if (own && ok && KEEPS_OWN_CACHING.some((pattern) => pattern.test(pathname))) return own;
	return 'no-store';
}

/** A copy of `response` whose headers can be changed (fetched responses' headers are immutable). */
function mutable(response: Response): Response {
	try {
		response.headers.set('x-content-type-options', 'nosniff');
		return response;
	} catch {
		return new Response(response.body, response);
	}
}

/** Adds the security headers (and the API's caching rule) to a response for `pathname`. */
export function withSecurityHeaders(pathname: string, given: Response): Response {
	const response = mutable(given);
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
	if (!response.headers.has('content-security-policy')) {
		response.headers.set('content-security-policy', NON_PAGE_CSP);
	}
	const cache = apiCacheControl(pathname, response);
	if (cache) response.headers.set('cache-control', cache);
	return response;
}

/** The `handle` step adding the security headers to every response SvelteKit makes. */
export const securityHeadersHandle: Handle = async ({ event, resolve }) =>
	withSecurityHeaders(event.url.pathname, await resolve(event));
