import { json } from '@sveltejs/kit';

const CODES: Record<number, string> = {
	400: 'bad_request',
	401: 'unauthenticated',
	403: 'forbidden',
	404: 'not_found',
	405: 'method_not_allowed',
	409: 'conflict',
	413: 'payload_too_large',
	415: 'unsupported_media_type',
	422: 'invalid_payload',
	429: 'too_many_requests'
};

const MESSAGES: Record<number, string> = {
	404: 'There is no such API endpoint.',
	405: 'This endpoint does not accept this method.'
};

function isApiErrorBody(body: unknown): body is { error: string; message: string } {
	const b = body as { error?: unknown; message?: unknown } | null;
	return typeof b?.error === 'string' && typeof b.message === 'string';
}

/**
 * Passes successes and API-shaped errors through; rewrites any other error (Kit's own 404/405,
 * an `error()` thrown by an endpoint, handleError's `{ message, code }`) as `{ error, message }`.
 */
export async function normaliseApiError(response: Response): Promise<Response> {
	if (response.status < 400) return response;
	let body: unknown = null;
	if ((response.headers.get('content-type') ?? '').includes('application/json')) {
		body = await response
			.clone()
			.json()
			.catch(() => null);
	}
	if (isApiErrorBody(body)) return response;
	const b = body as { message?: unknown; code?: unknown } | null;
	const headers = new Headers(response.headers);
	headers.delete('content-type');
	headers.delete('content-length');
	return json(
		{
			error:
				typeof b?.code === 'string'
					? b.code
					: (CODES[response.status] ?? (response.status >= 500 ? 'internal_error' : 'error')),
			message:
				typeof b?.message === 'string'
					? b.message
					: (MESSAGES[response.status] ?? (response.statusText || 'The request failed.'))
		},
		{ status: response.status, headers }
	);
}
