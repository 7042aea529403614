import { json } from '@sveltejs/kit';
import { MAX_JSON_BODY_BYTES } from '$lib/contract/api-paths';
import { VisitInputSchema } from '$lib/contract/office';
import { requireReviewer } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { readJson } from '$lib/server/http/read-body';
import { editVisit, readVisit } from '$lib/server/services/visits';
import type { RequestHandler } from './$types';

/** One visit of the organisation, with its derived state and window flags. */
export const GET: RequestHandler = ({ locals, params }) =>
	respond(async () => {
		const user = requireReviewer(locals);
		return json(await readVisit(await getServerContext(), user, params.id, Date.now()), {
			headers: { 'cache-control': 'private, no-store' }
		});
	});

/** Changes an open visit nobody has started (409 `visit_not_editable` otherwise). */
export const PUT: RequestHandler = ({ locals, params, request }) =>
	respond(async () => {
		const user = requireReviewer(locals);
		const input = await readJson(request, VisitInputSchema, MAX_JSON_BODY_BYTES);
		return json(await editVisit(await getServerContext(), user, params.id, input, Date.now()));
	});
