import { fail } from '@sveltejs/kit';
import { getServerContext } from '$lib/server/context';
import { officeActionFailure, officeLoad } from '$lib/server/http/office-error';
import { field } from '$lib/server/office/programme-forms';
import { requireOfficeUser } from '$lib/server/office/require-office-user';
import { inviteMember, listMembers, parseInvite, requireAdmin } from '$lib/server/services/people';
import type { Actions, PageServerLoad } from './$types';

/** The organisation's members by email (admins only), and the invitation form. */
export const load: PageServerLoad = (event) =>
	officeLoad(async () => {
		const user = requireOfficeUser(event);
		const cursor = event.url.searchParams.get('cursor');
		const page = await listMembers(await getServerContext(), user, { cursor, limit: 50 });
		return {
			items: page.items,
			nextQuery: page.nextCursor ? `?cursor=${encodeURIComponent(page.nextCursor)}` : null,
			firstQuery: cursor ? '' : null
		};
	});

/**
 * Invites a member, over the same service as `POST /api/people`. The link or temporary password
 * is in this one answer only (never stored in the clear, never shown again).
 */
export const actions: Actions = {
	invite: async (event) => {
		const user = requireOfficeUser(event);
		try {
			requireAdmin(user);
			const form = await event.request.formData();
			const input = parseInvite({
				email: field(form, 'email'),
				displayName: field(form, 'displayName'),
				pseudonym: field(form, 'pseudonym'),
				role: field(form, 'role'),
				method: field(form, 'method')
			});
			const invitation = await inviteMember(await getServerContext(), user, input, Date.now());
			return {
				invited: {
					email: invitation.member.email,
					link: invitation.linkToken ? `${event.url.origin}/welcome/${invitation.linkToken}` : null,
					expiresAt: invitation.expiresAt,
					temporaryPassword: invitation.temporaryPassword
				}
			};
		} catch (caught) {
			const refusal = officeActionFailure(caught, 'invite');
			return fail(refusal.status, { ...refusal.data, invited: null });
		}
	}
};
