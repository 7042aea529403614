import { clearSessionCookie } from '$lib/server/auth/session-cookie';
import { signOut } from '$lib/server/auth/sessions';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import type { RequestHandler } from './$types';

// Works without a valid session too: a device whose session expired can still clear its cookie.
export const POST: RequestHandler = (event) =>
	respond(async () => {
		if (event.locals.sessionId) {
			const { db } = await getServerContext();
			await signOut(db, event.locals.sessionId);
		}
		clearSessionCookie(event);
		return new Response(null, { status: 204 });
	});
