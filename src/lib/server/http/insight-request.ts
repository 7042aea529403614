import { isTimeZone } from '$lib/i18n/i18n.svelte';
import { ServiceError } from '../service-error';

/**
 * The time zone an `/api/insights/*` request counts days in: `tz` (an IANA name), else UTC.
 * An unknown zone is refused (400 invalid_time_zone) rather than silently read as UTC.
 */
export function insightTimeZone(url: URL): string {
	const tz = url.searchParams.get('tz');
	if (tz === null || tz === '') return 'UTC';
	if (!isTimeZone(tz)) {
		throw new ServiceError(
			'bad_request',
			'invalid_time_zone',
			'tz must be an IANA time zone name.'
		);
	}
	return tz;
}
