import { redirect } from '@sveltejs/kit';
import { homePathOf } from '$lib/domain/roles';
import { getServerContext } from '$lib/server/context';
import { officeActionFailure } from '$lib/server/http/office-error';
import { field } from '$lib/server/office/programme-forms';
import { ServiceError } from '$lib/server/service-error';
import { changeOwnPassword } from '$lib/server/services/people';
import type { Actions, PageServerLoad } from './$types';

/** Everyone's own account (every role, shoppers too): change the password. */
export const load: PageServerLoad = ({ locals, url }) => {
	const user = locals.user;
	if (!user) redirect(303, `/sign-in?return=${encodeURIComponent(url.pathname)}`);
	return {
		email: user.email,
		home: homePathOf(user),
		changed: url.searchParams.has('changed')
	};
};

export const actions: Actions = {
	/** The same service as `POST /api/me/password`: the current password is required. */
	default: async (event) => {
		const user = event.locals.user;
		if (!user) redirect(303, '/sign-in');
		try {
			const form = await event.request.formData();
			if (field(form, 'newPassword') !== field(form, 'repeat')) {
				throw new ServiceError('invalid', 'passwords_differ', 'The two passwords differ.');
			}
			await changeOwnPassword(await getServerContext(), user, event.locals.sessionId, {
				currentPassword: field(form, 'currentPassword'),
				newPassword: field(form, 'newPassword')
			});
		} catch (caught) {
			return officeActionFailure(caught, 'password');
		}
		redirect(303, '/account?changed=1');
	}
};
