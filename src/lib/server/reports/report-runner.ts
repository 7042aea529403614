import { randomUUID } from 'node:crypto';
import { buildReportModel } from '$lib/domain/report-model';
import type { Db, Dialect } from '../db/connect';
import { createDiskPhotoStore } from '../files/photo-store';
import { insertAuditEvent } from '../repos/audit-events';
import {
	claimReportJob,
	completeReportJob,
	failAbandonedReportJobs,
	failReportJob,
	releaseDeadClaims,
	renewReportJobLease,
	type ReportJobRow
} from '../repos/report-jobs';
import { logger, errorFields } from '../log';
import { buildReportInput } from './build-report-input';
import { readReportFile, reportFileName } from './report-files';
import { setSealReportSha256 } from '../repos/seals';
import { sha256Hex } from '../services/sha256';
import { onReportQueued } from './report-queue';
import { writeReportPdf, type WriteReportPdfOptions } from './write-report-pdf';

/** What the runner needs of the server: the database, its dialect and the data folder. */
export interface ReportRunnerContext {
	db: Db;
	dialect: Dialect;
	dataDir: string;
}

/** Back-off before each retry of a failed job; its length is the number of retries. */
export const REPORT_RETRY_DELAYS_MS: readonly number[] = [30_000, 120_000, 600_000];

/**
 * How long a claim holds unless renewed. The runner renews it every third of that while the job
 * is in hand, so a job whose instance died is taken over within this time (not minutes later).
 */
export const REPORT_LEASE_MS = 30_000;

export interface ReportRunnerOptions {
	getContext: () => Promise<ReportRunnerContext>;
	/** Unique per process; a job's lock names it. */
	instanceId: string;
	/** How often to look for due jobs when idle. Default 1000. */
	pollMs?: number;
	/** The clock for job times (tests move it). Default Date.now. */
	now?: () => number;
	retryDelaysMs?: readonly number[];
	/** How long a claim holds unless renewed. Default `REPORT_LEASE_MS` (30 s). */
	lockMs?: number;
	/** How often the claim of the job in hand is renewed. Default a third of `lockMs`. */
	renewMs?: number;
	/**
	 * Says whether a claim's holder (its instance id) is certainly dead; such claims are released
	 * when the runner starts instead of waiting for their lease to lapse. Default: none are.
	 */
	isDeadClaim?: (lockedBy: string) => boolean;
	/** Writes the PDF; default `writeReportPdf` (a low-priority renderer process). */
	render?: (options: WriteReportPdfOptions) => Promise<unknown>;
	/** Render in this thread (tests); default false. */
	inProcess?: boolean;
	/** Told about every finished attempt (logging, tests). */
	onJob?: (job: ReportJobRow, outcome: { ok: true } | { ok: false; error: string }) => void;
}

export interface ReportRunner {
	/** Stops polling; resolves once the job in hand (if any) is recorded. */
	stop(): Promise<void>;
	/** Looks for a job now instead of at the next poll. */
	kick(): void;
}

/**
 * Starts this instance's report loop: claim one due job (see `claimReportJob`), build its input
 * from the database, render the PDF, store it as `reports/{org}/{audit}/v{version}.pdf` and mark
 * it ready; on error record `failed` with the reason and a back-off (`retryDelaysMs`) after which
 * it is retried, until the retries are used up. One job at a time: layout is CPU-bound, and
 * several instances share the queue. Idle, it polls every `pollMs` and wakes at once when a
 * report is queued in this process.
 */
export function startReportRunner(options: ReportRunnerOptions): ReportRunner {
	const pollMs = options.pollMs ?? 1000;
	const now = options.now ?? Date.now;
	const delays = options.retryDelaysMs ?? REPORT_RETRY_DELAYS_MS;
	const maxAttempts = delays.length + 1;
	const lockMs = options.lockMs ?? REPORT_LEASE_MS;
	const renewMs = options.renewMs ?? Math.max(1, Math.floor(lockMs / 3));
	const render = options.render ?? writeReportPdf;
	let stopped = false;
	let wake: (() => void) | null = null;
	let kicked = false;

	const kick = () => {
		kicked = true;
		wake?.();
	};
	const unsubscribe = onReportQueued(kick);

	const sleep = () =>
		new Promise<void>((resolve) => {
			if (kicked || stopped) return resolve();
			const timer = setTimeout(done, pollMs);
			function done() {
				clearTimeout(timer);
				wake = null;
				resolve();
			}
			wake = done;
		});

	async function runOne(ctx: ReportRunnerContext): Promise<boolean> {
		await failAbandonedReportJobs(ctx.db, now(), maxAttempts);
		const job = await claimReportJob(ctx.db, ctx.dialect, {
			instanceId: options.instanceId,
			now: now(),
			lockMs,
			maxAttempts
		});
		if (!job) return false;
		const lease = holdLease(ctx.db, job);
		try {
			const input = await buildReportInput(ctx.db, createDiskPhotoStore(ctx.dataDir), job, now());
			const file = reportFileName(job.organisation_id, job.audit_id, job.version);
			await render({
				dataDir: ctx.dataDir,
				organisationId: job.organisation_id,
				auditId: job.audit_id,
				model: buildReportModel(input),
				file,
				inProcess: options.inProcess
			});
			// The PDF's hash, so the verify page can tell this very file from an altered one.
			const pdf = await readReportFile(ctx.dataDir, file);
			if (pdf) await setSealReportSha256(ctx.db, job.audit_id, job.version, sha256Hex(pdf));
			const completed = await completeReportJob(ctx.db, {
				id: job.id,
				instanceId: options.instanceId,
				file,
				now: now()
			});
			if (completed) await recordReportEvent(ctx.db, job, 'report_ready', now());
			options.onJob?.(job, { ok: true });
		} catch (cause) {
			const error = cause instanceof Error ? cause.message : String(cause);
			// job.attempts already counts this attempt; the next delay is the one after it.
			const delay = delays[job.attempts - 1] ?? 0;
			const recorded = await failReportJob(ctx.db, {
				id: job.id,
				instanceId: options.instanceId,
				error,
				retryAt: now() + delay,
				now: now()
			});
			// In the trail once it has given up, not at every retried attempt.
			if (recorded && job.attempts >= maxAttempts) {
				await recordReportEvent(ctx.db, job, 'report_failed', now(), { error });
			}
			options.onJob?.(job, { ok: false, error });
		} finally {
			lease.stop();
		}
		return true;
	}

	/** Renews the claim on `job` every `renewMs` until stopped, only while this instance holds it. */
	function holdLease(db: Db, job: ReportJobRow): { stop(): void } {
		let renewing: Promise<void> = Promise.resolve();
		let active = true;
		const timer = setInterval(() => {
			renewing = renewing.then(async () => {
				if (!active) return;
				try {
					const held = await renewReportJobLease(db, {
						id: job.id,
						instanceId: options.instanceId,
						lockedUntil: now() + lockMs,
						now: now()
					});
					if (!held && active) {
						logger.warn('Report job lease lost', { jobId: job.id, auditId: job.audit_id });
						clearInterval(timer);
					}
				} catch (error) {
					logger.warn('Report job lease not renewed', { jobId: job.id, ...errorFields(error) });
				}
			});
		}, renewMs);
		return {
			stop: () => {
				active = false;
				clearInterval(timer);
			}
		};
	}

	async function releaseDeadInstancesClaims(): Promise<void> {
		if (!options.isDeadClaim) return;
		try {
			const ctx = await options.getContext();
			const released = await releaseDeadClaims(ctx.db, now(), options.isDeadClaim);
			if (released.length) logger.info('Released report jobs of a dead instance', { released });
		} catch (error) {
			logger.error('Report runner: releasing dead claims failed', errorFields(error));
		}
	}

	async function loop(): Promise<void> {
		await releaseDeadInstancesClaims();
		while (!stopped) {
			kicked = false;
			let worked = false;
			try {
				worked = await runOne(await options.getContext());
			} catch (error) {
				// A database hiccup must not end the loop; the next poll tries again.
				logger.error('Report runner failed; retrying at the next poll', errorFields(error));
			}
			if (!worked) await sleep();
		}
	}

	const running = loop();
	return {
		kick,
		async stop() {
			stopped = true;
			unsubscribe();
			wake?.();
			await running;
		}
	};
}

async function recordReportEvent(
	db: Db,
	job: ReportJobRow,
	kind: 'report_ready' | 'report_failed',
	at: number,
	extra: Record<string, unknown> = {}
): Promise<void> {
	await insertAuditEvent(db, {
		id: randomUUID(),
		organisation_id: job.organisation_id,
		audit_id: job.audit_id,
		actor_id: null,
		kind,
		revision: job.audit_revision ?? 0,
		details: JSON.stringify({ version: job.version, ...extra }),
		created_at: at
	});
}
