import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { ApiFailure, respond } from '$lib/server/http/api-error';
import { pullChanges } from '$lib/server/services/sync-pull';
import type { RequestHandler } from './$types';

/** What changed since `?since=<cursor>` (epoch ms; absent or 0: everything). */
export const GET: RequestHandler = ({ locals, url }) =>
	respond(async () => {
		const user = requireUser(locals);
		const param = url.searchParams.get('since') ?? '0';
		if (!/^\d{1,16}$/.test(param)) {
			throw new ApiFailure(400, 'invalid_cursor', 'since must be a cursor from an earlier pull.');
		}
		const ctx = await getServerContext();
		const changes = await pullChanges(ctx, user, Number(param), Date.now());
		return json(changes, { headers: { 'cache-control': 'private, no-store' } });
	});
