import type { Cookies } from '@sveltejs/kit';
import type { SessionUser } from '$lib/contract/auth';
import { isUiLocale } from '$lib/i18n/locales';
import { filtersFromSearch, receivedBounds } from '../office/inbox-filters';
import { requestLocale, requestTimeZone } from '../office/request-locale';
import { getServerContext } from '../context';
import {
	openExport,
	type ExportDataset,
	type ExportFormat,
	type ExportQuery
} from '../services/audit-export';
import { ApiFailure } from './api-error';

const EPOCH_MS = /^\d{1,15}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/**
 * The export's filters from a request's address, the inbox's own (`state`, `kind`, `template`,
 * `from`/`to` days counted in `tz`) plus `location`, `receivedFrom`/`receivedBefore` (epoch ms)
 * for API clients, and `lang` (else the office's language). 400 invalid_query for a value that
 * cannot be a filter: an export never silently widens to more than was asked for.
 */
export function exportQueryOf(url: URL, cookies: Cookies, request: Request): ExportQuery {
	const params = url.searchParams;
	const filters = filtersFromSearch(params);
	const refuse = (message: string) => new ApiFailure(400, 'invalid_query', message);
	for (const name of ['state', 'kind', 'template', 'from', 'to'] as const) {
		const given = params.get(name);
		if (given !== null && given !== '' && filters[name] !== given) {
			throw refuse(`${name} is not a filter value this export knows.`);
		}
	}
	const timeZone = requestTimeZone(url, cookies);
	const range = receivedBounds(filters, timeZone);
	if (!range.ok) throw refuse(`The days from/to are not a span (${range.problem}).`);
	const ms = (name: string) => {
		const value = params.get(name);
		if (value === null || value === '') return undefined;
		if (!EPOCH_MS.test(value)) throw refuse(`${name} must be a time in epoch milliseconds.`);
		return Number(value);
	};
	const location = params.get('location');
	if (location !== null && location !== '' && !ID.test(location)) {
		throw refuse('location is not an id.');
	}
	const lang = params.get('lang');
	if (lang !== null && lang !== '' && !isUiLocale(lang)) throw refuse('lang is en, da, nb or pl.');
	const receivedFrom = max(range.bounds.from, ms('receivedFrom'));
	const receivedBefore = min(range.bounds.before, ms('receivedBefore'));
	return {
		state: filters.state || undefined,
		kind: filters.kind || undefined,
		templateId: filters.template || undefined,
		locationId: location || undefined,
		receivedFrom,
		receivedBefore,
		locale: isUiLocale(lang) ? lang : requestLocale(cookies, request),
		timeZone,
		origin: url.origin
	};
}

function max(a: number | undefined, b: number | undefined): number | undefined {
	return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}
function min(a: number | undefined, b: number | undefined): number | undefined {
	return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

/** The streamed response of an export (see `openExport`), as an attachment. */
export async function exportResponse(
	user: SessionUser,
	dataset: ExportDataset,
	format: ExportFormat,
	event: { url: URL; cookies: Cookies; request: Request }
): Promise<Response> {
	const query = exportQueryOf(event.url, event.cookies, event.request);
	const opened = await openExport(await getServerContext(), user, dataset, format, query);
	return new Response(opened.body, {
		headers: {
			'content-type': opened.contentType,
			'content-disposition': `attachment; filename="${opened.filename}"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}

/** `?format=csv|ndjson` of the API's export endpoints (NDJSON when absent). */
export function exportFormatOf(url: URL): ExportFormat {
	const format = url.searchParams.get('format') ?? 'ndjson';
	if (format !== 'csv' && format !== 'ndjson') {
		throw new ApiFailure(400, 'invalid_query', 'format is csv or ndjson.');
	}
	return format;
}
