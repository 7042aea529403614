import type { ReportInput } from '$lib/domain/report-model';
import type { AuditScore } from '$lib/domain/types';
import type { Db } from '../db/connect';
import type { PhotoStore } from '../files/photo-store';
import { findAudit } from '../repos/audits';
import { getOrganisation } from '../repos/organisations';
import { listPhotosOfAudit } from '../repos/photos';
import { getTemplate } from '../repos/templates';
import { getUser } from '../repos/users';
import { parseContent } from '../services/audit-content';

/**
 * The report model's input for one audit, from the database: its stored content, the published
 * template version it was made with, the server's stored score (never re-scored here), photo
 * metadata, the organisation's name and the shopper's pseudonym — never the name. The report is
 * in the audit's own locale. Throws when anything the report needs is missing, including a
 * photo's bytes: the renderer would quietly leave the picture out, and a report of a complete
 * audit must not lose evidence without anyone noticing.
 */
export async function buildReportInput(
	db: Db,
	photoStore: PhotoStore,
	auditId: string,
	generatedAt: number
): Promise<ReportInput> {
	const audit = await findAudit(db, auditId);
	if (!audit) throw new Error(`Audit ${auditId} no longer exists`);
	const organisationId = audit.organisation_id;
	const [template, organisation, shopper, photos] = await Promise.all([
		getTemplate(db, organisationId, audit.template_id, audit.template_version),
		getOrganisation(db, organisationId),
		getUser(db, organisationId, audit.shopper_id),
		listPhotosOfAudit(db, auditId)
	]);
	if (!template) {
		throw new Error(`Template ${audit.template_id} v${audit.template_version} is not published`);
	}
	if (!organisation) throw new Error(`Organisation ${organisationId} is gone`);
	const missing: string[] = [];
	for (const photo of photos) {
		const key = { organisationId, auditId, photoId: photo.id };
		if (photo.stored_at === null || !(await photoStore.exists(key))) missing.push(photo.id);
	}
	if (missing.length > 0) {
		throw new Error(`Photo file missing: ${missing.join(', ')}`);
	}
	const content = parseContent(audit.content);
	return {
		template,
		content: {
			answers: content.answers.map((a) => ({ checkpointId: a.checkpointId, value: a.value })),
			notes: content.notes.map((n) => ({ checkpointId: n.checkpointId, text: n.text })),
			narrative: content.narrative,
			timeIn: content.timeIn,
			timeOut: content.timeOut,
			stageTimeMs: content.stageTimeMs,
			location: content.location,
			locale: content.locale
		},
		score: JSON.parse(audit.score) as AuditScore,
		photos: photos.map((photo) => ({
			id: photo.id,
			checkpointId: photo.checkpoint_id,
			kind: photo.kind,
			caption: photo.caption,
			capturedAt: photo.captured_at
		})),
		organisationName: organisation.name,
		shopperPseudonym: shopper?.pseudonym ?? '',
		reportLocale: content.locale,
		generatedAt
	};
}
