/**
 * What each kind of member may do, decided in one place and used by the server (which enforces
 * it on every request) and the browser (which only uses it to choose what to show).
 */
export interface Member {
	role: 'shopper' | 'manager' | 'admin' | 'viewer';
	/** Runs audits on a device: every shopper; managers and admins who choose to. */
	fieldWork: boolean;
}

/** Runs and submits their own audits (the field capability): the device syncs for them. */
export function runsAudits(member: Member): boolean {
	return member.role === 'shopper' || (member.fieldWork && member.role !== 'viewer');
}

/** Reviews audits (approve, return), reads every audit of the organisation, works in the office. */
export function reviewsAudits(member: Member): boolean {
	return member.role === 'manager' || member.role === 'admin';
}

/** Opens the office wing: reviewers, and report readers for their approved audits. */
export function usesOffice(member: Member): boolean {
	return reviewsAudits(member) || member.role === 'viewer';
}

/** Where a member lands after sign-in. */
export function homePathOf(member: Member): '/' | '/office' {
	return member.role === 'shopper' ? '/' : '/office';
}
