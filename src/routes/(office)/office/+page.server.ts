import { getServerContext } from '$lib/server/context';
import { officeLoad } from '$lib/server/http/office-error';
import { filtersFromSearch, inboxQuery, receivedBounds } from '$lib/server/office/inbox-filters';
import { requestTimeZone } from '$lib/server/office/request-locale';
import { requireOfficeUser } from '$lib/server/office/require-office-user';
import { listAuditsFor } from '$lib/server/services/audit-queries';
import { listTemplateChoices } from '$lib/server/services/office-audit-page';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

/** `?limit=` (1–100) for a shorter or longer page; the default otherwise. */
function pageSize(url: URL): number {
	const limit = Number(url.searchParams.get('limit'));
	return Number.isInteger(limit) && limit >= 1 && limit <= 100 ? limit : PAGE_SIZE;
}

/**
 * The inbox: a page of received audits, newest first, narrowed by the filters in the address.
 * Days count in the reader's time zone (see `requestTimeZone`); older pages are plain links with
 * the keyset cursor, so all of it works without JavaScript.
 */
export const load: PageServerLoad = (event) =>
	officeLoad(async () => {
		const user = requireOfficeUser(event);
		const { url, cookies } = event;
		const filters = filtersFromSearch(url.searchParams);
		const timeZone = requestTimeZone(url, cookies);
		const cursor = url.searchParams.get('cursor');
		const limit = pageSize(url);
		const ctx = await getServerContext();
		const range = receivedBounds(filters, timeZone);
		const [templates, page] = await Promise.all([
			listTemplateChoices(ctx, user),
			range.ok
				? listAuditsFor(ctx, user, {
						limit,
						cursor,
						state: filters.state || undefined,
						kind: filters.kind || undefined,
						templateId: filters.template || undefined,
						receivedFrom: range.bounds.from,
						receivedBefore: range.bounds.before
					})
				: // Nothing to ask for: the page says what is wrong with the days instead.
					Promise.resolve({ items: [], nextCursor: null })
		]);
		const tz = url.searchParams.get('tz');
		const keep = { tz, limit: limit === PAGE_SIZE ? null : String(limit) };
		return {
			filters,
			timeZone,
			dateProblem: range.ok ? null : range.problem,
			templates,
			items: page.items,
			// Query strings of the inbox's own links (`?…`, or '' for the bare inbox).
			olderQuery: page.nextCursor
				? inboxQuery(filters, { ...keep, cursor: page.nextCursor })
				: null,
			newestQuery: cursor ? inboxQuery(filters, keep) : null,
			selfQuery: inboxQuery(filters, { ...keep, cursor }),
			clearDatesQuery: inboxQuery({ ...filters, from: '', to: '' }, keep),
			// The exports take the same filters, days counted in the zone the page shows.
			exportQuery: inboxQuery(filters, { tz: timeZone })
		};
	});
