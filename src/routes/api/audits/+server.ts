import { json } from '@sveltejs/kit';
import { SERVER_AUDIT_STATES, type ServerAuditState } from '$lib/contract/sync';
import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { ApiFailure, respond } from '$lib/server/http/api-error';
import { listAuditsFor } from '$lib/server/services/audit-queries';
import type { RequestHandler } from './$types';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/** An optional id filter from the query string; 400 when it is not an id. */
function idParam(url: URL, name: string): string | undefined {
	const value = url.searchParams.get(name);
	if (value === null || value === '') return undefined;
	if (!ID.test(value)) throw new ApiFailure(400, 'invalid_query', `${name} is not an id.`);
	return value;
}

const EPOCH_MS = /^\d{1,15}$/;

/** An optional time filter in epoch milliseconds; 400 when it is not a non-negative integer. */
function timeParam(url: URL, name: string): number | undefined {
	const value = url.searchParams.get(name);
	if (value === null || value === '') return undefined;
	if (!EPOCH_MS.test(value)) {
		throw new ApiFailure(400, 'invalid_query', `${name} must be a time in epoch milliseconds.`);
	}
	return Number(value);
}

/**
 * A page of audits:
 * `?limit=1..100&cursor=<nextCursor>&state=<state>&kind=own|competitor&template=<id>&location=<id>`
 * `&receivedFrom=<ms>&receivedBefore=<ms>` (received in `[receivedFrom, receivedBefore)`).
 */
export const GET: RequestHandler = ({ locals, url }) =>
	respond(async () => {
		const user = requireUser(locals);
		const limitParam = url.searchParams.get('limit');
		const limit = limitParam === null ? undefined : Number(limitParam);
		if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 100)) {
			throw new ApiFailure(400, 'invalid_query', 'limit must be an integer from 1 to 100.');
		}
		const state = url.searchParams.get('state');
		if (state !== null && !(SERVER_AUDIT_STATES as readonly string[]).includes(state)) {
			throw new ApiFailure(400, 'invalid_query', 'Unknown state.');
		}
		const kind = url.searchParams.get('kind') || null;
		if (kind !== null && kind !== 'own' && kind !== 'competitor') {
			throw new ApiFailure(400, 'invalid_query', 'kind must be own or competitor.');
		}
		const ctx = await getServerContext();
		const page = await listAuditsFor(ctx, user, {
			limit,
			cursor: url.searchParams.get('cursor'),
			state: (state ?? undefined) as ServerAuditState | undefined,
			kind: kind ?? undefined,
			templateId: idParam(url, 'template'),
			locationId: idParam(url, 'location'),
			receivedFrom: timeParam(url, 'receivedFrom'),
			receivedBefore: timeParam(url, 'receivedBefore')
		});
		return json(page, { headers: { 'cache-control': 'private, no-store' } });
	});
