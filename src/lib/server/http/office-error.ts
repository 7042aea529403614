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

/** The `fail()` an office form action answers a service's refusal with; others are rethrown. */
export function officeActionFailure(
	caught: unknown
): ActionFailure<{ code: string; message: string }> {
	if (caught instanceof ServiceError) {
		return fail(STATUS_OF_REASON[caught.reason], { code: caught.code, message: caught.message });
	}
	throw caught;
}
