import { json } from '@sveltejs/kit';
import { requireReviewer } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { ApiFailure, respond } from '$lib/server/http/api-error';
import { listReviewQueuePage, REVIEW_QUEUE_MAX_LIMIT } from '$lib/server/services/review-queue';
import type { RequestHandler } from './$types';

/** Audits waiting for review, oldest hand-in first (see docs/api.md). */
export const GET: RequestHandler = ({ locals, url }) =>
	respond(async () => {
		const user = requireReviewer(locals);
		const limitParam = url.searchParams.get('limit');
		const limit = limitParam ? Number(limitParam) : undefined;
		if (
			limit !== undefined &&
			(!Number.isInteger(limit) || limit < 1 || limit > REVIEW_QUEUE_MAX_LIMIT)
		) {
			throw new ApiFailure(400, 'invalid_query', 'limit must be an integer from 1 to 100.');
		}
		const ctx = await getServerContext();
		const page = await listReviewQueuePage(ctx, user, {
			cursor: url.searchParams.get('cursor'),
			limit
		});
		return json(page, { headers: { 'cache-control': 'private, no-store' } });
	});
