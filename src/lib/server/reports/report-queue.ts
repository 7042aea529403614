import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connect';
import type { AuditRow } from '../repos/audits';
import { insertReportJob, type ReportJobRow } from '../repos/report-jobs';
import { takeReportSnapshot } from './report-snapshot';

const listeners = new Set<() => void>();

/**
 * Queues the next report version of an audit, made from exactly `audit` as it stands now (its
 * revision, review state, content, score and photos are snapshotted into the job). Call inside
 * the transaction that changes the audit's state, with the row as changed, so the job exists
 * exactly when the change does; call `announceReportQueued` once that transaction has committed.
 */
export async function queueReport(db: Db, audit: AuditRow, now: number): Promise<ReportJobRow> {
	const snapshot = await takeReportSnapshot(db, audit);
	return insertReportJob(db, {
		id: randomUUID(),
		organisationId: audit.organisation_id,
		auditId: audit.id,
		now,
		auditRevision: snapshot.revision,
		reviewState: snapshot.state,
		snapshot: JSON.stringify(snapshot)
	});
}

/**
 * Wakes this process's report runner at once instead of at its next poll. Only after commit:
 * woken earlier, the runner could look before the job is visible and then sleep a whole poll.
 */
export function announceReportQueued(): void {
	for (const listener of listeners) listener();
}

/** Calls `listener` whenever a report is queued in this process; returns the unsubscribe. */
export function onReportQueued(listener: () => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}
