import type { ExpressionBuilder, Selectable, Updateable } from 'kysely';
import type { Db, Dialect } from '../db/connect';
import type { Database, ReportJobTable } from '../db/schema';

export type ReportJobRow = Selectable<ReportJobTable>;
export type ReportJobState = ReportJobTable['state'];

/**
 * Adds the next report version of an audit as a pending job and returns it. Call inside the
 * transaction that holds the audit's row lock (the submit), so two submits cannot pick the same
 * version; the unique (audit_id, version) constraint backs that up.
 */
export async function insertReportJob(
	db: Db,
	job: {
		id: string;
		organisationId: string;
		auditId: string;
		now: number;
		/** The revision and review state the version shows, and the content it is made from. */
		auditRevision: number;
		reviewState: string;
		snapshot: string;
	}
): Promise<ReportJobRow> {
	const last = await db
		.selectFrom('report_jobs')
		.select((eb) => eb.fn.max('version').as('version'))
		.where('audit_id', '=', job.auditId)
		.executeTakeFirst();
	const version = Number(last?.version ?? 0) + 1;
	return db
		.insertInto('report_jobs')
		.values({
			id: job.id,
			organisation_id: job.organisationId,
			audit_id: job.auditId,
			version,
			state: 'pending',
			attempts: 0,
			last_error: null,
			run_after: job.now,
			locked_by: null,
			locked_until: null,
			file: null,
			created_at: job.now,
			updated_at: job.now,
			audit_revision: job.auditRevision,
			review_state: job.reviewState,
			snapshot: job.snapshot
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

export interface ClaimOptions {
	instanceId: string;
	now: number;
	/** How long the claim holds before another instance may reclaim the job. */
	lockMs: number;
	/** Failed jobs with fewer attempts than this are retried once due. */
	maxAttempts: number;
}

/**
 * Takes the oldest due job for this instance: pending, failed with attempts left and its back-off
 * over, or running with a lapsed lock (its instance died). One statement, so each job goes to
 * exactly one claimant: on PostgreSQL the subquery locks the row `FOR UPDATE SKIP LOCKED` (a
 * concurrent claim skips it rather than waiting and taking it too); on SQLite the single writer
 * serialises claims and the outer WHERE re-checks the state. Returns the claimed row, if any.
 */
export async function claimReportJob(
	db: Db,
	dialect: Dialect,
	options: ClaimOptions
): Promise<ReportJobRow | undefined> {
	const { now, maxAttempts } = options;
	// No explicit transaction: one statement is atomic on its own, and on SQLite an open
	// transaction held across an await would make a second connection in the same process block
	// the thread on its busy timeout.
	const next = db
		.selectFrom('report_jobs')
		.select('id')
		.where((eb) => claimable(eb, now, maxAttempts))
		.orderBy('created_at')
		.orderBy('id')
		.limit(1)
		.$if(dialect === 'postgres', (qb) => qb.forUpdate().skipLocked());
	return db
		.updateTable('report_jobs')
		.set((eb) => ({
			state: 'running',
			attempts: eb('attempts', '+', 1),
			locked_by: options.instanceId,
			locked_until: now + options.lockMs,
			updated_at: now
		}))
		.where('id', '=', next)
		.where((eb) => claimable(eb, now, maxAttempts))
		.returningAll()
		.executeTakeFirst();
}

function claimable(
	eb: ExpressionBuilder<Database, 'report_jobs'>,
	now: number,
	maxAttempts: number
) {
	return eb.or([
		eb.and([eb('state', '=', 'pending'), eb('run_after', '<=', now)]),
		eb.and([
			eb('state', '=', 'failed'),
			eb('attempts', '<', maxAttempts),
			eb('run_after', '<=', now)
		]),
		eb.and([
			eb('state', '=', 'running'),
			eb('locked_until', '<', now),
			eb('attempts', '<', maxAttempts)
		])
	]);
}

/**
 * Extends this instance's claim on a running job to `lockedUntil`, only while it still holds it.
 * The runner renews while the job is in hand, so a short lease lapses soon after its holder dies.
 * Returns whether it still held the job.
 */
export async function renewReportJobLease(
	db: Db,
	job: { id: string; instanceId: string; lockedUntil: number; now: number }
): Promise<boolean> {
	const result = await db
		.updateTable('report_jobs')
		.set({ locked_until: job.lockedUntil })
		.where('id', '=', job.id)
		.where('state', '=', 'running')
		.where('locked_by', '=', job.instanceId)
		.where('locked_until', '>=', job.now)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

/**
 * Makes running jobs whose holder `isDead` says is gone claimable at once (their lease is ended
 * now instead of when it lapses). Returns the ids released.
 */
export async function releaseDeadClaims(
	db: Db,
	now: number,
	isDead: (lockedBy: string) => boolean
): Promise<string[]> {
	const running = await db
		.selectFrom('report_jobs')
		.select(['id', 'locked_by'])
		.where('state', '=', 'running')
		.where('locked_until', '>=', now)
		.execute();
	const released: string[] = [];
	for (const row of running) {
		if (row.locked_by === null || !isDead(row.locked_by)) continue;
		const result = await db
			.updateTable('report_jobs')
			.set({ locked_until: now - 1, updated_at: now })
			.where('id', '=', row.id)
			.where('state', '=', 'running')
			.where('locked_by', '=', row.locked_by)
			.executeTakeFirst();
		if (result.numUpdatedRows > 0n) released.push(row.id);
	}
	return released;
}

/**
 * Gives up on running jobs whose lock lapsed with no attempts left (their instance kept dying
 * while rendering them), so they do not look pending forever. Returns how many.
 */
export async function failAbandonedReportJobs(
	db: Db,
	now: number,
	maxAttempts: number
): Promise<number> {
	const result = await db
		.updateTable('report_jobs')
		.set({
			state: 'failed',
			last_error: 'The renderer stopped before finishing (instance restarted or crashed).',
			locked_by: null,
			locked_until: null,
			updated_at: now
		})
		.where('state', '=', 'running')
		.where('locked_until', '<', now)
		.where('attempts', '>=', maxAttempts)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/**
 * Records the stored PDF, only while this instance still holds the job (a reclaimed job belongs
 * to its new holder). Returns whether it did.
 */
export async function completeReportJob(
	db: Db,
	job: { id: string; instanceId: string; file: string; now: number }
): Promise<boolean> {
	return finishHeldJob(db, job, {
		state: 'ready',
		file: job.file,
		last_error: null,
		updated_at: job.now
	});
}

/**
 * Records a failed attempt with its reason: `failed`, claimable again from `retryAt` while it has
 * attempts left (see `claimReportJob`). Only while this instance holds the job.
 */
export async function failReportJob(
	db: Db,
	job: { id: string; instanceId: string; error: string; retryAt: number; now: number }
): Promise<boolean> {
	return finishHeldJob(db, job, {
		state: 'failed',
		last_error: job.error.slice(0, 2000),
		run_after: job.retryAt,
		updated_at: job.now
	});
}

/** Ends this instance's hold on a running job with `changes`; false if it no longer holds it. */
async function finishHeldJob(
	db: Db,
	job: { id: string; instanceId: string },
	changes: Updateable<ReportJobTable>
): Promise<boolean> {
	const result = await db
		.updateTable('report_jobs')
		.set({ ...changes, locked_by: null, locked_until: null })
		.where('id', '=', job.id)
		.where('state', '=', 'running')
		.where('locked_by', '=', job.instanceId)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

/** The newest report job (highest version) of each of these audits, by audit id. */
export async function latestReportJobs(
	db: Db,
	auditIds: readonly string[]
): Promise<Map<string, ReportJobRow>> {
	const latest = new Map<string, ReportJobRow>();
	if (auditIds.length === 0) return latest;
	const rows = await db
		.selectFrom('report_jobs')
		.selectAll()
		.where('audit_id', 'in', auditIds)
		.execute();
	for (const row of rows) {
		const seen = latest.get(row.audit_id);
		if (!seen || seen.version < row.version) latest.set(row.audit_id, row);
	}
	return latest;
}

/** Every report job of one audit, oldest version first. */
export async function listReportJobsOfAudit(db: Db, auditId: string): Promise<ReportJobRow[]> {
	return db
		.selectFrom('report_jobs')
		.selectAll()
		.where('audit_id', '=', auditId)
		.orderBy('version')
		.execute();
}

/** One report version of an audit, or undefined. */
export async function findReportJobVersion(
	db: Db,
	auditId: string,
	version: number
): Promise<ReportJobRow | undefined> {
	return db
		.selectFrom('report_jobs')
		.selectAll()
		.where('audit_id', '=', auditId)
		.where('version', '=', version)
		.executeTakeFirst();
}
