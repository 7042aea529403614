/**
 * A visit's (assignment's) state, derived the same way on the server and on the tablet from
 * what each side knows: the assignment's stored status and window, and the audit made for it.
 *
 * open → in_progress (an audit was started) → done (handed in); overdue when the window has
 * passed and the visit is not done; cancelled by the office.
 */
export const VISIT_STATES = ['open', 'in_progress', 'done', 'overdue', 'cancelled'] as const;
export type VisitState = (typeof VISIT_STATES)[number];

/** How far the audit for a visit has come, as either side sees it. */
export type VisitProgress = 'none' | 'started' | 'handed_in';

export interface VisitFacts {
	status: 'open' | 'done' | 'cancelled';
	windowStart: number;
	windowEnd: number;
}

/** The visit's state at `now`. */
export function visitState(visit: VisitFacts, progress: VisitProgress, now: number): VisitState {
	if (visit.status === 'cancelled') return 'cancelled';
	if (visit.status === 'done' || progress === 'handed_in') return 'done';
	if (now > visit.windowEnd) return 'overdue';
	return progress === 'started' ? 'in_progress' : 'open';
}

/** The server's progress of a visit from its audit's review state (null: no audit yet). */
export function serverProgress(auditState: string | null): VisitProgress {
	if (auditState === null) return 'none';
	return auditState === 'draft' || auditState === 'returned' ? 'started' : 'handed_in';
}

/** The device's progress from its own audit's status (null: not started on this device). */
export function deviceProgress(auditStatus: string | null): VisitProgress {
	if (auditStatus === null) return 'none';
	return auditStatus === 'received' ? 'handed_in' : 'started';
}

/** Whether a moment (time-in, hand-in) falls outside the visit's window: flagged, never refused. */
export function outsideWindow(visit: Pick<VisitFacts, 'windowStart' | 'windowEnd'>, at: number) {
	return at < visit.windowStart || at > visit.windowEnd;
}

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
	if (!zone || zone.length > 64) return false;
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}
