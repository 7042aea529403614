import { fail, redirect } from '@sveltejs/kit';
import { getServerContext } from '$lib/server/context';
import { officeActionFailure, officeLoad } from '$lib/server/http/office-error';
import { requireOfficeUser } from '$lib/server/office/require-office-user';
import { ServiceError } from '$lib/server/service-error';
import {
	getTemplateDetail,
	requireTemplateWork,
	publishTemplateDraft,
	setTemplateArchive
} from '$lib/server/services/template-builder';
import type { Actions, PageServerLoad } from './$types';

/** The editor: the draft, its revision, versions and problems (the editor component edits it). */
export const load: PageServerLoad = (event) =>
	officeLoad(async () => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		return { detail: await getTemplateDetail(ctx, user, event.params.id) };
	});

const here = (id: string) => `/office/templates/${encodeURIComponent(id)}`;

export const actions: Actions = {
	/** Publishes the draft at the revision the page had (the editor saves first). */
	publish: async (event) => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		let version: number;
		try {
			requireTemplateWork(user);
			const revision = Number((await event.request.formData()).get('revision'));
			if (!Number.isInteger(revision) || revision < 1) {
				throw new ServiceError('invalid', 'invalid_form', 'The form has no draft revision.');
			}
			version = (await publishTemplateDraft(ctx, user, event.params.id, revision, Date.now()))
				.version;
		} catch (caught) {
			if (caught instanceof ServiceError && caught.code === 'template_invalid') {
				const details = caught.details as { problems: Record<string, unknown>[] };
				return fail(422, {
					action: 'publish',
					code: caught.code,
					message: caught.message,
					details: null,
					problems: details.problems
				});
			}
			return officeActionFailure(caught, 'publish');
		}
		redirect(303, `${here(event.params.id)}?published=${version}`);
	},
	archive: async (event) => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		try {
			requireTemplateWork(user);
			await setTemplateArchive(ctx, user, event.params.id, true, Date.now());
		} catch (caught) {
			return officeActionFailure(caught, 'archive');
		}
		redirect(303, here(event.params.id));
	},
	restore: async (event) => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		try {
			requireTemplateWork(user);
			await setTemplateArchive(ctx, user, event.params.id, false, Date.now());
		} catch (caught) {
			return officeActionFailure(caught, 'restore');
		}
		redirect(303, here(event.params.id));
	}
};
