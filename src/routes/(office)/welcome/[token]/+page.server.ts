import { redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/session-cookie';
import { getServerContext } from '$lib/server/context';
import { officeActionFailure } from '$lib/server/http/office-error';
import { field } from '$lib/server/office/programme-forms';
import { ServiceError } from '$lib/server/service-error';
import { checkSignInLink, redeemSignInLink } from '$lib/server/services/people';
import type { Actions, PageServerLoad } from './$types';

/**
 * A one-time sign-in link: who it is for, or that it cannot be used (used, expired, unknown —
 * the same answer for each). Looking does not use it; setting the password does.
 */
export const load: PageServerLoad = async (event) => {
	event.setHeaders({ 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer' });
	try {
		const who = await checkSignInLink(await getServerContext(), event.params.token, Date.now());
		return { valid: true as const, ...who };
	} catch (caught) {
		if (caught instanceof ServiceError && caught.code === 'link_invalid') {
			return { valid: false as const, email: '', displayName: '' };
		}
		throw caught;
	}
};

export const actions: Actions = {
	/** Uses the link: sets the password, signs in, and hands the session to the app. */
	default: async (event) => {
		let session: { token: string; expiresAt: number };
		const now = Date.now();
		try {
			const form = await event.request.formData();
			const password = field(form, 'password');
			if (password !== field(form, 'repeat')) {
				throw new ServiceError('invalid', 'passwords_differ', 'The two passwords differ.');
			}
			session = await redeemSignInLink(await getServerContext(), event.params.token, password, now);
		} catch (caught) {
			return officeActionFailure(caught, 'welcome');
		}
		setSessionCookie(event, session.token, session.expiresAt, now);
		redirect(303, '/sign-in?welcome=1');
	}
};
