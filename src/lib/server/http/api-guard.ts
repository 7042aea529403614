import type { Handle } from '@sveltejs/kit';
import type { SessionUser } from '$lib/contract/auth';
import { API, MAX_JSON_BODY_BYTES, MAX_PHOTO_UPLOAD_BYTES } from '$lib/contract/api-paths';
import { ApiFailure, apiErrorResponse } from './api-error';
import { normaliseApiError } from './normalise-api-error';

/** Paths served without a session: signing in, and signing out (which must work once expired). */
const PUBLIC_PATHS: ReadonlySet<string> = new Set([API.signIn, API.signOut]);

const PHOTO_UPLOAD = /^\/api\/audits\/[^/]+\/photos\/[^/]+$/;

/** True for the API's paths. */
export function isApiPath(pathname: string): boolean {
	return pathname === '/api' || pathname.startsWith('/api/');
}

function hasBody(request: Request): boolean {
	const length = request.headers.get('content-length');
	if (length !== null && Number(length) === 0) return false;
	return request.body !== null || length !== null || request.headers.has('transfer-encoding');
}

function mediaType(request: Request): string {
	return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * The failure an API request must be refused with before any endpoint runs, or null to let it
 * through. In order: a non-GET/HEAD request from another origin (403 `bad_origin`); no session
 * outside sign-in/sign-out (401); a body of a type not on the allow-list (415) or larger than its
 * limit (413). Endpoints still check the session and role themselves.
 */
export function checkApiRequest(
	request: Request,
	url: URL,
	user: SessionUser | null
): ApiFailure | null {
	const method = request.method.toUpperCase();
	if (method !== 'GET' && method !== 'HEAD') {
		const origin = request.headers.get('origin');
		const sameOrigin =
			origin === null
				? request.headers.get('sec-fetch-site') === 'same-origin'
				: origin === url.origin;
		if (!sameOrigin) {
			return new ApiFailure(403, 'bad_origin', 'Cross-origin requests to the API are refused.');
		}
	}
	if (!user && !PUBLIC_PATHS.has(url.pathname)) {
		return new ApiFailure(401, 'unauthenticated', 'Sign in to continue.');
	}
	if (!hasBody(request)) return null;
	const photo = method === 'PUT' && PHOTO_UPLOAD.test(url.pathname);
	const type = mediaType(request);
	const allowed = photo ? 'image/jpeg' : 'application/json';
	if (type !== allowed) {
		return new ApiFailure(415, 'unsupported_media_type', `Send ${allowed} to this endpoint.`);
	}
	const limit = photo ? MAX_PHOTO_UPLOAD_BYTES : MAX_JSON_BODY_BYTES;
	if (Number(request.headers.get('content-length') ?? 0) > limit) {
		return new ApiFailure(413, 'payload_too_large', `The body is larger than ${limit} bytes.`);
	}
	return null;
}

/**
 * The `handle` step guarding `/api/*` (after the session step has set `locals.user`): refuses
 * with `checkApiRequest`'s failure, and turns any non-JSON error into the API's error shape.
 */
export const apiGuardHandle: Handle = async ({ event, resolve }) => {
	if (!isApiPath(event.url.pathname)) return resolve(event);
	const failure = checkApiRequest(event.request, event.url, event.locals.user);
	if (failure) {
		await discardBody(event.request);
		return apiErrorResponse(failure);
	}
	return normaliseApiError(await resolve(event));
};

/** Bodies up to this size are read and thrown away before a refusal; larger ones close the connection. */
const DISCARD_LIMIT = 32 * 1024 * 1024;

/**
 * Reads and drops a refused request's body, so the client receives the error response instead
 * of a reset connection (cancelling an unread body stream destroys the socket mid-upload).
 */
async function discardBody(request: Request): Promise<void> {
	if (!request.body || request.bodyUsed) return;
	const reader = request.body.getReader();
	let seen = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			seen += value.byteLength;
			if (seen > DISCARD_LIMIT) {
				await reader.cancel();
				return;
			}
		}
	} catch {
		// The client went away; there is nobody left to answer.
	}
}
