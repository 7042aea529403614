import { requireOfficeUser } from '$lib/server/office/require-office-user';
import type { LayoutServerLoad } from './$types';

// The first check, for a clear answer on a full page load; every page's load and action checks
// again (a layout load does not run for every request that reaches a page's data).
export const load: LayoutServerLoad = (event) => {
	requireOfficeUser(event);
};
