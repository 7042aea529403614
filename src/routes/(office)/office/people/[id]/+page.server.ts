import { fail, redirect } from '@sveltejs/kit';
import { getServerContext } from '$lib/server/context';
import { officeActionFailure, officeLoad } from '$lib/server/http/office-error';
import { field } from '$lib/server/office/programme-forms';
import { requireOfficeUser } from '$lib/server/office/require-office-user';
import { listLocationPage } from '$lib/server/services/locations';
import {
	deactivateMember,
	issueSignInLink,
	reactivateMember,
	readMember,
	resetPassword,
	setPseudonym,
	setViewerLocations,
	requireAdmin
} from '$lib/server/services/people';
import type { Actions, PageServerLoad } from './$types';

/** One member (admins only): pseudonym, sign-in, deactivation, a report reader's locations. */
export const load: PageServerLoad = (event) =>
	officeLoad(async () => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		const member = await readMember(ctx, user, event.params.id);
		const locations =
			member.role === 'viewer'
				? (await listLocationPage(ctx, user, { limit: 100, includeArchived: true })).items
				: [];
		return {
			member,
			self: member.id === user.id,
			locations: locations.map(({ id, name }) => ({ id, name })),
			saved: event.url.searchParams.has('saved')
		};
	});

const back = (id: string) => `/office/people/${encodeURIComponent(id)}?saved=1`;

/** The same services as `/api/people/{id}/…`. */
export const actions: Actions = {
	pseudonym: async (event) => {
		const user = requireOfficeUser(event);
		try {
			requireAdmin(user);
			const form = await event.request.formData();
			await setPseudonym(await getServerContext(), user, event.params.id, field(form, 'pseudonym'));
		} catch (caught) {
			return officeActionFailure(caught, 'pseudonym');
		}
		redirect(303, back(event.params.id));
	},
	deactivate: async (event) => {
		const user = requireOfficeUser(event);
		try {
			requireAdmin(user);
			await deactivateMember(await getServerContext(), user, event.params.id, Date.now());
		} catch (caught) {
			return officeActionFailure(caught, 'deactivate');
		}
		redirect(303, back(event.params.id));
	},
	reactivate: async (event) => {
		const user = requireOfficeUser(event);
		try {
			requireAdmin(user);
			await reactivateMember(await getServerContext(), user, event.params.id);
		} catch (caught) {
			return officeActionFailure(caught, 'reactivate');
		}
		redirect(303, back(event.params.id));
	},
	reset: async (event) => {
		const user = requireOfficeUser(event);
		try {
			requireAdmin(user);
			const { temporaryPassword } = await resetPassword(
				await getServerContext(),
				user,
				event.params.id
			);
			return { temporaryPassword, link: null };
		} catch (caught) {
			const refusal = officeActionFailure(caught, 'reset');
			return fail(refusal.status, refusal.data);
		}
	},
	link: async (event) => {
		const user = requireOfficeUser(event);
		try {
			requireAdmin(user);
			const { linkToken } = await issueSignInLink(
				await getServerContext(),
				user,
				event.params.id,
				Date.now()
			);
			return { temporaryPassword: null, link: `${event.url.origin}/welcome/${linkToken}` };
		} catch (caught) {
			const refusal = officeActionFailure(caught, 'link');
			return fail(refusal.status, refusal.data);
		}
	},
	locations: async (event) => {
		const user = requireOfficeUser(event);
		try {
			requireAdmin(user);
			const form = await event.request.formData();
			const ids = form.getAll('location').filter((value) => typeof value === 'string');
			await setViewerLocations(await getServerContext(), user, event.params.id, ids);
		} catch (caught) {
			return officeActionFailure(caught, 'locations');
		}
		redirect(303, back(event.params.id));
	}
};
