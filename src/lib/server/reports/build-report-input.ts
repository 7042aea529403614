import { reportInputOf } from '$lib/domain/report-input';
import type { ReportInput, ReportReviewState } from '$lib/domain/report-model';
import type { Db } from '../db/connect';
import type { PhotoStore } from '../files/photo-store';
import { findAudit } from '../repos/audits';
import { LEGACY_TIME_ZONE } from '../db/migrations/009-programme';
import { getLocation, toLocation } from '../repos/locations';
import { getOrganisation } from '../repos/organisations';
import { listPhotosOfAudit } from '../repos/photos';
import type { ReportJobRow } from '../repos/report-jobs';
import { getTemplate } from '../repos/templates';
import { getUser } from '../repos/users';
import { sealOfVersion } from '../repos/seals';
import { verifyCodeUrl, verifyPageUrl } from '../seal/verify-url';
import { parseContent } from '../services/audit-content';
import { parseReportSnapshot, snapshotPhotos, type ReportSnapshot } from './report-snapshot';
import { decodeStoredScore } from '../services/stored-score';
import { reportInsightsFor } from './report-insights-input';

/** The report version being made: its number and what it was queued with. */
export type ReportVersionJob = Pick<
	ReportJobRow,
	'audit_id' | 'version' | 'snapshot' | 'review_state'
>;

/**
 * The report model's input for one report version, from the database: the snapshot the version
 * was queued with (content, the server's score — never re-scored here — and photo metadata at
 * that revision), the published template version, the organisation's own record of the
 * location (name, address, kind — taken with the snapshot; never the device's copy in the
 * content), the organisation's name and the shopper's
 * pseudonym — never the name — and the version's review state. Versions queued before snapshots
 * existed use the audit as stored. The report is in the audit's own locale. Throws when
 * anything the report needs is missing, including a photo's bytes: the renderer would quietly
 * leave the picture out, and a report of a complete audit must not lose evidence unnoticed.
 */
export async function buildReportInput(
	db: Db,
	photoStore: PhotoStore,
	job: ReportVersionJob,
	generatedAt: number
): Promise<ReportInput> {
	const audit = await findAudit(db, job.audit_id);
	if (!audit) throw new Error(`Audit ${job.audit_id} no longer exists`);
	const organisationId = audit.organisation_id;
	const snapshot =
		job.snapshot === null ? await legacySnapshot(db, job) : parseReportSnapshot(job.snapshot);
	const [template, organisation, shopper, location, record, seal] = await Promise.all([
		getTemplate(db, organisationId, snapshot.templateId, snapshot.templateVersion),
		getOrganisation(db, organisationId),
		getUser(db, organisationId, audit.shopper_id),
		snapshot.location ?? getLocation(db, organisationId, audit.location_id),
		snapshot.timeZone ? null : getLocation(db, organisationId, audit.location_id),
		sealOfVersion(db, audit.id, job.version)
	]);
	// Times in the store's zone: as queued, else the record's now, else the zone used before
	// locations had one.
	const timeZone = snapshot.timeZone ?? record?.timeZone ?? LEGACY_TIME_ZONE;
	if (!location) throw new Error(`Location ${audit.location_id} is not the organisation's`);
	if (!template) {
		throw new Error(
			`Template ${snapshot.templateId} v${snapshot.templateVersion} is not published`
		);
	}
	if (!organisation) throw new Error(`Organisation ${organisationId} is gone`);
	const missing: string[] = [];
	for (const photo of snapshot.photos) {
		const key = { organisationId, auditId: audit.id, photoId: photo.id };
		if (!(await photoStore.exists(key))) missing.push(photo.id);
	}
	if (missing.length > 0) {
		throw new Error(`Photo file missing: ${missing.join(', ')}`);
	}
	const { content } = snapshot;
	// Stage order follows the audit's template; stages it lacks are left out.
	const insights = await reportInsightsFor(
		db,
		organisationId,
		{ id: audit.location_id, kind: location.kind },
		content.timeIn,
		timeZone
	);
	const order = new Map(template.stages.map((stage, i) => [stage.id, i]));
	insights.stages = insights.stages
		.filter((stage) => order.has(stage.stageKey))
		.sort((a, b) => order.get(a.stageKey)! - order.get(b.stageKey)!);
	return reportInputOf({
		template,
		content: { ...content, location: toLocation(location) },
		score: snapshot.score,
		photos: snapshot.photos,
		organisationName: organisation.name,
		shopperPseudonym: shopper?.pseudonym ?? '',
		generatedAt,
		timeZone,
		review: { state: snapshot.state, version: job.version },
		...(seal
			? {
					verification: {
						code: seal.code,
						url: verifyCodeUrl(seal.code),
						pageUrl: verifyPageUrl()
					}
				}
			: {}),
		insights
	});
}

/** A version queued before snapshots were recorded: the audit as it is stored now. */
async function legacySnapshot(db: Db, job: ReportVersionJob): Promise<ReportSnapshot> {
	const audit = await findAudit(db, job.audit_id);
	if (!audit) throw new Error(`Audit ${job.audit_id} no longer exists`);
	const photos = await listPhotosOfAudit(db, audit.id);
	const state = (job.review_state ?? audit.state) as ReportReviewState;
	return {
		revision: Number(audit.revision),
		state: state === ('draft' as string) ? 'submitted' : state,
		templateId: audit.template_id,
		templateVersion: Number(audit.template_version),
		content: parseContent(audit.content),
		score: decodeStoredScore(audit.score),
		photos: snapshotPhotos(photos)
	};
}
