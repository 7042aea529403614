import { json } from '@sveltejs/kit';
import { requireReviewer } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { cancelVisit } from '$lib/server/services/visits';
import type { RequestHandler } from './$types';

/** Cancels an open visit nobody has started. */
export const POST: RequestHandler = ({ locals, params }) =>
	respond(async () => {
		const user = requireReviewer(locals);
		return json(await cancelVisit(await getServerContext(), user, params.id, Date.now()));
	});
