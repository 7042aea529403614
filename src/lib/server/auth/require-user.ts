import type { Role, SessionUser } from '$lib/contract/auth';
import { reviewsAudits, runsAudits, type Member } from '$lib/domain/roles';
import { ServiceError } from '../service-error';

/**
 * The signed-in user, or unauthenticated; with `roles`, forbidden for anyone else. Every API
 * endpoint and office load calls this (or one below) first: roles and organisations are enforced
 * on the server, on every request.
 */
export function requireUser(locals: App.Locals, roles?: readonly Role[]): SessionUser {
	const user = locals.user;
	if (!user) throw new ServiceError('unauthenticated', 'unauthenticated', 'Sign in to continue.');
	if (roles && !roles.includes(user.role)) throw roleRefused();
	return user;
}

/** The signed-in user when they run audits (shoppers; managers with field work). */
export function requireFieldWorker(locals: App.Locals): SessionUser {
	return requireCapability(locals, runsAudits);
}

/** The signed-in user when they review audits (managers and admins). */
export function requireReviewer(locals: App.Locals): SessionUser {
	return requireCapability(locals, reviewsAudits);
}

function requireCapability(locals: App.Locals, allowed: (member: Member) => boolean): SessionUser {
	const user = requireUser(locals);
	if (!allowed(user)) throw roleRefused();
	return user;
}

function roleRefused(): ServiceError {
	return new ServiceError('forbidden', 'forbidden', 'Your role does not allow this.');
}
