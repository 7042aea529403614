import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/connect';
import { createDiskPhotoStore } from '../files/photo-store';
import { claimReportJob, listReportJobsOfAudit, type ReportJobRow } from '../repos/report-jobs';
import { listAuditEvents } from '../repos/audit-events';
import { approveAudit, returnAudit } from '../services/audit-review';
import { submitAudit } from '../services/audit-submit';
import { upsertAudit } from '../services/audit-upsert';
import { openSyncFixture, type SyncFixture } from '../services/test-helpers';
import { submitRequestOf } from '../testing/complete-audit';
import { readReportVersion } from './report-download';
import { startReportRunner, type ReportRunner, type ReportRunnerOptions } from './report-runner';
import { submitSmallAudit, waitFor } from './testing/report-fixture';
import { writeReportPdf } from './write-report-pdf';

const NOW = 1_760_000_000_000;

async function allJobs(handle: DbHandle): Promise<ReportJobRow[]> {
	return handle.db.selectFrom('report_jobs').selectAll().orderBy('created_at').execute();
}

describe('the report runner', () => {
	let f: SyncFixture;
	let second: DbHandle | undefined;
	let runners: ReportRunner[] = [];
	beforeEach(async () => {
		f = await openSyncFixture(NOW);
	});
	afterEach(async () => {
		await Promise.all(runners.map((runner) => runner.stop()));
		runners = [];
		await second?.close();
		second = undefined;
		await f.database.dispose();
	});

	const start = (
		handle: DbHandle,
		instanceId: string,
		extra: Partial<ReportRunnerOptions> = {}
	) => {
		const runner = startReportRunner({
			getContext: async () => handle,
			instanceId,
			pollMs: 10,
			inProcess: true,
			...extra
		});
		runners.push(runner);
		return runner;
	};

	it('two instances on one database render ten submitted audits exactly once each', async () => {
		const audits = [];
		for (let index = 0; index < 10; index++) {
			audits.push(await submitSmallAudit(f.ctx, f.a, NOW + index));
		}
		second = await f.database.openAnother();
		const renders = new Map<string, number>();
		const claims: string[] = [];
		const render: ReportRunnerOptions['render'] = (options) => {
			renders.set(options.auditId, (renders.get(options.auditId) ?? 0) + 1);
			return writeReportPdf(options);
		};
		const onJob: ReportRunnerOptions['onJob'] = (job) => claims.push(job.id);
		// In-process renders keep this fast; the claim race itself is the next test's subject.
		start(f.database, 'instance-a', { render, onJob });
		start(second, 'instance-b', { render, onJob });

		await waitFor(
			async () => (await allJobs(f.database)).every((job) => job.state === 'ready'),
			40_000,
			'ten ready reports'
		);
		const jobs = await allJobs(f.database);
		expect(jobs).toHaveLength(10);
		expect(new Set(jobs.map((job) => job.audit_id))).toEqual(new Set(audits.map((a) => a.id)));
		for (const job of jobs) {
			expect(job).toMatchObject({ state: 'ready', attempts: 1, version: 1, last_error: null });
			const pdf = readFileSync(join(f.ctx.dataDir, job.file ?? ''));
			expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
			expect(job.file).toBe(`reports/${f.a.organisation.id}/${job.audit_id}/v1.pdf`);
		}
		expect([...renders.values()]).toEqual(Array(10).fill(1));
		expect(claims.sort()).toEqual(jobs.map((job) => job.id).sort());
	}, 60_000);

	it('renders each review version from its own revision, with its state and number on the cover', async () => {
		const audit = await submitSmallAudit(f.ctx, f.a, NOW);
		await returnAudit(
			f.ctx,
			f.a.manager,
			audit.id,
			{
				expectedState: 'submitted',
				expectedRevision: 1,
				comment: 'Describe the farewell.',
				checkpointComments: []
			},
			NOW + 10
		);
		// The shopper edits before the runner gets to version 2: it must still show revision 1.
		audit.upload = { ...audit.upload, revision: 2, narrative: 'Edited after the return.' };
		await upsertAudit(f.ctx, f.a.shopper, audit.id, audit.upload, NOW + 20);
		await submitAudit(f.ctx, f.a.shopper, audit.id, 'k-2', submitRequestOf(audit), NOW + 30);
		await approveAudit(
			f.ctx,
			f.a.admin,
			audit.id,
			{ expectedState: 'resubmitted', expectedRevision: 2 },
			NOW + 40
		);
		start(f.database, 'instance-a');
		await waitFor(
			async () =>
				(await listReportJobsOfAudit(f.ctx.db, audit.id)).every((job) => job.state === 'ready'),
			40_000,
			'four ready versions'
		);
		const text = async (version: number) => {
			const { bytes, filename } = await readReportVersion(f.ctx, f.a.shopper, audit.id, version);
			// For looking at the pages: REPORT_PDF_OUT=/tmp/versioned npm … writes /tmp/versioned-v4.pdf.
			if (process.env.REPORT_PDF_OUT)
				writeFileSync(`${process.env.REPORT_PDF_OUT}-v${version}.pdf`, bytes);
			expect(filename).toBe(`shopwalk-report-${audit.id}-v${version}.pdf`);
			return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], {
				input: bytes,
				encoding: 'utf8'
			}).replace(/\s+/g, ' ');
		};
		const v1 = await text(1);
		const v2 = await text(2);
		const v4 = await text(4);
		expect(v1).toContain('Submitted, awaiting review · Report version 1');
		expect(v2).toContain('Returned to the shopper · Report version 2');
		expect(v2).toContain('Calm visit; the advisor was knowledgeable');
		expect(v2).not.toContain('Edited after the return.');
		expect(v4).toContain('Approved · Report version 4');
		expect(v4).toContain('Edited after the return.');
		const events = await listAuditEvents(f.ctx.db, f.a.organisation.id, audit.id);
		expect(
			events
				.filter((event) => event.kind === 'report_ready')
				.map((e) => e.details.version)
				.sort()
		).toEqual([1, 2, 3, 4]);
	});

	it('hands each due job to exactly one of many concurrent claims from two instances', async () => {
		for (let index = 0; index < 10; index++) await submitSmallAudit(f.ctx, f.a, NOW + index);
		second = await f.database.openAnother();
		const handles = [f.database, second];
		const claims = await Promise.all(
			Array.from({ length: 24 }, (_, index) => {
				const handle = handles[index % 2] as DbHandle;
				return claimReportJob(handle.db, handle.dialect, {
					instanceId: `claimant-${index}`,
					now: NOW + 1000,
					lockMs: 60_000,
					maxAttempts: 3
				});
			})
		);
		const claimed = claims.filter((job) => job !== undefined);
		expect(claimed).toHaveLength(10);
		expect(new Set(claimed.map((job) => job.id)).size).toBe(10);
		const jobs = await allJobs(f.database);
		expect(jobs.every((job) => job.state === 'running' && job.attempts === 1)).toBe(true);
	});

	it('records a missing photo as failed with its reason, retries with back-off, and carries on', async () => {
		const good1 = await submitSmallAudit(f.ctx, f.a, NOW);
		const broken = await submitSmallAudit(f.ctx, f.a, NOW + 1);
		const good2 = await submitSmallAudit(f.ctx, f.a, NOW + 2);
		const lost = broken.photos[0]?.entry.id as string;
		await createDiskPhotoStore(f.ctx.dataDir).delete({
			organisationId: f.a.organisation.id,
			auditId: broken.id,
			photoId: lost
		});
		let clock = NOW + 100;
		const runner = start(f.database, 'instance-a', {
			now: () => clock,
			retryDelaysMs: [30_000, 120_000]
		});
		const brokenJob = async () => (await listReportJobsOfAudit(f.ctx.db, broken.id))[0];
		const stateOf = async (id: string) => (await listReportJobsOfAudit(f.ctx.db, id))[0]?.state;

		// The broken job is the second in line: the third still becomes ready.
		await waitFor(
			async () => (await stateOf(good1.id)) === 'ready' && (await stateOf(good2.id)) === 'ready',
			20_000,
			'the good reports'
		);
		const job = await brokenJob();
		expect(job).toMatchObject({
			state: 'failed',
			attempts: 1,
			file: null,
			run_after: clock + 30_000
		});
		expect(job?.last_error).toContain('Photo file missing');
		expect(job?.last_error).toContain(lost);

		// Not retried before its back-off is over.
		runner.kick();
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect((await brokenJob())?.attempts).toBe(1);

		clock += 30_000;
		runner.kick();
		await waitFor(async () => (await brokenJob())?.attempts === 2, 10_000, 'the first retry');
		await waitFor(async () => (await brokenJob())?.state === 'failed', 10_000, 'failed again');
		expect((await brokenJob())?.run_after).toBe(clock + 120_000);

		clock += 120_000;
		runner.kick();
		await waitFor(async () => (await brokenJob())?.attempts === 3, 10_000, 'the last retry');
		await waitFor(async () => (await brokenJob())?.state === 'failed', 10_000, 'failed for good');

		// Out of attempts: it stays failed however long we wait.
		clock += 24 * 60 * 60_000;
		runner.kick();
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(await brokenJob()).toMatchObject({ state: 'failed', attempts: 3 });
		expect((await brokenJob())?.last_error).toContain('Photo file missing');
	}, 60_000);

	it('reclaims a running job whose instance died (its lock lapsed)', async () => {
		const audit = await submitSmallAudit(f.ctx, f.a, NOW);
		await f.ctx.db
			.updateTable('report_jobs')
			.set({ state: 'running', attempts: 1, locked_by: 'dead', locked_until: NOW + 50 })
			.where('audit_id', '=', audit.id)
			.execute();
		start(f.database, 'instance-a', { now: () => NOW + 100 });
		await waitFor(
			async () => (await listReportJobsOfAudit(f.ctx.db, audit.id))[0]?.state === 'ready',
			20_000,
			'the reclaimed report'
		);
		expect((await listReportJobsOfAudit(f.ctx.db, audit.id))[0]).toMatchObject({
			attempts: 2,
			locked_by: null
		});
	});

	it('renews the claim of the job in hand, so a long render is not taken over', async () => {
		const audit = await submitSmallAudit(f.ctx, f.a, NOW);
		let clock = NOW + 100;
		let release: () => void = () => {};
		const rendering = new Promise<void>((resolve) => (release = resolve));
		const seenLocks: number[] = [];
		const render: ReportRunnerOptions['render'] = async (options) => {
			// The clock runs past several lease lengths while the render is in hand.
			for (let i = 0; i < 5; i++) {
				clock += 200;
				await new Promise((r) => setTimeout(r, 60));
				const job = (await listReportJobsOfAudit(f.ctx.db, audit.id))[0]!;
				seenLocks.push(Number(job.locked_until));
			}
			await rendering;
			return writeReportPdf(options);
		};
		start(f.database, 'instance-a', { now: () => clock, lockMs: 300, renewMs: 20, render });
		await waitFor(async () => seenLocks.length === 5, 10_000, 'the render under way');
		// A second instance finds nothing to claim: the lease was renewed past each moment.
		second = await f.database.openAnother();
		const stolen = await claimReportJob(second.db, second.dialect, {
			instanceId: 'instance-b',
			now: clock,
			lockMs: 300,
			maxAttempts: 4
		});
		expect(stolen).toBeUndefined();
		expect(seenLocks.at(-1)!).toBeGreaterThan(NOW + 800);
		release();
		await waitFor(
			async () => (await listReportJobsOfAudit(f.ctx.db, audit.id))[0]?.state === 'ready',
			20_000,
			'the report'
		);
		expect((await listReportJobsOfAudit(f.ctx.db, audit.id))[0]).toMatchObject({ attempts: 1 });
	});

	it('releases at start the claims of a dead instance, without waiting for the lease', async () => {
		const audit = await submitSmallAudit(f.ctx, f.a, NOW);
		const alive = await submitSmallAudit(f.ctx, f.a, NOW + 1);
		const hold = (auditId: string, lockedBy: string) =>
			f.ctx.db
				.updateTable('report_jobs')
				.set({ state: 'running', attempts: 1, locked_by: lockedBy, locked_until: NOW + 3_600_000 })
				.where('audit_id', '=', auditId)
				.execute();
		await hold(audit.id, 'host-a:111:dead0000');
		await hold(alive.id, 'host-a:222:alive000');
		start(f.database, 'instance-a', {
			now: () => NOW + 100,
			isDeadClaim: (lockedBy) => lockedBy.includes(':111:')
		});
		await waitFor(
			async () => (await listReportJobsOfAudit(f.ctx.db, audit.id))[0]?.state === 'ready',
			20_000,
			'the released report'
		);
		expect((await listReportJobsOfAudit(f.ctx.db, alive.id))[0]).toMatchObject({
			state: 'running',
			locked_by: 'host-a:222:alive000'
		});
	});
});
