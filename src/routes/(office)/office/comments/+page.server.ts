import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { AddLibraryCommentSchema } from '$lib/contract/office';
import { getServerContext } from '$lib/server/context';
import { officeActionFailure, officeLoad } from '$lib/server/http/office-error';
import { requireOfficeUser } from '$lib/server/office/require-office-user';
import { ServiceError } from '$lib/server/service-error';
import {
	addToCommentLibrary,
	listCommentLibrary,
	removeFromCommentLibrary
} from '$lib/server/services/comment-library';
import type { Actions, PageServerLoad } from './$types';

/** The organisation's saved reviewer comments. */
export const load: PageServerLoad = (event) =>
	officeLoad(async () => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		return { comments: await listCommentLibrary(ctx, user) };
	});

/** Add and remove, as plain form posts over the same services as `/api/comment-library`. */
export const actions: Actions = {
	add: async (event) => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		try {
			const form = await event.request.formData();
			const parsed = v.safeParse(AddLibraryCommentSchema, { body: form.get('body') ?? '' });
			if (!parsed.success) {
				throw new ServiceError('invalid', 'invalid_form', parsed.issues[0]?.message ?? '');
			}
			await addToCommentLibrary(ctx, user, parsed.output.body, Date.now());
		} catch (caught) {
			return officeActionFailure(caught, 'add');
		}
		redirect(303, '/office/comments');
	},
	remove: async (event) => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		try {
			const id = (await event.request.formData()).get('id');
			await removeFromCommentLibrary(ctx, user, typeof id === 'string' ? id : '');
		} catch (caught) {
			return officeActionFailure(caught, 'remove');
		}
		redirect(303, '/office/comments');
	}
};
