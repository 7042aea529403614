import { SERVER_AUDIT_STATES, type ServerAuditState } from '$lib/contract/sync';
import { dayRangeBounds, type DayRangeResult } from '$lib/domain/day-range';

/** The inbox's filters as the page address carries them (`?state=&kind=&template=&from=&to=`). */
export interface InboxFilters {
	state: ServerAuditState | '';
	kind: 'own' | 'competitor' | '';
	template: string;
	/** First day received, `YYYY-MM-DD` in the reader's time zone; '' for no limit. */
	from: string;
	/** Last day received (inclusive), like `from`. */
	to: string;
}

const NAMES = ['state', 'kind', 'template', 'from', 'to'] as const;

/** The ids the list accepts as a template filter. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/**
 * The filters of a page address. Values that cannot be a filter are dropped, except a day that
 * looks like one but does not exist (`2025-02-30`): it is kept so the page can say what is wrong.
 */
export function filtersFromSearch(params: URLSearchParams): InboxFilters {
	const state = params.get('state') ?? '';
	const kind = params.get('kind') ?? '';
	const template = params.get('template') ?? '';
	const day = (name: string) => {
		const value = params.get(name) ?? '';
		return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
	};
	return {
		state: (SERVER_AUDIT_STATES as readonly string[]).includes(state)
			? (state as ServerAuditState)
			: '',
		kind: kind === 'own' || kind === 'competitor' ? kind : '',
		template: ID.test(template) ? template : '',
		from: day('from'),
		to: day('to')
	};
}

/** The received-time bounds of the filters' days in `timeZone`, or why they cannot be searched. */
export function receivedBounds(filters: InboxFilters, timeZone: string): DayRangeResult {
	return dayRangeBounds(filters.from, filters.to, timeZone);
}

/**
 * The inbox's query string (with `?`, or '' for none) for these filters and `extra` (a cursor,
 * the time zone); empty values are left out.
 */
export function inboxQuery(
	filters: InboxFilters,
	extra: Record<string, string | null> = {}
): string {
	const params = new URLSearchParams();
	for (const name of NAMES) if (filters[name]) params.set(name, filters[name]);
	for (const [name, value] of Object.entries(extra)) if (value) params.set(name, value);
	const query = params.toString();
	return query ? `?${query}` : '';
}
