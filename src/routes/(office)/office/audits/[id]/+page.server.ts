import { redirect } from '@sveltejs/kit';
import { getServerContext } from '$lib/server/context';
import { officeActionFailure, officeLoad } from '$lib/server/http/office-error';
import { approveRequestOf, returnRequestOf, REVIEW_FIELDS } from '$lib/server/office/review-form';
import { requireOfficeUser } from '$lib/server/office/require-office-user';
import { approveAudit, returnAudit } from '$lib/server/services/audit-review';
import { addToCommentLibrary, listCommentLibrary } from '$lib/server/services/comment-library';
import { getOfficeAuditPage } from '$lib/server/services/office-audit-page';
import { getOfficeReviewPanel } from '$lib/server/services/office-review-panel';
import { ServiceError } from '$lib/server/service-error';
import type { Actions, PageServerLoad } from './$types';

/** One audit with the template version it was filled against and its review, all from the server. */
export const load: PageServerLoad = (event) =>
	officeLoad(async () => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		const page = await getOfficeAuditPage(ctx, user, event.params.id);
		const review = await getOfficeReviewPanel(ctx, user, page.detail);
		const asked = event.url.searchParams.get('decided');
		const decided: 'approved' | 'returned' | null =
			asked === 'approved' || asked === 'returned' ? asked : null;
		return {
			...page,
			review,
			decided,
			libraryFull: event.url.searchParams.has('libraryFull')
		};
	});

/**
 * Approve and return, as plain form posts (they work before any script has loaded; `use:enhance`
 * only spares the reload). A refusal — a race lost to another reviewer, a stale form, a bad
 * comment — comes back as `fail()` with the service's code and details for the page to explain.
 */
export const actions: Actions = {
	approve: async (event) => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		try {
			const request = approveRequestOf(await event.request.formData());
			await approveAudit(ctx, user, event.params.id, request, Date.now());
		} catch (caught) {
			return officeActionFailure(caught, 'approve');
		}
		redirect(303, `/office/audits/${encodeURIComponent(event.params.id)}?decided=approved`);
	},
	return: async (event) => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		let libraryFull = false;
		try {
			const form = await event.request.formData();
			const library = await listCommentLibrary(ctx, user);
			const request = returnRequestOf(form, library);
			const now = Date.now();
			await returnAudit(ctx, user, event.params.id, request, now);
			if (form.get(REVIEW_FIELDS.saveToLibrary) && request.comment) {
				libraryFull = !(await keepInLibrary(ctx, user, request.comment, now));
			}
		} catch (caught) {
			return officeActionFailure(caught, 'return');
		}
		const query = `decided=returned${libraryFull ? '&libraryFull' : ''}`;
		redirect(303, `/office/audits/${encodeURIComponent(event.params.id)}?${query}`);
	}
};

/** Adds the comment to the library unless it is there already; false when the library is full. */
async function keepInLibrary(
	ctx: Awaited<ReturnType<typeof getServerContext>>,
	user: ReturnType<typeof requireOfficeUser>,
	body: string,
	now: number
): Promise<boolean> {
	const existing = await listCommentLibrary(ctx, user);
	if (existing.some((entry) => entry.body === body)) return true;
	try {
		await addToCommentLibrary(ctx, user, body.slice(0, 1000), now);
		return true;
	} catch (caught) {
		if (caught instanceof ServiceError && caught.code === 'library_full') return false;
		throw caught;
	}
}
