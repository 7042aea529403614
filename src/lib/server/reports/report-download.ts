import type { SessionUser } from '$lib/contract/auth';
import type { ReportState } from '$lib/contract/office';
import { ServiceError } from '../service-error';
import { findAudit } from '../repos/audits';
import { findReportJobVersion, latestReportJobs, type ReportJobRow } from '../repos/report-jobs';
import { auditNotFound, canReadAudit } from '../services/audit-access';
import type { ServiceContext } from '../services/context';
import { requireUuid } from '../services/ids';
import { readReportFile } from './report-files';

/** The report state the office sees for an audit's newest report job (none without one). */
export function reportStateOf(job: ReportJobRow | undefined): ReportState {
	if (!job) return 'none';
	return job.state === 'running' ? 'pending' : job.state;
}

/**
 * `GET /api/audits/{id}/report`: the PDF of the audit's newest report version, for a reader of
 * the audit (`canReadAudit`: its organisation's managers and admins, its own shopper). 404
 * audit_not_found for anyone else; 409 report_pending while the newest version is queued or
 * rendering; 404 report_not_found when there is none or it failed (an older version would show
 * a superseded review state).
 */
export async function readLatestReport(
	ctx: ServiceContext,
	user: SessionUser,
	auditId: string
): Promise<{ bytes: Buffer; filename: string }> {
	requireUuid(auditId, 'audit');
	const audit = await findAudit(ctx.db, auditId);
	if (!audit || !(await canReadAudit(ctx.db, user, audit))) throw auditNotFound();
	const job = (await latestReportJobs(ctx.db, [auditId])).get(auditId);
	const state = reportStateOf(job);
	if (state === 'pending') {
		throw new ServiceError(
			'conflict',
			'report_pending',
			'The report is being made; try again shortly.'
		);
	}
	const bytes =
		job?.state === 'ready' && job.file ? await readReportFile(ctx.dataDir, job.file) : null;
	if (!job || !bytes) {
		throw new ServiceError('not_found', 'report_not_found', 'This audit has no report ready.', {
			state
		});
	}
	return { bytes, filename: `shopwalk-report-${auditId}-v${job.version}.pdf` };
}

/**
 * `GET /api/audits/{id}/reports/{version}`: one report version's PDF, for readers of the audit.
 * Earlier versions stay downloadable for reviewers and the shopper; a report reader (`viewer`)
 * gets only the newest. not_found `report_not_found` for a version that does not exist, is not
 * theirs to see, or failed; conflict `report_pending` while it is being made.
 */
export async function readReportVersion(
	ctx: ServiceContext,
	user: SessionUser,
	auditId: string,
	version: number
): Promise<{ bytes: Buffer; filename: string }> {
	requireUuid(auditId, 'audit');
	const audit = await findAudit(ctx.db, auditId);
	if (!audit || !(await canReadAudit(ctx.db, user, audit))) throw auditNotFound();
	const notFound = new ServiceError('not_found', 'report_not_found', 'There is no such report.');
	if (!Number.isSafeInteger(version) || version < 1) throw notFound;
	const job = await findReportJobVersion(ctx.db, auditId, version);
	if (!job) throw notFound;
	if (user.role === 'viewer') {
		const latest = (await latestReportJobs(ctx.db, [auditId])).get(auditId);
		if (latest?.version !== job.version) throw notFound;
	}
	if (job.state === 'pending' || job.state === 'running') {
		throw new ServiceError(
			'conflict',
			'report_pending',
			'The report is being made; try again shortly.'
		);
	}
	const bytes =
		job.state === 'ready' && job.file ? await readReportFile(ctx.dataDir, job.file) : null;
	if (!bytes) throw notFound;
	return { bytes, filename: `shopwalk-report-${auditId}-v${job.version}.pdf` };
}
