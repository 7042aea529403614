import { redirect } from '@sveltejs/kit';
import { getServerContext } from '$lib/server/context';
import { officeActionFailure, officeLoad } from '$lib/server/http/office-error';
import { field } from '$lib/server/office/programme-forms';
import { requireOfficeUser } from '$lib/server/office/require-office-user';
import { ServiceError } from '$lib/server/service-error';
import { requireReviewWork } from '$lib/server/services/audit-access';
import { importLocations, LOCATION_CSV_COLUMNS } from '$lib/server/services/locations';
import type { Actions, PageServerLoad } from './$types';

/** The most a CSV file may hold (2000 rows fit in far less). */
const MAX_CSV_BYTES = 2 * 1024 * 1024;

export const load: PageServerLoad = (event) =>
	officeLoad(async () => {
		requireReviewWork(requireOfficeUser(event));
		return { columns: LOCATION_CSV_COLUMNS };
	});

/** A file (or pasted text), over the same service as `POST /api/locations/import`. */
export const actions: Actions = {
	default: async (event) => {
		const user = requireOfficeUser(event);
		let imported: number;
		try {
			requireReviewWork(user);
			const form = await event.request.formData();
			const file = form.get('file');
			let csv = field(form, 'csv');
			if (file instanceof File && file.size > 0) {
				if (file.size > MAX_CSV_BYTES) {
					throw new ServiceError('too_large', 'file_too_large', 'The file is larger than 2 MB.');
				}
				csv = await file.text();
			}
			if (!csv.trim()) {
				throw new ServiceError('invalid', 'no_file', 'Choose a CSV file or paste its text.');
			}
			({ imported } = await importLocations(await getServerContext(), user, csv, Date.now()));
		} catch (caught) {
			return officeActionFailure(caught, 'import');
		}
		redirect(303, `/office/locations?imported=${imported}`);
	}
};
