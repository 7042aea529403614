import { redirect } from '@sveltejs/kit';
import { getServerContext } from '$lib/server/context';
import { officeActionFailure, officeLoad } from '$lib/server/http/office-error';
import { locationFromForm } from '$lib/server/office/programme-forms';
import { requireOfficeUser } from '$lib/server/office/require-office-user';
import { requireReviewWork } from '$lib/server/services/audit-access';
import { createLocation, timeZoneChoices } from '$lib/server/services/locations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	officeLoad(async () => {
		requireReviewWork(requireOfficeUser(event));
		return { zones: timeZoneChoices() };
	});

/** Creates the location, over the same service as `POST /api/locations`. */
export const actions: Actions = {
	default: async (event) => {
		const user = requireOfficeUser(event);
		let id: string;
		try {
			requireReviewWork(user);
			const input = locationFromForm(await event.request.formData());
			id = (await createLocation(await getServerContext(), user, input, Date.now())).id;
		} catch (caught) {
			return officeActionFailure(caught, 'create');
		}
		redirect(303, `/office/locations/${encodeURIComponent(id)}?saved=1`);
	}
};
