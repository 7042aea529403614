import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { MAX_JSON_BODY_BYTES } from '$lib/contract/api-paths';
import { requireReviewer } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { readJson } from '$lib/server/http/read-body';
import { importLocations } from '$lib/server/services/locations';
import type { RequestHandler } from './$types';

/** `{ "csv": "<the file's text>" }`: all rows, or nothing with every problem (422). */
export const POST: RequestHandler = ({ locals, request }) =>
	respond(async () => {
		const user = requireReviewer(locals);
		const { csv } = await readJson(
			request,
			v.strictObject({ csv: v.string() }),
			MAX_JSON_BODY_BYTES
		);
		return json(await importLocations(await getServerContext(), user, csv, Date.now()), {
			status: 201
		});
	});
