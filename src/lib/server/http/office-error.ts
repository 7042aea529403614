import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { ServiceError } from '../service-error';
import { STATUS_OF_REASON } from './api-error';

/**
 * Office loads: a service's refusal becomes SvelteKit's `error()` with the same status `/api`
 * gives it (not_found → 404, forbidden → 403, …), rendered by the office's error page. Anything
 * else is rethrown for `handleError`.
 */
export function throwOfficeError(caught: unknown): never {
	if (caught instanceof ServiceError) {
		error(STATUS_OF_REASON[caught.reason], { message: caught.message, code: caught.code });
	}
	throw caught;
}

/** Runs a load body, turning a service's refusal into an error page (see `throwOfficeError`). */
export async function officeLoad<T>(run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (caught) {
		throwOfficeError(caught);
	}
}

/** What a refused office form action tells its page. */
export interface OfficeActionRefusal {
	/** Which form was refused, when a page has several. */
	action: string | null;
	code: string;
	message: string;
	/** The service's details (e.g. a review conflict's current state), JSON-safe. */
	details: Record<string, unknown> | null;
}

/** The `fail()` an office form action answers a service's refusal with; others are rethrown. */
export function officeActionFailure(
	caught: unknown,
	action: string | null = null
): ActionFailure<OfficeActionRefusal> {
	if (caught instanceof ServiceError) {
		const details =
			caught.details !== null && typeof caught.details === 'object'
				? (caught.details as Record<string, unknown>)
				: null;
		return fail(STATUS_OF_REASON[caught.reason], {
			action,
			code: caught.code,
			message: caught.message,
			details
		});
	}
	throw caught;
}
