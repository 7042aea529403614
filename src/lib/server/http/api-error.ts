import { json } from '@sveltejs/kit';
import { errorFields, logger } from '../log';
import { ServiceError, type ServiceErrorReason } from '../service-error';

/** The HTTP status of each service refusal: the one place a reason becomes a status. */
export const STATUS_OF_REASON: Record<ServiceErrorReason, number> = {
	bad_request: 400,
	unauthenticated: 401,
	forbidden: 403,
	not_found: 404,
	conflict: 409,
	too_large: 413,
	unsupported: 415,
	invalid: 422,
	throttled: 429
};

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

	/** The API's rendering of a service's refusal. */
	static fromServiceError(error: ServiceError): ApiFailure {
		return new ApiFailure(
			STATUS_OF_REASON[error.reason],
			error.code,
			error.message,
			error.details,
			error.headers
		);
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

/**
 * Runs an endpoint body, turning an ApiFailure or a service's refusal into its JSON response.
 * Other errors go to handleError.
 */
export async function respond(run: () => Promise<Response>): Promise<Response> {
	try {
		return await run();
	} catch (error) {
		if (error instanceof ApiFailure) {
			if (error.code === 'request_aborted') {
				logger.info('Client aborted the request body', errorFields(error.cause));
			}
			return apiErrorResponse(error);
		}
		if (error instanceof ServiceError) return apiErrorResponse(ApiFailure.fromServiceError(error));
		throw error;
	}
}
