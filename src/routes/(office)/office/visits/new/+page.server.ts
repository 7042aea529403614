import { redirect } from '@sveltejs/kit';
import { getServerContext } from '$lib/server/context';
import { officeActionFailure, officeLoad } from '$lib/server/http/office-error';
import { requireOfficeUser } from '$lib/server/office/require-office-user';
import { visitFromForm } from '$lib/server/office/visit-forms';
import { listLocationPage } from '$lib/server/services/locations';
import { planningChoices, planVisit } from '$lib/server/services/visits';
import { requireReviewWork } from '$lib/server/services/audit-access';
import type { Actions, PageServerLoad } from './$types';

/** What a visit can be planned with: published templates, stores in use, people who run visits. */
export const load: PageServerLoad = (event) =>
	officeLoad(async () => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		const q = event.url.searchParams.get('q') ?? '';
		const [choices, locations] = await Promise.all([
			planningChoices(ctx, user),
			listLocationPage(ctx, user, { q, limit: 100 })
		]);
		return { choices, locations: locations.items, q, more: locations.nextCursor !== null };
	});

/** Plans the visit, over the same service as `POST /api/visits`. */
export const actions: Actions = {
	default: async (event) => {
		const user = requireOfficeUser(event);
		try {
			requireReviewWork(user);
			const ctx = await getServerContext();
			const input = await visitFromForm(ctx, user, await event.request.formData());
			await planVisit(ctx, user, input, Date.now());
		} catch (caught) {
			return officeActionFailure(caught, 'plan');
		}
		redirect(303, '/office/visits?planned=1');
	}
};
