import { json } from '@sveltejs/kit';
import { MAX_JSON_BODY_BYTES } from '$lib/contract/api-paths';
import { ReturnRequestSchema } from '$lib/contract/office';
import { requireReviewer } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { readJson } from '$lib/server/http/read-body';
import { returnAudit } from '$lib/server/services/audit-review';
import type { RequestHandler } from './$types';

/** Returns a handed-in audit to its shopper with comments, if it is still as the reviewer saw it. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	respond(async () => {
		const user = requireReviewer(locals);
		const body = await readJson(request, ReturnRequestSchema, MAX_JSON_BODY_BYTES);
		const ctx = await getServerContext();
		return json(await returnAudit(ctx, user, params.id, body, Date.now()));
	});
