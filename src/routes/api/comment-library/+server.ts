import { json } from '@sveltejs/kit';
import { MAX_JSON_BODY_BYTES } from '$lib/contract/api-paths';
import { AddLibraryCommentSchema } from '$lib/contract/office';
import { requireReviewer } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { readJson } from '$lib/server/http/read-body';
import { addToCommentLibrary, listCommentLibrary } from '$lib/server/services/comment-library';
import type { RequestHandler } from './$types';

/** The organisation's reusable reviewer comments (see docs/api.md). */
export const GET: RequestHandler = ({ locals }) =>
	respond(async () => {
		const user = requireReviewer(locals);
		const ctx = await getServerContext();
		return json(
			{ comments: await listCommentLibrary(ctx, user) },
			{ headers: { 'cache-control': 'private, no-store' } }
		);
	});

/** Adds a reusable comment. */
export const POST: RequestHandler = ({ locals, request }) =>
	respond(async () => {
		const user = requireReviewer(locals);
		const { body } = await readJson(request, AddLibraryCommentSchema, MAX_JSON_BODY_BYTES);
		const ctx = await getServerContext();
		return json(await addToCommentLibrary(ctx, user, body, Date.now()), { status: 201 });
	});
