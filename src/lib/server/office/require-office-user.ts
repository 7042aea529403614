import { error, redirect } from '@sveltejs/kit';
import type { SessionUser } from '$lib/contract/auth';
import { usesOffice } from '$lib/domain/roles';

/** The error code of the office's refusal of someone who is signed in but does not use it. */
export const OFFICE_FORBIDDEN = 'office_forbidden';

/**
 * The signed-in office user, checked on the server. Call it first in EVERY office load and
 * action: SvelteKit runs a page's loads in parallel and may skip a layout's load (on client
 * navigation, when its dependencies did not change), so a layout guard alone does not protect a
 * page's data. Nobody signed in → 303 to sign-in with the way back; someone who does not use the
 * office (a shopper) → a 403 page pointing to their own app.
 */
export function requireOfficeUser(event: { locals: App.Locals; url: URL }): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const back = event.url.pathname + event.url.search;
		redirect(303, `/sign-in?return=${encodeURIComponent(back)}`);
	}
	if (!usesOffice(user)) {
		error(403, {
			message: 'The office is for reviewers and report readers.',
			code: OFFICE_FORBIDDEN
		});
	}
	return user;
}
