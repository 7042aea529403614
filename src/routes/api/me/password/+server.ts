import * as v from 'valibot';
import { MAX_JSON_BODY_BYTES } from '$lib/contract/api-paths';
import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { readJson } from '$lib/server/http/read-body';
import { changeOwnPassword } from '$lib/server/services/people';
import type { RequestHandler } from './$types';

/** Everyone changes their own password with the current one; their other sessions end. */
export const POST: RequestHandler = ({ locals, request }) =>
	respond(async () => {
		const user = requireUser(locals);
		const body = await readJson(request, v.unknown(), MAX_JSON_BODY_BYTES);
		await changeOwnPassword(await getServerContext(), user, locals.sessionId, body);
		return new Response(null, { status: 204 });
	});
