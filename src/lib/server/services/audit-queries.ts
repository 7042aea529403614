import type { SessionUser } from '$lib/contract/auth';
import { type ServerAuditState } from '$lib/contract/sync';
import {
	AUDIT_LIST_MAX_LIMIT,
	type AuditDetail,
	type AuditListItem,
	type AuditListResponse
} from '$lib/contract/office';
import { reviewsAudits } from '$lib/domain/roles';
import {
	findAudit,
	findAuditListRow,
	listAudits,
	type AuditListFilter,
	type AuditListRow,
	type AuditState
} from '../repos/audits';
import { listLocationIdsOfUser } from '../repos/user-locations';
import { listPhotosOfAudit } from '../repos/photos';
import { latestReportJobs, type ReportJobRow } from '../repos/report-jobs';
import { reportStateOf } from '../reports/report-download';
import { listCommentsOfAudits } from '../repos/review-comments';
import { auditNotFound, canReadAudit } from './audit-access';
import { parseContent } from './audit-content';
import type { ServiceContext } from './context';
import { requireUuid } from './ids';
import { decodeKeysetCursor, encodeKeysetCursor } from './keyset-cursor';
import { findTemplateNames } from './org-lookups';
import { checkReceivedSpan } from './received-span';
import { decodeStoredScore } from './stored-score';

export interface AuditListQuery {
	limit?: number;
	/** `nextCursor` of the previous page. */
	cursor?: string | null;
	state?: ServerAuditState;
	kind?: 'own' | 'competitor';
	templateId?: string;
	locationId?: string;
	/** Only audits received at or after this time (epoch ms, inclusive). */
	receivedFrom?: number;
	/** Only audits received before this time (epoch ms, exclusive). */
	receivedBefore?: number;
}

/**
 * `GET /api/audits`: a page of audits, newest received first, optionally only one state, kind of
 * store (own/competitor), template, location or span of received times `[receivedFrom,
 * receivedBefore)`. Managers and admins see their organisation's, shoppers only their own. 400
 * invalid_cursor for a cursor this did not make; 400 invalid_query for a bad or empty span.
 */
export async function listAuditsFor(
	ctx: ServiceContext,
	user: SessionUser,
	query: AuditListQuery
): Promise<AuditListResponse> {
	const limit = Math.min(Math.max(Math.trunc(query.limit ?? 50), 1), AUDIT_LIST_MAX_LIMIT);
	const position = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
	const after = position && { receivedAt: position.at, id: position.id };
	checkReceivedSpan(query, { echoBounds: true });
	const scope = await listScopeOf(ctx, user, query.state);
	const rows = await listAudits(ctx.db, {
		organisationId: user.organisation.id,
		...scope,
		kind: query.kind,
		templateId: query.templateId,
		locationId: query.locationId,
		receivedFrom: query.receivedFrom,
		receivedBefore: query.receivedBefore,
		after,
		limit: limit + 1
	});
	const page = rows.slice(0, limit);
	const last = page[page.length - 1];
	return {
		items: await listItemsOf(ctx, user.organisation.id, page),
		nextCursor: rows.length > limit && last ? encodeKeysetCursor(last.received_at, last.id) : null
	};
}

/**
 * Which audits a user's list may hold: reviewers every audit of the organisation; report readers
 * the approved audits of their locations; anyone else (a shopper) their own.
 */
export async function listScopeOf(
	ctx: ServiceContext,
	user: SessionUser,
	state: AuditState | undefined
): Promise<Pick<AuditListFilter, 'shopperId' | 'state' | 'locationIds'>> {
	if (reviewsAudits(user)) return { state };
	if (user.role === 'viewer') {
		const locationIds = await listLocationIdsOfUser(ctx.db, user.organisation.id, user.id);
		// Asked for another state, a reader sees nothing rather than unapproved audits.
		return { state: 'approved', locationIds: state && state !== 'approved' ? [] : locationIds };
	}
	return { shopperId: user.id, state };
}

/**
 * `GET /api/audits/{id}`: one audit with its content, the server's score, photo metadata and
 * review comments. 404 audit_not_found for another organisation's, or another shopper's for a
 * shopper.
 */
export async function getAuditDetail(
	ctx: ServiceContext,
	user: SessionUser,
	auditId: string
): Promise<AuditDetail> {
	requireUuid(auditId, 'audit');
	const audit = await findAudit(ctx.db, auditId);
	if (!audit || !(await canReadAudit(ctx.db, user, audit))) throw auditNotFound();
	const [row, photos, comments, names, reports] = await Promise.all([
		findAuditListRow(ctx.db, audit.id),
		listPhotosOfAudit(ctx.db, audit.id),
		// Review comments are the review team's and the shopper's, not a report reader's.
		user.role === 'viewer' ? [] : listCommentsOfAudits(ctx.db, audit.organisation_id, [audit.id]),
		findTemplateNames(ctx.db, audit.organisation_id, [audit.template_id]),
		latestReportJobs(ctx.db, [audit.id])
	]);
	if (!row) throw auditNotFound();
	const content = parseContent(audit.content);
	const score = decodeStoredScore(audit.score);
	return {
		...listItemOf(row, names, reports.get(audit.id), content.location),
		assignmentId: audit.assignment_id,
		updatedAt: audit.updated_at,
		content: {
			locale: content.locale,
			location: content.location,
			timeIn: content.timeIn,
			timeOut: content.timeOut,
			stageTimeMs: content.stageTimeMs,
			narrative: content.narrative,
			answers: content.answers,
			notes: content.notes,
			presence: content.presence ?? null
		},
		score: score as unknown as AuditDetail['score'],
		photos: photos.map((photo) => ({
			id: photo.id,
			checkpointId: photo.checkpoint_id,
			kind: photo.kind,
			caption: photo.caption,
			capturedAt: photo.captured_at,
			sha256: photo.sha256,
			byteLength: photo.byte_length,
			width: photo.width,
			height: photo.height,
			stored: photo.stored_at !== null
		})),
		comments: comments.map((comment) => ({
			checkpointId: comment.checkpoint_id,
			body: comment.body,
			createdAt: comment.created_at,
			round: comment.round
		}))
	};
}

/** The office's list items of these rows: template names and report states looked up per page. */
export async function listItemsOf(
	ctx: ServiceContext,
	organisationId: string,
	rows: readonly AuditListRow[]
): Promise<AuditListItem[]> {
	const [names, reports] = await Promise.all([
		findTemplateNames(
			ctx.db,
			organisationId,
			rows.map((row) => row.template_id)
		),
		latestReportJobs(
			ctx.db,
			rows.map((row) => row.id)
		)
	]);
	return rows.map((row) => listItemOf(row, names, reports.get(row.id)));
}

function listItemOf(
	row: AuditListRow,
	names: Map<string, Record<string, string>>,
	report: ReportJobRow | undefined,
	snapshot?: { name: string; kind: 'own' | 'competitor' }
): AuditListItem {
	return {
		id: row.id,
		location: { id: row.location_id, name: row.location_name ?? snapshot?.name ?? '' },
		kind: row.location_kind ?? snapshot?.kind ?? 'own',
		template: {
			id: row.template_id,
			version: row.template_version,
			name: names.get(`${row.template_id}@${row.template_version}`) ?? { en: row.template_id }
		},
		shopperPseudonym: row.shopper_pseudonym ?? '',
		receivedAt: row.received_at,
		submittedAt: row.submitted_at,
		state: row.state,
		revision: row.revision,
		totalPercent: row.total_percent,
		reportState: reportStateOf(report)
	};
}
