import { json } from '@sveltejs/kit';
import { SERVER_AUDIT_STATES, type ServerAuditState } from '$lib/contract/sync';
import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { ApiFailure, respond } from '$lib/server/http/api-error';
import { listAuditsFor } from '$lib/server/services/audit-queries';
import type { RequestHandler } from './$types';

/** A page of audits: `?limit=1..100&cursor=<nextCursor>&state=<state>`. */
export const GET: RequestHandler = ({ locals, url }) =>
	respond(async () => {
		const user = requireUser(locals);
		const limitParam = url.searchParams.get('limit');
		const limit = limitParam === null ? undefined : Number(limitParam);
		if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 100)) {
			throw new ApiFailure(400, 'invalid_query', 'limit must be an integer from 1 to 100.');
		}
		const state = url.searchParams.get('state');
		if (state !== null && !(SERVER_AUDIT_STATES as readonly string[]).includes(state)) {
			throw new ApiFailure(400, 'invalid_query', 'Unknown state.');
		}
		const ctx = await getServerContext();
		const page = await listAuditsFor(ctx, user, {
			limit,
			cursor: url.searchParams.get('cursor'),
			state: (state ?? undefined) as ServerAuditState | undefined
		});
		return json(page, { headers: { 'cache-control': 'private, no-store' } });
	});
