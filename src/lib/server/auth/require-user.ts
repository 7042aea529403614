import type { Role, SessionUser } from '$lib/contract/auth';
import { ServiceError } from '../service-error';

/**
 * The signed-in user, or a 401; with `roles`, a 403 for anyone else. Every API endpoint calls
 * this first: roles and organisations are enforced on the server, on every request.
 */
export function requireUser(locals: App.Locals, roles?: readonly Role[]): SessionUser {
	const user = locals.user;
	if (!user) throw new ServiceError('unauthenticated', 'unauthenticated', 'Sign in to continue.');
	if (roles && !roles.includes(user.role)) {
		throw new ServiceError('forbidden', 'forbidden', 'Your role does not allow this.');
	}
	return user;
}
