import { respond } from '$lib/server/http/api-error';
import { exportResponse } from '$lib/server/http/export-request';
import { requireOfficeUser } from '$lib/server/office/require-office-user';
import type { RequestHandler } from './$types';

/** The inbox's "answers (CSV)" download: the inbox's filters, the office's language and time zone. */
export const GET: RequestHandler = (event) => {
	const user = requireOfficeUser(event);
	return respond(async () => exportResponse(user, 'answers', 'csv', event));
};
