import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { listReportVersions } from '$lib/server/services/audit-history';
import type { RequestHandler } from './$types';

/** The audit's report versions, newest first (see docs/api.md). */
export const GET: RequestHandler = ({ locals, params }) =>
	respond(async () => {
		const user = requireUser(locals);
		const ctx = await getServerContext();
		const versions = await listReportVersions(ctx, user, params.id);
		return json({ versions }, { headers: { 'cache-control': 'private, no-store' } });
	});
