import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { MAX_JSON_BODY_BYTES } from '$lib/contract/api-paths';
import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { ApiFailure, respond } from '$lib/server/http/api-error';
import { readJson } from '$lib/server/http/read-body';
import {
	deactivateMember,
	issueSignInLink,
	reactivateMember,
	resetPassword,
	setPseudonym
} from '$lib/server/services/people';
import type { RequestHandler } from './$types';

const NO_STORE = { 'cache-control': 'private, no-store' };

/**
 * A member's admin actions: `pseudonym` (`{ "pseudonym": … }`), `deactivate`, `reactivate`,
 * `reset-password` (a temporary password, shown once) and `sign-in-link` (a new one-time link).
 */
export const POST: RequestHandler = ({ locals, params, request, url }) =>
	respond(async () => {
		const user = requireUser(locals, ['admin']);
		const ctx = await getServerContext();
		const now = Date.now();
		switch (params.action) {
			case 'pseudonym': {
				const body = await readJson(
					request,
					v.strictObject({ pseudonym: v.string() }),
					MAX_JSON_BODY_BYTES
				);
				return json(await setPseudonym(ctx, user, params.id, body.pseudonym));
			}
			case 'deactivate':
				return json(await deactivateMember(ctx, user, params.id, now));
			case 'reactivate':
				return json(await reactivateMember(ctx, user, params.id));
			case 'reset-password':
				return json(await resetPassword(ctx, user, params.id), { headers: NO_STORE });
			case 'sign-in-link': {
				const link = await issueSignInLink(ctx, user, params.id, now);
				return json(
					{ link: `${url.origin}/welcome/${link.linkToken}`, expiresAt: link.expiresAt },
					{ headers: NO_STORE }
				);
			}
			default:
				throw new ApiFailure(404, 'not_found', 'There is no such action.');
		}
	});
