import type { SessionUser } from '$lib/contract/auth';
import type { AuditDetail } from '$lib/contract/office';
import type { JourneyTemplate } from '$lib/domain/types';
import { outsideWindow } from '$lib/domain/visit-state';
import { getAssignment } from '../repos/assignments';
import { getLocation } from '../repos/locations';
import { listSealsOfAudit } from '../repos/seals';
import { getTemplate, listTemplates } from '../repos/templates';
import { getAuditDetail } from './audit-queries';
import type { ServiceContext } from './context';

/** What the office's audit page shows: the audit, and the template version it was filled against. */
export interface OfficeAuditPage {
	detail: AuditDetail;
	/** Null when that version is not published in the organisation (the page says so). */
	template: JourneyTemplate | null;
	/** The store's time zone: the page shows the visit's times in it. */
	storeTimeZone: string;
	/**
	 * The visit (assignment) it was made for, with whether it started (time-in) or was handed in
	 * outside the window — flagged to the reviewer, never refused. Null for an unplanned audit.
	 */
	visit: {
		windowStart: number;
		windowEnd: number;
		startedOutside: boolean;
		submittedOutside: boolean;
	} | null;
	/** The audit's seal chain, oldest first: each report version's verification code. */
	seals: { version: number; state: string; code: string; sealedAt: number }[];
}

/**
 * One audit for the office page: `getAuditDetail` (same access rules, 404 audit_not_found) plus
 * the published template version the audit records, read from the server, never the browser.
 */
export async function getOfficeAuditPage(
	ctx: ServiceContext,
	user: SessionUser,
	auditId: string
): Promise<OfficeAuditPage> {
	const detail = await getAuditDetail(ctx, user, auditId);
	const template = await getTemplate(
		ctx.db,
		user.organisation.id,
		detail.template.id,
		detail.template.version
	);
	const [location, assignment] = await Promise.all([
		getLocation(ctx.db, user.organisation.id, detail.location.id),
		detail.assignmentId ? getAssignment(ctx.db, user.organisation.id, detail.assignmentId) : null
	]);
	const seals = await listSealsOfAudit(ctx.db, user.organisation.id, detail.id);
	return {
		detail,
		template: template ?? null,
		seals: seals.map((seal) => ({
			version: Number(seal.version),
			state: seal.state,
			code: seal.code,
			sealedAt: Number(seal.sealed_at)
		})),
		storeTimeZone: location?.timeZone ?? 'UTC',
		visit: assignment
			? {
					windowStart: assignment.windowStart,
					windowEnd: assignment.windowEnd,
					startedOutside: outsideWindow(assignment, detail.content.timeIn),
					submittedOutside:
						detail.submittedAt !== null && outsideWindow(assignment, detail.submittedAt)
				}
			: null
	};
}

/** A template the inbox can filter by, named as its newest published version is. */
export interface TemplateChoice {
	id: string;
	name: JourneyTemplate['name'];
}

/** The organisation's templates, one entry per id (the newest version's name), by id. */
export async function listTemplateChoices(
	ctx: ServiceContext,
	user: SessionUser
): Promise<TemplateChoice[]> {
	const published = await listTemplates(ctx.db, user.organisation.id);
	const newest = new Map<string, JourneyTemplate>();
	for (const { template } of published) {
		const seen = newest.get(template.id);
		if (!seen || seen.version < template.version) newest.set(template.id, template);
	}
	return [...newest.values()]
		.map((template) => ({ id: template.id, name: template.name }))
		.sort((a, b) => a.id.localeCompare(b.id));
}
