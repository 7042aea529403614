import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { expect, test } from 'vitest';
import { API, CONTENT_SHA256_HEADER, IDEMPOTENCY_KEY_HEADER } from '$lib/contract/api-paths';
import { DEMO_LOCATIONS } from '$lib/domain/demo-locations';
import { openDatabase, type DbHandle } from '$lib/server/db/connect';
import { findAudit } from '$lib/server/repos/audits';
import { queueReport } from '$lib/server/reports/report-queue';
import { publishTemplate } from '$lib/server/repos/templates';
import { DEMO_ORGANISATION } from '$lib/server/seed/demo-accounts';
import {
	buildCompleteAudit,
	FIXTURE_PHOTOS_DIR,
	submitRequestOf,
	type BuiltAudit
} from '$lib/server/testing/complete-audit';
import { signIn, startApp, stopChild, waitUntilUp, type AppProcess } from './app-process';
import { auditLTemplate, contractLocation } from './audit-l-template';
import { retailLoadAudits, runLoadClient, summariseLoad, type LoadResult } from './load-runs';
import {
	freePort,
	hasTaskset,
	pinProcess,
	restoreAffinity,
	affinityMask,
	round,
	ROOT,
	writeBenchRows,
	type BenchRow
} from './report';

// P5 (performance-anchors §8.1): the sync endpoint at a steady ~50 req/s, open loop, while
// Audit-L reports (150 checkpoints, 60 photos) are made one after another by the app's own report
// runner, against the same load with no report being made. Windows alternate idle, busy, idle,
// busy so drift on a shared machine hits both.
const RATE = 50;
const WARM_UP_MS = 4_000;
const WINDOW_MS = 15_000;
const PAIRS = 2;
const REPORT_AUDITS = 3;
const SYNC_AUDITS = 100;
const PHOTOS = 60;
const LOCATION_ID = 'loc-own-copenhagen';
const SERVER_CORE = '0';
const LOAD_CORE = '1';
// Device-made photos: long edge 2048 px, as the app's photo pipeline uploads them.
const PHOTO_CACHE = join(ROOT, 'node_modules/.cache/shopwalk-bench/device-photos-v1');

interface LoopDelay {
	window: number;
	samples: number;
	p50: number;
	p99: number;
	max: number;
}

/**
 * 60 distinct photos as the device uploads them (≤ 2048 px, JPEG, no metadata), made from the
 * shared fixtures with seeded crops, flips and colour shifts, cached between runs.
 */
async function devicePhotos(): Promise<Uint8Array[]> {
	mkdirSync(PHOTO_CACHE, { recursive: true });
	const sources = ['shelf-12mp-rot6.jpg', 'checkout-portrait.jpg', 'receipt.jpg', 'entrance.png'];
	const photos: Uint8Array[] = [];
	for (let i = 0; i < PHOTOS; i++) {
		const file = join(PHOTO_CACHE, `${String(i).padStart(2, '0')}.jpg`);
		if (!existsSync(file)) {
			const source = sharp(join(FIXTURE_PHOTOS_DIR, sources[i % sources.length]!)).rotate();
			const { width = 0, height = 0 } = await sharp(await source.clone().toBuffer()).metadata();
			const cut = 0.1 + (i % 5) * 0.03;
			const left = Math.round(width * cut * ((i % 3) / 2));
			const top = Math.round(height * cut * (((i + 1) % 3) / 2));
			let image = source
				.extract({
					left,
					top,
					width: Math.round(width * (1 - cut)),
					height: Math.round(height * (1 - cut))
				})
				.resize(2048, 2048, { fit: 'inside', withoutEnlargement: true })
				.modulate({ brightness: 0.88 + (i % 7) * 0.04, hue: (i * 23) % 90 });
			if (i % 2) image = image.flop();
			writeFileSync(file, await image.jpeg({ quality: 85 }).toBuffer());
		}
		photos.push(new Uint8Array(readFileSync(file)));
	}
	return photos;
}

test('sync endpoint p99 while Audit-L reports are made vs idle', async () => {
	const pinned = hasTaskset() && availableParallelism() >= 2;
	const tmp = mkdtempSync(join(tmpdir(), 'shopwalk-bench-reports-'));
	const dataDir = join(tmp, 'app');
	const loopOut = join(tmp, 'loop-delay.json');
	const originalAffinity = pinned ? affinityMask(process.pid) : null;
	let app: AppProcess | undefined;
	let handle: DbHandle | undefined;
	try {
		const port = await freePort();
		// The app, its report runner and the renderer processes it starts share the server core.
		app = startApp({
			port,
			dataDir,
			core: pinned ? SERVER_CORE : undefined,
			nodeArgs: ['--import', pathToFileURL(join(ROOT, 'bench/server/loop-delay-probe.js')).href],
			env: { SHOPWALK_LOOP_DELAY_OUT: loopOut }
		});
		await waitUntilUp(app);
		const cookie = await signIn(app.origin);
		// This process only feeds the queue and polls; it stays off the server core.
		if (pinned) expect(pinProcess(process.pid, LOAD_CORE)).toBe(true);
		// The app's own SQLite file, opened beside it (WAL allows a second process).
		handle = await openDatabase({ dataDir });
		const db = handle.db;
		const template = auditLTemplate('bench-audit-l-photos', 1, { photos: PHOTOS });
		await publishTemplate(db, DEMO_ORGANISATION.id, template, Date.now());
		const location = contractLocation(DEMO_LOCATIONS.find((l) => l.id === LOCATION_ID)!);

		const call = async (path: string, init: RequestInit & { headers?: Record<string, string> }) => {
			const response = await fetch(`${app!.origin}${path}`, {
				...init,
				headers: { cookie, origin: app!.origin, ...init.headers }
			});
			const text = await response.text();
			if (!response.ok) throw new Error(`${init.method} ${path}: ${response.status} ${text}`);
			return text;
		};

		// The audits whose reports will be made: uploaded with their 60 photos, not yet submitted.
		const photos = await devicePhotos();
		const reportAudits: BuiltAudit[] = [];
		for (let i = 0; i < REPORT_AUDITS; i++) {
			const audit = buildCompleteAudit({ template, location, photoBytes: photos, receipt: false });
			await call(API.audit(audit.id), {
				method: 'PUT',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(audit.upload)
			});
			for (const photo of audit.photos) {
				await call(API.auditPhoto(audit.id, photo.entry.id), {
					method: 'PUT',
					headers: {
						'content-type': 'image/jpeg',
						[CONTENT_SHA256_HEADER]: photo.entry.sha256
					},
					body: photo.bytes as Uint8Array<ArrayBuffer>
				});
			}
			reportAudits.push(audit);
		}
		expect(reportAudits.flatMap((a) => a.photos)).toHaveLength(REPORT_AUDITS * PHOTOS);

		// The sync load, as in the sync-endpoint benchmark: retail-template audits, each request a
		// higher revision.
		const syncAudits = retailLoadAudits(SYNC_AUDITS, location);
		let runs = 0;
		const runLoad = (durationMs: number): Promise<LoadResult> =>
			runLoadClient(
				{
					url: app!.origin,
					origin: app!.origin,
					cookie,
					concurrency: 64,
					ratePerSecond: RATE,
					durationMs,
					revisionBase: ++runs * 1_000_000,
					audits: syncAudits
				},
				join(tmp, `load-${runs}.json`),
				pinned ? LOAD_CORE : undefined
			);

		// The app's event-loop delay over one window (the probe answers SIGUSR2).
		let loopWindows = 0;
		const loopDelayMark = async (): Promise<LoopDelay> => {
			app!.child.kill('SIGUSR2');
			loopWindows++;
			const deadline = Date.now() + 5_000;
			while (Date.now() < deadline) {
				if (existsSync(loopOut)) {
					const read = JSON.parse(readFileSync(loopOut, 'utf8')) as LoopDelay;
					if (read.window === loopWindows) return read;
				}
				await new Promise((done) => setTimeout(done, 50));
			}
			throw new Error('The event-loop probe did not answer');
		};

		const jobStates = async () => {
			const rows = await db.selectFrom('report_jobs').select(['audit_id', 'state']).execute();
			return rows;
		};
		const waitForQuietQueue = async () => {
			const deadline = Date.now() + 120_000;
			while (Date.now() < deadline) {
				const rows = await jobStates();
				const failed = rows.filter((r) => r.state === 'failed');
				if (failed.length) throw new Error(`A report failed: ${JSON.stringify(failed)}`);
				if (rows.every((r) => r.state === 'ready')) return;
				await new Promise((done) => setTimeout(done, 200));
			}
			throw new Error('The report queue did not drain within 120 s');
		};

		// Keeps the queue fed during a busy window: whenever nothing is pending, the next report
		// version of an audit not being rendered is queued, with its renditions deleted so each
		// report does the whole job (renditions + layout). Samples whether one is rendering.
		let submitted = false;
		const busyWindow = async () => {
			let feeding = true;
			let samples = 0;
			let renderingSamples = 0;
			let next = 0;
			const readyBefore = (await jobStates()).filter((r) => r.state === 'ready').length;
			if (!submitted) {
				for (const audit of reportAudits) {
					await call(API.submit(audit.id), {
						method: 'POST',
						headers: {
							'content-type': 'application/json',
							[IDEMPOTENCY_KEY_HEADER]: randomUUID()
						},
						body: JSON.stringify(submitRequestOf(audit))
					});
				}
				submitted = true;
			}
			const feeder = (async () => {
				while (feeding) {
					const rows = await jobStates();
					const running = rows.filter((r) => r.state === 'running').map((r) => r.audit_id);
					if (!rows.some((r) => r.state === 'pending')) {
						const audit = reportAudits
							.map((_, k) => reportAudits[(next + k) % reportAudits.length]!)
							.find((a) => !running.includes(a.id))!;
						next++;
						rmSync(join(dataDir, 'report-photos', DEMO_ORGANISATION.id, audit.id), {
							recursive: true,
							force: true
						});
						const row = await findAudit(db, audit.id);
						if (row) await queueReport(db, row, Date.now());
					}
					await new Promise((done) => setTimeout(done, 100));
				}
			})();
			const sampler = (async () => {
				while (feeding) {
					const rows = await jobStates();
					samples++;
					if (rows.some((r) => r.state === 'running')) renderingSamples++;
					await new Promise((done) => setTimeout(done, 200));
				}
			})();
			// Start measuring once a report is being rendered.
			const deadline = Date.now() + 30_000;
			while (!(await jobStates()).some((r) => r.state === 'running')) {
				if (Date.now() > deadline) throw new Error('No report started rendering');
				await new Promise((done) => setTimeout(done, 50));
			}
			samples = 0;
			renderingSamples = 0;
			await loopDelayMark();
			const load = await runLoad(WINDOW_MS);
			const loop = await loopDelayMark();
			const coverage = renderingSamples / Math.max(1, samples);
			feeding = false;
			await Promise.all([feeder, sampler]);
			const readyAfter = (await jobStates()).filter((r) => r.state === 'ready').length;
			await waitForQuietQueue();
			return { load, loop, coverage, reportsFinished: readyAfter - readyBefore };
		};
		const idleWindow = async () => {
			await waitForQuietQueue();
			await loopDelayMark();
			const load = await runLoad(WINDOW_MS);
			const loop = await loopDelayMark();
			return { load, loop };
		};

		await runLoad(WARM_UP_MS);
		const idle: Awaited<ReturnType<typeof idleWindow>>[] = [];
		const busy: Awaited<ReturnType<typeof busyWindow>>[] = [];
		for (let pair = 0; pair < PAIRS; pair++) {
			idle.push(await idleWindow());
			busy.push(await busyWindow());
		}

		const i = summariseLoad(idle.map((w) => w.load));
		const b = summariseLoad(busy.map((w) => w.load));
		const coverage = Math.min(...busy.map((w) => w.coverage));
		const reports = busy.reduce((sum, w) => sum + w.reportsFinished, 0);
		const busyLoopP99 = Math.max(...busy.map((w) => w.loop.p99));
		const idleLoopP99 = Math.max(...idle.map((w) => w.loop.p99));
		expect(i.failed + b.failed, `${i.firstError} ${b.firstError}`).toBe(0);
		// The comparison means something only if reports really were being made throughout.
		expect(coverage).toBeGreaterThan(0.8);
		expect(reports).toBeGreaterThanOrEqual(PAIRS);

		const setup =
			`Open-loop PUT /api/audits/{id} at ${RATE} req/s (latency from each request's scheduled time; ` +
			`retail-template audits, a higher revision each time) for ${PAIRS} × ${WINDOW_MS / 1000} s idle and ` +
			`${PAIRS} × ${WINDOW_MS / 1000} s busy windows, alternating, after a ${WARM_UP_MS / 1000} s warm-up. ` +
			`Busy: the app's report runner making Audit-L reports (150 checkpoints, 60 device photos of ` +
			`2048 px each) back to back, renditions deleted before each so every report resizes and lays out; ` +
			`${reports} reports finished during the busy windows, a report rendering in ` +
			`${Math.round(coverage * 100)}% of samples. ` +
			(pinned
				? `The app (with its renderer processes, nice 10) pinned to core ${SERVER_CORE}; load on core ${LOAD_CORE}.`
				: 'Not pinned (no taskset or fewer than 2 cores).') +
			` Idle: ${i.ok} requests, p50 ${round(i.p50, 1)} ms; busy: ${b.ok} requests, p50 ${round(b.p50, 1)} ms.`;
		const rows: BenchRow[] = [
			{
				id: 'server.sync-put.p99-during-reports',
				value: round(b.p99, 2),
				unit: 'ms',
				peer: 'same endpoint and load, no report being made',
				peerValue: round(i.p99, 2),
				ratio: round(b.p99 / i.p99),
				budget: '<= 1.5x',
				pass: b.p99 / i.p99 <= 1.5,
				note: setup
			},
			{
				id: 'server.event-loop-delay.p99-during-reports',
				value: round(busyLoopP99, 2),
				unit: 'ms',
				budget: '<= 20 ms (warning)',
				pass: busyLoopP99 <= 20,
				note:
					`Worst per-window p99 of the app's event-loop delay (monitorEventLoopDelay, 10 ms resolution) ` +
					`while reports were made; idle windows ${round(idleLoopP99, 2)} ms. ${setup}`
			}
		];
		writeBenchRows('server-sync-during-reports', rows);
		console.info(rows.map((r) => `${r.id}: ${r.value} ${r.unit} (${r.note})`).join('\n'));
		expect(rows).toHaveLength(2);
	} finally {
		if (app) await stopChild(app.child);
		await handle?.close();
		if (originalAffinity) restoreAffinity(process.pid, originalAffinity);
		rmSync(tmp, { recursive: true, force: true });
	}
});
