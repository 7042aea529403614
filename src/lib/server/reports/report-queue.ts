import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connect';
import { insertReportJob, type ReportJobRow } from '../repos/report-jobs';

const listeners = new Set<() => void>();

/**
 * Queues the next report version of an audit. Call inside the transaction that changes the
 * audit's state, so the job exists exactly when the change does; call `announceReportQueued`
 * once that transaction has committed.
 */
export function queueReport(
	db: Db,
	audit: { organisationId: string; auditId: string },
	now: number
): Promise<ReportJobRow> {
	return insertReportJob(db, { id: randomUUID(), ...audit, now });
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
