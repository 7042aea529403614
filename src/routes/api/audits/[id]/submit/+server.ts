import { json } from '@sveltejs/kit';
import { IDEMPOTENCY_KEY_HEADER, MAX_JSON_BODY_BYTES } from '$lib/contract/api-paths';
import { SubmitRequestSchema } from '$lib/contract/sync';
import { requireFieldWorker } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { readJson } from '$lib/server/http/read-body';
import { submitAudit } from '$lib/server/services/audit-submit';
import type { RequestHandler } from './$types';

/** Hands the audit in for review; safe to repeat with the same Idempotency-Key. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	respond(async () => {
		const user = requireFieldWorker(locals);
		const key = request.headers.get(IDEMPOTENCY_KEY_HEADER);
		const body = await readJson(request, SubmitRequestSchema, MAX_JSON_BODY_BYTES);
		const ctx = await getServerContext();
		const outcome = await submitAudit(ctx, user, params.id, key, body, Date.now());
		return json(outcome.body, { status: outcome.status });
	});
