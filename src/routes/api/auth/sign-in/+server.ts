import { json } from '@sveltejs/kit';
import { MAX_JSON_BODY_BYTES } from '$lib/contract/api-paths';
import { SignInRequestSchema } from '$lib/contract/auth';
import { setSessionCookie } from '$lib/server/auth/session-cookie';
import { signIn } from '$lib/server/auth/sign-in';
import { getServerContext } from '$lib/server/context';
import { readJson } from '$lib/server/http/read-body';
import { respond } from '$lib/server/http/api-error';
import type { RequestHandler } from './$types';

function clientAddress(getClientAddress: () => string): string | null {
	try {
		return getClientAddress();
	} catch {
		return null;
	}
}

export const POST: RequestHandler = (event) =>
	respond(async () => {
		const { email, password } = await readJson(
			event.request,
			SignInRequestSchema,
			MAX_JSON_BODY_BYTES
		);
		const { db } = await getServerContext();
		const now = Date.now();
		const result = await signIn(db, {
			email,
			password,
			ip: clientAddress(event.getClientAddress),
			now
		});
		setSessionCookie(event, result.token, result.expiresAt, now);
		return json({ user: result.user });
	});
