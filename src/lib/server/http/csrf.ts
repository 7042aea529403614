import type { Handle } from '@sveltejs/kit';
import { text } from '@sveltejs/kit';
import { isApiPath } from './api-guard';

const FORM_TYPES = new Set([
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain'
]);
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** True for a request a cross-site form could send: an unsafe method with a form content type. */
export function isFormSubmission(request: Request): boolean {
	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	return UNSAFE.has(request.method.toUpperCase()) && FORM_TYPES.has(type);
}

/**
 * SvelteKit's own CSRF check, done here instead (kit.csrf trusts every origin in
 * svelte.config.js) so that a refusal under `/api` is the API's JSON error: a form submission
 * whose `Origin` is not the app's is refused with 403 — `/api` requests are left to the API
 * guard, which refuses every cross-origin write with `bad_origin`; the office's form actions and
 * other pages get the same text answer SvelteKit gives.
 */
export const csrfHandle: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	if (isApiPath(url.pathname) || !isFormSubmission(request)) return resolve(event);
	if (request.headers.get('origin') === url.origin) return resolve(event);
	return text(`Cross-site ${request.method} form submissions are forbidden`, { status: 403 });
};
