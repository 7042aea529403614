import { getServerContext } from '$lib/server/context';
import { officeLoad } from '$lib/server/http/office-error';
import { requireOfficeUser } from '$lib/server/office/require-office-user';
import { listLocationPage } from '$lib/server/services/locations';
import type { PageServerLoad } from './$types';

/** The organisation's locations by name: search, own/competitor, archived, keyset pages. */
export const load: PageServerLoad = (event) =>
	officeLoad(async () => {
		const user = requireOfficeUser(event);
		const params = event.url.searchParams;
		const kind = params.get('kind');
		const filters = {
			q: (params.get('q') ?? '').slice(0, 200),
			kind: (kind === 'own' || kind === 'competitor' ? kind : '') as 'own' | 'competitor' | '',
			archived: params.get('archived') === '1'
		};
		const page = await listLocationPage(await getServerContext(), user, {
			q: filters.q,
			kind: filters.kind || null,
			includeArchived: filters.archived,
			cursor: params.get('cursor'),
			limit: 50
		});
		const query = (cursor: string | null) => {
			const search = new URLSearchParams();
			if (filters.q) search.set('q', filters.q);
			if (filters.kind) search.set('kind', filters.kind);
			if (filters.archived) search.set('archived', '1');
			if (cursor) search.set('cursor', cursor);
			const text = search.toString();
			return text ? `?${text}` : '';
		};
		return {
			filters,
			items: page.items,
			nextQuery: page.nextCursor ? query(page.nextCursor) : null,
			firstQuery: params.get('cursor') ? query(null) : null,
			imported: Number(params.get('imported')) || null
		};
	});
