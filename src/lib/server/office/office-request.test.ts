import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { filtersFromSearch, inboxQuery, receivedBounds } from './inbox-filters';
import { acceptedLanguages, requestLocale, requestTimeZone } from './request-locale';

const cookies = (values: Record<string, string>) =>
	({ get: (name: string) => values[name] }) as unknown as Cookies;
const request = (acceptLanguage?: string) =>
	new Request('http://localhost/office', {
		headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {}
	});

describe('the language and time zone of an office request', () => {
	it('orders Accept-Language by q and drops wildcards and refusals', () => {
		expect(acceptedLanguages('en;q=0.5, da-DK, *;q=0.1, pl;q=0')).toEqual(['da-DK', 'en']);
		expect(acceptedLanguages(null)).toEqual([]);
	});

	it('takes the picker cookie first, then Accept-Language, then English', () => {
		expect(requestLocale(cookies({ shopwalk_locale: 'en' }), request('da'))).toBe('en');
		expect(requestLocale(cookies({ shopwalk_locale: 'xx' }), request('fr, da;q=0.8'))).toBe('da');
		expect(requestLocale(cookies({}), request())).toBe('en');
	});

	it('speaks all four interface languages', () => {
		expect(requestLocale(cookies({}), request('pl-PL,pl;q=0.9,en;q=0.5'))).toBe('pl');
		expect(requestLocale(cookies({}), request('nb-NO,no;q=0.9'))).toBe('nb');
		expect(requestLocale(cookies({}), request('nn-NO, en;q=0.3'))).toBe('nb');
		expect(requestLocale(cookies({}), request('fr-FR, de;q=0.9'))).toBe('en');
		expect(requestLocale(cookies({ shopwalk_locale: 'pl' }), request('da'))).toBe('pl');
		expect(requestLocale(cookies({ shopwalk_locale: 'nb' }), request('en'))).toBe('nb');
	});

	it('takes the form’s zone, then the cookie, and falls back to UTC for unknown zones', () => {
		const url = (tz?: string) => new URL(`http://localhost/office${tz ? `?tz=${tz}` : ''}`);
		expect(requestTimeZone(url('Europe/Copenhagen'), cookies({ shopwalk_tz: 'Asia/Tokyo' }))).toBe(
			'Europe/Copenhagen'
		);
		expect(requestTimeZone(url('Mars/Olympus'), cookies({ shopwalk_tz: 'Asia/Tokyo' }))).toBe(
			'Asia/Tokyo'
		);
		expect(requestTimeZone(url(), cookies({ shopwalk_tz: 'nonsense' }))).toBe('UTC');
	});
});

describe('inbox filters from the address', () => {
	it('keeps only values that can be filters, and a malformed day is dropped', () => {
		const filters = filtersFromSearch(
			new URLSearchParams(
				'state=approved&kind=mine&template=retail-store-visit&from=today&to=2025-02-30'
			)
		);
		expect(filters).toEqual({
			state: 'approved',
			kind: '',
			template: 'retail-store-visit',
			from: '',
			to: '2025-02-30'
		});
		// A day shaped right that does not exist is kept, so the page can say what is wrong.
		expect(receivedBounds(filters, 'UTC')).toEqual({ ok: false, problem: 'invalid' });
	});

	it('counts days in the reader’s zone and writes the query back without empty values', () => {
		const filters = filtersFromSearch(
			new URLSearchParams('kind=own&from=2025-10-01&to=2025-10-01')
		);
		expect(receivedBounds(filters, 'Europe/Copenhagen')).toEqual({
			ok: true,
			bounds: { from: Date.UTC(2025, 8, 30, 22), before: Date.UTC(2025, 9, 1, 22) }
		});
		expect(inboxQuery(filters, { cursor: 'abc', tz: null })).toBe(
			'?kind=own&from=2025-10-01&to=2025-10-01&cursor=abc'
		);
		expect(inboxQuery(filtersFromSearch(new URLSearchParams()))).toBe('');
	});
});
