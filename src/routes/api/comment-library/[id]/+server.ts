import { requireReviewer } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { removeFromCommentLibrary } from '$lib/server/services/comment-library';
import type { RequestHandler } from './$types';

/** Removes a reusable comment. */
export const DELETE: RequestHandler = ({ locals, params }) =>
	respond(async () => {
		const user = requireReviewer(locals);
		const ctx = await getServerContext();
		await removeFromCommentLibrary(ctx, user, params.id);
		return new Response(null, { status: 204 });
	});
