import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { MAX_JSON_BODY_BYTES } from '$lib/contract/api-paths';
import { Id } from '$lib/contract/common';
import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { readJson } from '$lib/server/http/read-body';
import { setViewerLocations } from '$lib/server/services/people';
import type { RequestHandler } from './$types';

/** Replaces the locations a report reader reads: `{ "locationIds": [...] }`. Admins only. */
export const PUT: RequestHandler = ({ locals, params, request }) =>
	respond(async () => {
		const user = requireUser(locals, ['admin']);
		const { locationIds } = await readJson(
			request,
			v.strictObject({ locationIds: v.pipe(v.array(Id), v.maxLength(1000)) }),
			MAX_JSON_BODY_BYTES
		);
		return json({
			locationIds: await setViewerLocations(await getServerContext(), user, params.id, locationIds)
		});
	});
