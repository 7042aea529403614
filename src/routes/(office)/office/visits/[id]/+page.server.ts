import { redirect } from '@sveltejs/kit';
import { localOfInstant } from '$lib/domain/zoned-time';
import { getServerContext } from '$lib/server/context';
import { officeActionFailure, officeLoad } from '$lib/server/http/office-error';
import { requireOfficeUser } from '$lib/server/office/require-office-user';
import { visitFromForm } from '$lib/server/office/visit-forms';
import { listLocationPage } from '$lib/server/services/locations';
import { cancelVisit, editVisit, planningChoices, readVisit } from '$lib/server/services/visits';
import { requireReviewWork } from '$lib/server/services/audit-access';
import type { Actions, PageServerLoad } from './$types';

/** One visit: its state and window flags; editable while open and not started. */
export const load: PageServerLoad = (event) =>
	officeLoad(async () => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		const visit = await readVisit(ctx, user, event.params.id, Date.now());
		const editable = visit.state === 'open' || (visit.state === 'overdue' && !visit.auditId);
		const [choices, locations] = editable
			? await Promise.all([planningChoices(ctx, user), listLocationPage(ctx, user, { limit: 100 })])
			: [null, null];
		const zone = visit.location.timeZone;
		return {
			visit,
			editable,
			choices,
			locations: locations?.items ?? [],
			form: {
				template: `${visit.templateId}@${visit.templateVersion}`,
				locationId: visit.location.id,
				shopperId: visit.shopper.id,
				windowStart: localOfInstant(visit.windowStart, zone),
				windowEnd: localOfInstant(visit.windowEnd, zone),
				brief: visit.brief
			},
			saved: event.url.searchParams.has('saved')
		};
	});

const back = (id: string) => `/office/visits/${encodeURIComponent(id)}?saved=1`;

/** Save and cancel, over the same services as `PUT /api/visits/{id}` and `…/cancel`. */
export const actions: Actions = {
	save: async (event) => {
		const user = requireOfficeUser(event);
		try {
			requireReviewWork(user);
			const ctx = await getServerContext();
			const input = await visitFromForm(ctx, user, await event.request.formData());
			await editVisit(ctx, user, event.params.id, input, Date.now());
		} catch (caught) {
			return officeActionFailure(caught, 'save');
		}
		redirect(303, back(event.params.id));
	},
	cancel: async (event) => {
		const user = requireOfficeUser(event);
		try {
			requireReviewWork(user);
			await cancelVisit(await getServerContext(), user, event.params.id, Date.now());
		} catch (caught) {
			return officeActionFailure(caught, 'cancel');
		}
		redirect(303, back(event.params.id));
	}
};
