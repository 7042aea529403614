import { error, redirect } from '@sveltejs/kit';
import { isUiLocale, LOCALE_COOKIE } from '$lib/i18n/i18n.svelte';
import type { RequestHandler } from './$types';

const ONE_YEAR_S = 365 * 24 * 60 * 60;

/**
 * The office's language picker without JavaScript: a plain form post that sets the same cookie
 * the device's picker sets, then goes back to the office page it came from.
 */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	// Anything but a form (a JSON body, a cut-off upload) is the client's mistake, not ours.
	const form = await request.formData().catch(() => error(400, 'Send the language picker form.'));
	const locale = form.get('locale');
	const back = form.get('return');
	if (isUiLocale(locale)) {
		cookies.set(LOCALE_COOKIE, locale, {
			path: '/',
			maxAge: ONE_YEAR_S,
			sameSite: 'lax',
			// The device's picker writes this cookie from script too.
			httpOnly: false,
			secure: url.protocol === 'https:'
		});
	}
	const safe = typeof back === 'string' && /^\/office(?:[/?]|$)/.test(back) ? back : '/office';
	redirect(303, safe);
};
