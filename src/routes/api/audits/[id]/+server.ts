import { json } from '@sveltejs/kit';
import { MAX_JSON_BODY_BYTES } from '$lib/contract/api-paths';
import { AuditUploadSchema } from '$lib/contract/sync';
import { requireFieldWorker, requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { readJson } from '$lib/server/http/read-body';
import { getAuditDetail } from '$lib/server/services/audit-queries';
import { upsertAudit } from '$lib/server/services/audit-upsert';
import type { RequestHandler } from './$types';

/** The device's audit at one revision; idempotent (see docs/api.md). */
export const PUT: RequestHandler = ({ locals, params, request }) =>
	respond(async () => {
		const user = requireFieldWorker(locals);
		const upload = await readJson(request, AuditUploadSchema, MAX_JSON_BODY_BYTES);
		const ctx = await getServerContext();
		return json(await upsertAudit(ctx, user, params.id, upload, Date.now()));
	});

/** One audit in full, for its organisation's managers and admins or its shopper. */
export const GET: RequestHandler = ({ locals, params }) =>
	respond(async () => {
		const user = requireUser(locals);
		const ctx = await getServerContext();
		return json(await getAuditDetail(ctx, user, params.id), {
			headers: { 'cache-control': 'private, no-store' }
		});
	});
