import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { getAuditTrail } from '$lib/server/services/audit-history';
import type { RequestHandler } from './$types';

/** Who did what to the audit, when (reviewers; see docs/api.md). */
export const GET: RequestHandler = ({ locals, params }) =>
	respond(async () => {
		const user = requireUser(locals);
		const ctx = await getServerContext();
		return json(await getAuditTrail(ctx, user, params.id), {
			headers: { 'cache-control': 'private, no-store' }
		});
	});
