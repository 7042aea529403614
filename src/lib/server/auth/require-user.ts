import type { Role, SessionUser } from '$lib/contract/auth';
import { ApiFailure } from '../http/api-error';

/**
 * The signed-in user, or a 401; with `roles`, a 403 for anyone else. Every API endpoint calls
 * this first: roles and organisations are enforced on the server, on every request.
 */
export function requireUser(locals: App.Locals, roles?: readonly Role[]): SessionUser {
	const user = locals.user;
	if (!user) throw new ApiFailure(401, 'unauthenticated', 'Sign in to continue.');
	if (roles && !roles.includes(user.role)) {
		throw new ApiFailure(403, 'forbidden', 'Your role does not allow this.');
	}
	return user;
}
