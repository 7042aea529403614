import type { SessionUser } from '$lib/contract/auth';
import type { ReportState } from '$lib/contract/office';
import { ServiceError } from '../service-error';
import { findAudit } from '../repos/audits';
import { latestReportJobs, type ReportJobRow } from '../repos/report-jobs';
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
	if (!audit || !canReadAudit(user, audit)) throw auditNotFound();
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
