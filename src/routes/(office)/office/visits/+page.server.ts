import { VISIT_STATES, type VisitState } from '$lib/domain/visit-state';
import { getServerContext } from '$lib/server/context';
import { officeLoad } from '$lib/server/http/office-error';
import { requireOfficeUser } from '$lib/server/office/require-office-user';
import { listLocationPage } from '$lib/server/services/locations';
import { listVisitPage, planningChoices } from '$lib/server/services/visits';
import type { PageServerLoad } from './$types';

/** The organisation's visits by window start: state, location and shopper filters, keyset pages. */
export const load: PageServerLoad = (event) =>
	officeLoad(async () => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		const params = event.url.searchParams;
		const state = params.get('state') ?? '';
		const filters = {
			state: (VISIT_STATES.includes(state as VisitState) ? state : '') as VisitState | '',
			location: params.get('location') ?? '',
			shopper: params.get('shopper') ?? ''
		};
		const now = Date.now();
		const [page, choices, locations] = await Promise.all([
			listVisitPage(
				ctx,
				user,
				{
					state: filters.state || null,
					locationId: filters.location,
					shopperId: filters.shopper,
					cursor: params.get('cursor'),
					limit: 50
				},
				now
			),
			planningChoices(ctx, user),
			listLocationPage(ctx, user, { limit: 100, includeArchived: true })
		]);
		const query = (cursor: string | null) => {
			const search = new URLSearchParams();
			for (const [key, value] of Object.entries(filters)) if (value) search.set(key, value);
			if (cursor) search.set('cursor', cursor);
			const text = search.toString();
			return text ? `?${text}` : '';
		};
		return {
			filters,
			items: page.items,
			shoppers: choices.shoppers,
			locations: locations.items.map(({ id, name }) => ({ id, name })),
			nextQuery: page.nextCursor ? query(page.nextCursor) : null,
			firstQuery: params.get('cursor') ? query(null) : null,
			planned: Number(params.get('planned')) || null
		};
	});
