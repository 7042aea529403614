import type { ReportReviewState } from '$lib/domain/report-model';
import type { AuditScore, Location } from '$lib/domain/types';
import type { Db } from '../db/connect';
import type { AuditRow } from '../repos/audits';
import { getLocation, toLocation } from '../repos/locations';
import { listPhotosOfAudit, type PhotoRow } from '../repos/photos';
import { parseContent, type AuditContent } from '../services/audit-content';
import { decodeStoredScore } from '../services/stored-score';

/**
 * What one report version is made from, taken in the transaction that queues it: the audit's
 * content, the server's score and the photo manifest at that revision. A pending version is
 * rendered from this, never from whatever the audit holds when the runner gets to it, so a
 * returned audit edited before its report is made cannot show new content under the old number.
 */
export interface ReportSnapshot {
	revision: number;
	state: ReportReviewState;
	templateId: string;
	templateVersion: number;
	content: AuditContent;
	/**
	 * The organisation's own record of the audit's location when the version was queued — what
	 * the report names, never the device's copy in `content.location`. Absent in snapshots taken
	 * before it was recorded: the report then reads the record when it is made.
	 */
	location?: Location;
	score: AuditScore;
	photos: {
		id: string;
		checkpointId: string | null;
		kind: 'checkpoint' | 'receipt' | 'general';
		caption: string;
		capturedAt: number;
		sha256: string;
	}[];
}

const REPORTABLE: readonly string[] = ['submitted', 'returned', 'resubmitted', 'approved'];

/** The snapshot of `audit` as it stands (pass the row as updated in the same transaction). */
export async function takeReportSnapshot(db: Db, audit: AuditRow): Promise<ReportSnapshot> {
	if (!REPORTABLE.includes(audit.state)) {
		throw new Error(`A ${audit.state} audit has no report`);
	}
	const [photos, location] = await Promise.all([
		listPhotosOfAudit(db, audit.id),
		getLocation(db, audit.organisation_id, audit.location_id)
	]);
	if (!location) throw new Error(`Location ${audit.location_id} is not the organisation's`);
	return {
		revision: Number(audit.revision),
		state: audit.state as ReportReviewState,
		templateId: audit.template_id,
		templateVersion: Number(audit.template_version),
		content: parseContent(audit.content),
		location: toLocation(location),
		score: decodeStoredScore(audit.score),
		photos: snapshotPhotos(photos)
	};
}

/** Reads a stored snapshot back (the server wrote it). */
export function parseReportSnapshot(json: string): ReportSnapshot {
	return JSON.parse(json) as ReportSnapshot;
}

/** The photo manifest as a snapshot keeps it. */
export function snapshotPhotos(rows: readonly PhotoRow[]): ReportSnapshot['photos'] {
	return rows.map((photo) => ({
		id: photo.id,
		checkpointId: photo.checkpoint_id,
		kind: photo.kind,
		caption: photo.caption,
		capturedAt: Number(photo.captured_at),
		sha256: photo.sha256
	}));
}
