import { reviewsAudits, runsAudits, usesOffice } from '$lib/domain/roles';
import { requestLocale, requestTimeZone } from '$lib/server/office/request-locale';
import type { LayoutServerLoad } from './$types';

/**
 * The office's language and time zone for this request (the root layout renders with them), and
 * who is in the header. This load guards nothing: every office load and action checks the role
 * itself (`requireOfficeUser`), and the error page above the office's own layout uses this data.
 */
export const load: LayoutServerLoad = ({ locals, cookies, request, url }) => {
	const user = locals.user;
	return {
		locale: requestLocale(cookies, request),
		timeZone: requestTimeZone(url, cookies),
		officeUser:
			user && usesOffice(user)
				? {
						displayName: user.displayName,
						organisationName: user.organisation.name,
						runsAudits: runsAudits(user),
						reviews: reviewsAudits(user),
						admin: user.role === 'admin'
					}
				: null,
		signedIn: user !== null
	};
};
