/**
 * Why a use case refused, independent of any transport. Only `server/http/` turns a reason into
 * an HTTP status (`/api`), and office form actions turn it into `fail()`; services never know
 * a status code.
 */
export const SERVICE_ERROR_REASONS = [
	/** The request is malformed at the door (a bad id, query or header). */
	'bad_request',
	/** Nobody is signed in. */
	'unauthenticated',
	/** Signed in, but this role or person may not do this. */
	'forbidden',
	/** It does not exist, or this user may not know that it does. */
	'not_found',
	/** It exists, but its current state forbids the change (a race, a locked audit). */
	'conflict',
	/** The body is too large. */
	'too_large',
	/** The body is of a kind the service does not take. */
	'unsupported',
	/** Well-formed but refused by the rules (validation). */
	'invalid',
	/** Too many attempts; try again later. */
	'throttled'
] as const;
export type ServiceErrorReason = (typeof SERVICE_ERROR_REASONS)[number];

/** A refusal with a reason, a stable code clients branch on, a sentence for people, and details. */
export class ServiceError extends Error {
	constructor(
		readonly reason: ServiceErrorReason,
		readonly code: string,
		message: string,
		readonly details?: unknown,
		/** Extra response facts a transport may use (say, when to retry). */
		readonly headers?: Record<string, string>
	) {
		super(message);
		this.name = 'ServiceError';
	}
}
