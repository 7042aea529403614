import { getServerContext } from '$lib/server/context';
import { officeLoad } from '$lib/server/http/office-error';
import { requireOfficeUser } from '$lib/server/office/require-office-user';
import { getOfficeAuditPage } from '$lib/server/services/office-audit-page';
import type { PageServerLoad } from './$types';

/** One received audit with the template version it was filled against, both from the server. */
export const load: PageServerLoad = (event) =>
	officeLoad(async () => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		return getOfficeAuditPage(ctx, user, event.params.id);
	});
