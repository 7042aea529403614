import { redirect } from '@sveltejs/kit';
import { getServerContext } from '$lib/server/context';
import { officeActionFailure, officeLoad } from '$lib/server/http/office-error';
import { requestTimeZone } from '$lib/server/office/request-locale';
import { requireOfficeUser } from '$lib/server/office/require-office-user';
import { waveFromForm } from '$lib/server/office/visit-forms';
import { listLocationPage } from '$lib/server/services/locations';
import { planningChoices, planWave } from '$lib/server/services/visits';
import { requireReviewWork } from '$lib/server/services/audit-access';
import type { Actions, PageServerLoad } from './$types';

/** A wave: one template version over many stores (found by search), a shopper per store. */
export const load: PageServerLoad = (event) =>
	officeLoad(async () => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		const params = event.url.searchParams;
		const kind = params.get('kind');
		const filters = {
			q: params.get('q') ?? '',
			kind: (kind === 'own' || kind === 'competitor' ? kind : '') as 'own' | 'competitor' | ''
		};
		const [choices, locations] = await Promise.all([
			planningChoices(ctx, user),
			listLocationPage(ctx, user, { q: filters.q, kind: filters.kind || null, limit: 100 })
		]);
		return {
			choices,
			filters,
			locations: locations.items,
			more: locations.nextCursor !== null,
			timeZone: requestTimeZone(event.url, event.cookies)
		};
	});

/** Plans every chosen visit in one transaction, over the same service as `POST /api/visits/wave`. */
export const actions: Actions = {
	default: async (event) => {
		const user = requireOfficeUser(event);
		let count: number;
		try {
			requireReviewWork(user);
			const zone = requestTimeZone(event.url, event.cookies);
			const input = waveFromForm(await event.request.formData(), zone);
			count = (await planWave(await getServerContext(), user, input, Date.now())).visits.length;
		} catch (caught) {
			return officeActionFailure(caught, 'wave');
		}
		redirect(303, `/office/visits?planned=${count}`);
	}
};
