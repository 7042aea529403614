import type { SessionUser } from '$lib/contract/auth';
import { reviewsAudits, runsAudits } from '$lib/domain/roles';
import type { Db } from '../db/connect';
import type { AuditRow } from '../repos/audits';
import { userHasLocation } from '../repos/user-locations';
import { ServiceError } from '../service-error';

/** The refusal for an audit that does not exist or that this user may not know about. */
export function auditNotFound(): ServiceError {
	return new ServiceError('not_found', 'audit_not_found', 'There is no such audit.');
}

/** Whether `user` wrote this audit: same organisation and the shopper themself. */
export function isOwnAudit(user: SessionUser, audit: AuditRow): boolean {
	return audit.organisation_id === user.organisation.id && audit.shopper_id === user.id;
}

/**
 * Whether `user` may read this audit: reviewers (managers and admins) of its organisation, its
 * own shopper, and report readers (`viewer`) given its location — once it is approved, never
 * before. Anything else is answered as if the audit did not exist.
 */
export async function canReadAudit(db: Db, user: SessionUser, audit: AuditRow): Promise<boolean> {
	if (audit.organisation_id !== user.organisation.id) return false;
	if (reviewsAudits(user) || audit.shopper_id === user.id) return true;
	if (user.role !== 'viewer' || audit.state !== 'approved') return false;
	return userHasLocation(db, user.organisation.id, user.id, audit.location_id);
}

/** The audit when `user` may read it; a 404 otherwise. */
export async function requireReadableAudit(
	db: Db,
	user: SessionUser,
	audit: AuditRow | undefined
): Promise<AuditRow> {
	if (!audit || !(await canReadAudit(db, user, audit))) throw auditNotFound();
	return audit;
}

/** The audit when it is the user's own; a 404 when missing or someone else's. */
export function requireOwnAudit(user: SessionUser, audit: AuditRow | undefined): AuditRow {
	if (!audit || !isOwnAudit(user, audit)) throw auditNotFound();
	return audit;
}

/** Refuses anyone without the field capability: only people who run audits write them. */
export function requireFieldWork(user: SessionUser): void {
	if (!runsAudits(user)) {
		throw new ServiceError('forbidden', 'forbidden', 'Only people who run audits can send them.');
	}
}

/** Refuses anyone who does not review audits. */
export function requireReviewWork(user: SessionUser): void {
	if (!reviewsAudits(user)) {
		throw new ServiceError('forbidden', 'forbidden', 'Only reviewers can do this.');
	}
}
