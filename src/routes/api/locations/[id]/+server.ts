import { json } from '@sveltejs/kit';
import { MAX_JSON_BODY_BYTES } from '$lib/contract/api-paths';
import { LocationInputSchema } from '$lib/contract/office';
import { requireReviewer } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { readJson } from '$lib/server/http/read-body';
import { readLocation, updateLocation } from '$lib/server/services/locations';
import type { RequestHandler } from './$types';

/** One location of the organisation. */
export const GET: RequestHandler = ({ locals, params }) =>
	respond(async () => {
		const user = requireReviewer(locals);
		return json(await readLocation(await getServerContext(), user, params.id), {
			headers: { 'cache-control': 'private, no-store' }
		});
	});

/** Changes a location (every field). */
export const PUT: RequestHandler = ({ locals, params, request }) =>
	respond(async () => {
		const user = requireReviewer(locals);
		const input = await readJson(request, LocationInputSchema, MAX_JSON_BODY_BYTES);
		return json(await updateLocation(await getServerContext(), user, params.id, input, Date.now()));
	});
