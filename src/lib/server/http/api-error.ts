import { json } from '@sveltejs/kit';

/** A failure with an HTTP status and a stable code; endpoints throw it, `toResponse` renders it. */
export class ApiFailure extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly details?: unknown,
		readonly headers?: Record<string, string>
	) {
		super(message);
		this.name = 'ApiFailure';
	}
}

/** The JSON body every API error has: `{ error, message, details? }` (contract ApiErrorSchema). */
export function apiErrorResponse(failure: ApiFailure): Response {
	return json(
		{
			error: failure.code,
			message: failure.message,
			...(failure.details === undefined ? {} : { details: failure.details })
		},
		{ status: failure.status, headers: failure.headers }
	);
}

/** Runs an endpoint body, turning an ApiFailure into its JSON response. Other errors go to handleError. */
export async function respond(run: () => Promise<Response>): Promise<Response> {
	try {
		return await run();
	} catch (error) {
		if (error instanceof ApiFailure) return apiErrorResponse(error);
		throw error;
	}
}
