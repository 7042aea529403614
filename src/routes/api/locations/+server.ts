import { json } from '@sveltejs/kit';
import { MAX_JSON_BODY_BYTES } from '$lib/contract/api-paths';
import { LocationInputSchema } from '$lib/contract/office';
import { requireReviewer } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { readJson } from '$lib/server/http/read-body';
import { createLocation, listLocationPage } from '$lib/server/services/locations';
import type { RequestHandler } from './$types';

const NO_STORE = { 'cache-control': 'private, no-store' };

/** A page of the organisation's locations by name (see docs/api.md). Managers and admins. */
export const GET: RequestHandler = ({ locals, url }) =>
	respond(async () => {
		const user = requireReviewer(locals);
		const kind = url.searchParams.get('kind');
		const page = await listLocationPage(await getServerContext(), user, {
			q: url.searchParams.get('q') ?? '',
			kind: kind === 'own' || kind === 'competitor' ? kind : null,
			includeArchived: url.searchParams.get('archived') === '1',
			cursor: url.searchParams.get('cursor'),
			limit: Number(url.searchParams.get('limit') ?? 50) || 50
		});
		return json(page, { headers: NO_STORE });
	});

/** Creates a location. */
export const POST: RequestHandler = ({ locals, request }) =>
	respond(async () => {
		const user = requireReviewer(locals);
		const input = await readJson(request, LocationInputSchema, MAX_JSON_BODY_BYTES);
		return json(await createLocation(await getServerContext(), user, input, Date.now()), {
			status: 201
		});
	});
