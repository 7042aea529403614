import type { Cookies } from '@sveltejs/kit';
import {
	isTimeZone,
	isUiLocale,
	LOCALE_COOKIE,
	negotiateLocale,
	TIME_ZONE_COOKIE,
	type UiLocale
} from '$lib/i18n/i18n.svelte';

/** The languages of an `Accept-Language` header, most preferred first (`q` honoured). */
export function acceptedLanguages(header: string | null): string[] {
	if (!header) return [];
	return header
		.split(',')
		.map((part, index) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const weight = q ? Number(q.slice(2)) : 1;
			return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
		})
		.filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.weight > 0)
		.sort((a, b) => b.weight - a.weight || a.index - b.index)
		.map((entry) => entry.tag);
}

/** The language this request is rendered in: the picker's cookie, else `Accept-Language`. */
export function requestLocale(cookies: Cookies, request: Request): UiLocale {
	const chosen = cookies.get(LOCALE_COOKIE);
	if (isUiLocale(chosen)) return chosen;
	return negotiateLocale(acceptedLanguages(request.headers.get('accept-language')));
}

/**
 * The time zone the office shows times and counts calendar days in. The server cannot know the
 * reader's zone, so the browser tells it: a `tz` field of the filter form (filled by a script),
 * else the cookie the office layout sets from `Intl` once JavaScript runs, else UTC — which is
 * what a browser without JavaScript gets, and the page says so next to the date filter.
 */
export function requestTimeZone(url: URL, cookies: Cookies): string {
	const fromForm = url.searchParams.get('tz');
	if (isTimeZone(fromForm)) return fromForm;
	const fromCookie = cookies.get(TIME_ZONE_COOKIE);
	return isTimeZone(fromCookie) ? fromCookie : 'UTC';
}
