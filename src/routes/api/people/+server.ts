import { json } from '@sveltejs/kit';
import { MAX_JSON_BODY_BYTES } from '$lib/contract/api-paths';
import { MemberInviteSchema } from '$lib/contract/office';
import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { readJson } from '$lib/server/http/read-body';
import { inviteMember, listMembers } from '$lib/server/services/people';
import type { RequestHandler } from './$types';

const NO_STORE = { 'cache-control': 'private, no-store' };

/** A page of the organisation's members by email. Admins only. */
export const GET: RequestHandler = ({ locals, url }) =>
	respond(async () => {
		const user = requireUser(locals, ['admin']);
		const page = await listMembers(await getServerContext(), user, {
			cursor: url.searchParams.get('cursor'),
			limit: Number(url.searchParams.get('limit') ?? 50) || 50
		});
		return json(page, { headers: NO_STORE });
	});

/**
 * Invites a member. The answer carries, once, the one-time sign-in link or the temporary
 * password; the server keeps only hashes of either.
 */
export const POST: RequestHandler = ({ locals, request, url }) =>
	respond(async () => {
		const user = requireUser(locals, ['admin']);
		const input = await readJson(request, MemberInviteSchema, MAX_JSON_BODY_BYTES);
		const invitation = await inviteMember(await getServerContext(), user, input, Date.now());
		return json(
			{
				member: invitation.member,
				link: invitation.linkToken ? `${url.origin}/welcome/${invitation.linkToken}` : null,
				expiresAt: invitation.expiresAt,
				temporaryPassword: invitation.temporaryPassword
			},
			{ status: 201, headers: NO_STORE }
		);
	});
