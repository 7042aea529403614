import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { getChangesSinceReturn } from '$lib/server/services/audit-history';
import type { RequestHandler } from './$types';

/** What the shopper changed since the last return (reviewers; see docs/api.md). */
export const GET: RequestHandler = ({ locals, params }) =>
	respond(async () => {
		const user = requireUser(locals);
		const ctx = await getServerContext();
		return json(await getChangesSinceReturn(ctx, user, params.id), {
			headers: { 'cache-control': 'private, no-store' }
		});
	});
