import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { MAX_JSON_BODY_BYTES } from '$lib/contract/api-paths';
import { requireReviewer } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { readJson } from '$lib/server/http/read-body';
import { archiveLocation } from '$lib/server/services/locations';
import type { RequestHandler } from './$types';

/** `{ "archived": true }` archives the location, `false` restores it. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	respond(async () => {
		const user = requireReviewer(locals);
		const { archived } = await readJson(
			request,
			v.strictObject({ archived: v.boolean() }),
			MAX_JSON_BODY_BYTES
		);
		return json(
			await archiveLocation(await getServerContext(), user, params.id, archived, Date.now())
		);
	});
