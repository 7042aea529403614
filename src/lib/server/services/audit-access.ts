import type { SessionUser } from '$lib/contract/auth';
import { ServiceError } from '../service-error';
import type { AuditRow } from '../repos/audits';

/** The 404 for an audit that does not exist or that this user may not know about. */
export function auditNotFound(): ServiceError {
	return new ServiceError('not_found', 'audit_not_found', 'There is no such audit.');
}

/** Whether `user` wrote this audit: same organisation and the shopper themself. */
export function isOwnAudit(user: SessionUser, audit: AuditRow): boolean {
	return audit.organisation_id === user.organisation.id && audit.shopper_id === user.id;
}

/**
 * Whether `user` may read this audit: managers and admins of its organisation, or its shopper.
 * Anything else is answered as if the audit did not exist.
 */
export function canReadAudit(user: SessionUser, audit: AuditRow): boolean {
	if (audit.organisation_id !== user.organisation.id) return false;
	return user.role === 'manager' || user.role === 'admin' || audit.shopper_id === user.id;
}

/** The audit when it is the user's own; a 404 when missing or someone else's. */
export function requireOwnAudit(user: SessionUser, audit: AuditRow | undefined): AuditRow {
	if (!audit || !isOwnAudit(user, audit)) throw auditNotFound();
	return audit;
}
