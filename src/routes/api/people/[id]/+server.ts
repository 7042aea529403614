import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { readMember } from '$lib/server/services/people';
import type { RequestHandler } from './$types';

/** One member, with the locations a report reader was given. Admins only. */
export const GET: RequestHandler = ({ locals, params }) =>
	respond(async () => {
		const user = requireUser(locals, ['admin']);
		return json(await readMember(await getServerContext(), user, params.id), {
			headers: { 'cache-control': 'private, no-store' }
		});
	});
