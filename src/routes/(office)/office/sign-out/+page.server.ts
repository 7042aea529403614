import { redirect } from '@sveltejs/kit';
import { runsAudits } from '$lib/domain/roles';
import { clearSessionCookie } from '$lib/server/auth/session-cookie';
import { signOut } from '$lib/server/auth/sessions';
import { getServerContext } from '$lib/server/context';
import { requireOfficeUser } from '$lib/server/office/require-office-user';
import type { Actions, PageServerLoad } from './$types';

// Nothing to show: signing out is the form action below.
export const load: PageServerLoad = (event) => {
	requireOfficeUser(event);
	redirect(303, '/office');
};

export const actions: Actions = {
	/**
	 * Ends this session on the server. Someone who runs audits may have unsynced work on this
	 * device; their sign-out is the field app's, which refuses while anything is unsynced.
	 */
	default: async (event) => {
		const user = requireOfficeUser(event);
		if (runsAudits(user)) redirect(303, '/sign-out');
		if (event.locals.sessionId) {
			const { db } = await getServerContext();
			await signOut(db, event.locals.sessionId);
		}
		clearSessionCookie(event);
		redirect(303, '/sign-in');
	}
};
