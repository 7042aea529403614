import { redirect } from '@sveltejs/kit';
import { getServerContext } from '$lib/server/context';
import { officeActionFailure, officeLoad } from '$lib/server/http/office-error';
import { locationFromForm } from '$lib/server/office/programme-forms';
import { requireOfficeUser } from '$lib/server/office/require-office-user';
import {
	archiveLocation,
	readLocation,
	timeZoneChoices,
	updateLocation
} from '$lib/server/services/locations';
import { requireReviewWork } from '$lib/server/services/audit-access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	officeLoad(async () => {
		const user = requireOfficeUser(event);
		return {
			location: await readLocation(await getServerContext(), user, event.params.id),
			saved: event.url.searchParams.has('saved'),
			zones: timeZoneChoices()
		};
	});

const back = (id: string) => `/office/locations/${encodeURIComponent(id)}?saved=1`;

/** Save, archive and restore, over the same services as `/api/locations/{id}`. */
export const actions: Actions = {
	save: async (event) => {
		const user = requireOfficeUser(event);
		try {
			requireReviewWork(user);
			const input = locationFromForm(await event.request.formData());
			await updateLocation(await getServerContext(), user, event.params.id, input, Date.now());
		} catch (caught) {
			return officeActionFailure(caught, 'save');
		}
		redirect(303, back(event.params.id));
	},
	archive: async (event) => {
		const user = requireOfficeUser(event);
		try {
			requireReviewWork(user);
			await archiveLocation(await getServerContext(), user, event.params.id, true, Date.now());
		} catch (caught) {
			return officeActionFailure(caught, 'archive');
		}
		redirect(303, back(event.params.id));
	},
	restore: async (event) => {
		const user = requireOfficeUser(event);
		try {
			requireReviewWork(user);
			await archiveLocation(await getServerContext(), user, event.params.id, false, Date.now());
		} catch (caught) {
			return officeActionFailure(caught, 'restore');
		}
		redirect(303, back(event.params.id));
	}
};
