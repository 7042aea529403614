import { json } from '@sveltejs/kit';
import { MAX_JSON_BODY_BYTES } from '$lib/contract/api-paths';
import { VisitInputSchema } from '$lib/contract/office';
import { VISIT_STATES, type VisitState } from '$lib/domain/visit-state';
import { requireReviewer } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { readJson } from '$lib/server/http/read-body';
import { listVisitPage, planVisit } from '$lib/server/services/visits';
import type { RequestHandler } from './$types';

/** A page of the organisation's visits by window start, with filters. Managers and admins. */
export const GET: RequestHandler = ({ locals, url }) =>
	respond(async () => {
		const user = requireReviewer(locals);
		const state = url.searchParams.get('state');
		const page = await listVisitPage(
			await getServerContext(),
			user,
			{
				state: VISIT_STATES.includes(state as VisitState) ? (state as VisitState) : null,
				locationId: url.searchParams.get('location'),
				shopperId: url.searchParams.get('shopper'),
				cursor: url.searchParams.get('cursor'),
				limit: Number(url.searchParams.get('limit') ?? 50) || 50
			},
			Date.now()
		);
		return json(page, { headers: { 'cache-control': 'private, no-store' } });
	});

/** Plans one visit. */
export const POST: RequestHandler = ({ locals, request }) =>
	respond(async () => {
		const user = requireReviewer(locals);
		const input = await readJson(request, VisitInputSchema, MAX_JSON_BODY_BYTES);
		return json(await planVisit(await getServerContext(), user, input, Date.now()), {
			status: 201
		});
	});
