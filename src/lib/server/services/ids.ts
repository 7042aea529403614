import { ServiceError } from '../service-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUID (any version, either case), the form of every device-made id. */
export function isUuid(value: string): boolean {
	return UUID.test(value);
}

/** `value` when it is a UUID; otherwise a 400 `invalid_id` (so no other string reaches a path). */
export function requireUuid(value: string, what: string): string {
	if (!isUuid(value))
		throw new ServiceError('bad_request', 'invalid_id', `The ${what} id is not a UUID.`);
	return value;
}
