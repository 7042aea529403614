import * as v from 'valibot';
import { ApiErrorSchema } from '$lib/contract/sync';

/**
 * Why an API request failed:
 * - `offline`: the request never got an HTTP response (fetch threw); it may or may not have
 *   reached the server.
 * - `timeout`: no complete response in time (or HTTP 408).
 * - `unauthenticated` (401): the session is missing or expired; sign in again.
 * - `forbidden` (403), `not_found` (404), `conflict` (409, 412), `invalid` (400, 422 and other
 *   4xx), `too_large` (413), `rate_limited` (429), `server` (5xx).
 * - `bad_response`: a 2xx whose body is not what the contract says (a proxy, a captive portal,
 *   a server bug).
 */
export type ApiErrorReason =
	| 'offline'
	| 'timeout'
	| 'unauthenticated'
	| 'forbidden'
	| 'not_found'
	| 'conflict'
	| 'invalid'
	| 'too_large'
	| 'rate_limited'
	| 'server'
	| 'bad_response';

// bad_response is retried: a garbled 2xx says nothing about whether the request was wrong.
const RETRYABLE: ReadonlySet<ApiErrorReason> = new Set([
	'offline',
	'timeout',
	'rate_limited',
	'server',
	'bad_response'
]);

/** Whether a failure with `reason` (an ApiErrorReason or any other code) may pass on a retry. */
export function isRetryableReason(reason: string): boolean {
	return RETRYABLE.has(reason as ApiErrorReason);
}

/** The only error the API client throws. */
export class ApiRequestError extends Error {
	readonly reason: ApiErrorReason;
	/** HTTP status, or null when no response arrived. */
	readonly status: number | null;
	/** The server's stable error code (`error` of the body), or null. */
	readonly code: string | null;
	readonly details: unknown;
	/** Whether sending the same request again later may succeed. */
	readonly retryable: boolean;

	constructor(
		reason: ApiErrorReason,
		message: string,
		init: { status?: number | null; code?: string | null; details?: unknown; cause?: unknown } = {}
	) {
		super(message, { cause: init.cause });
		this.name = 'ApiRequestError';
		this.reason = reason;
		this.status = init.status ?? null;
		this.code = init.code ?? null;
		this.details = init.details;
		this.retryable = RETRYABLE.has(reason);
	}
}

/** The reason for an HTTP error status (anything outside 2xx). */
export function reasonForStatus(status: number): ApiErrorReason {
	if (status >= 500) return 'server';
	switch (status) {
		case 401:
			return 'unauthenticated';
		case 403:
			return 'forbidden';
		case 404:
			return 'not_found';
		case 408:
			return 'timeout';
		case 409:
		case 412:
			return 'conflict';
		case 413:
			return 'too_large';
		case 429:
			return 'rate_limited';
		default:
			return 'invalid';
	}
}

/** An ApiRequestError for an error response, with the server's code when the body has one. */
export async function errorFromResponse(response: Response): Promise<ApiRequestError> {
	const reason = reasonForStatus(response.status);
	let body: unknown = null;
	try {
		body = JSON.parse(await response.text());
	} catch {
		// Not JSON (a proxy's HTML page): the status alone decides.
	}
	const parsed = v.safeParse(ApiErrorSchema, body);
	const message = parsed.success
		? parsed.output.message
		: `HTTP ${response.status} ${response.statusText}`.trim();
	return new ApiRequestError(reason, message, {
		status: response.status,
		code: parsed.success ? parsed.output.error : null,
		details: parsed.success ? parsed.output.details : undefined
	});
}
