import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { DEMO_LOCATIONS } from '$lib/domain/demo-locations';
import { TEST_SCRYPT } from '$lib/server/auth/password';
import { SESSION_COOKIE } from '$lib/server/auth/session-cookie';
import { startSession } from '$lib/server/auth/sessions';
import { openDatabase, type DbHandle } from '$lib/server/db/connect';
import { findUserByEmail } from '$lib/server/repos/users';
import { seedDemoIfEmpty } from '$lib/server/seed/demo';
import {
	DEMO_PASSWORD,
	DEMO_SHOPPER,
	signIn,
	startApp,
	stopChild,
	waitUntilUp,
	type AppProcess
} from './app-process';
import { startBareSyncServer } from './bare-sync-server';
import { retailLoadAudits, runLoadClient, summariseLoad, type LoadResult } from './load-runs';
import {
	affinityMask,
	freePort,
	hasTaskset,
	median,
	pinProcess,
	restoreAffinity,
	round,
	ROOT,
	writeBenchRows,
	type BenchRow
} from './report';

// S2 — the sync endpoint on one core (performance-anchors §8.4): closed-loop PUT /api/audits/{id}
// against the production build, and against a bare node:http server running the same service.
const CONCURRENCY = 16;
const WARM_UP_MS = 5_000;
// Short alternating rounds (ours, peer, ours, peer, …) so drift on a shared machine hits both.
const ROUND_MS = 2_000;
const ROUNDS = 5; // 10 s measured for each side
const AUDITS = 200;
const LOCATION_ID = 'loc-own-copenhagen';
const SERVER_CORE = '0';
const LOAD_CORE = '1';

interface Target {
	name: 'ours' | 'peer';
	url: string;
	origin: string;
	cookie: string;
}

test('sync endpoint: SvelteKit build vs bare node:http, same service, one core', async () => {
	// Pinning needs taskset (util-linux) and two cores: the server's and the load's.
	const pinned = hasTaskset() && availableParallelism() >= 2;
	const entry = join(ROOT, 'build/index.js');
	if (!existsSync(entry)) throw new Error('build/index.js is missing: run `npx vite build` first');
	const tmp = mkdtempSync(join(tmpdir(), 'shopwalk-bench-sync-'));
	const originalAffinity = pinned ? affinityMask(process.pid) : null;
	let app: AppProcess | undefined;
	let bare: Server | undefined;
	let peerDb: DbHandle | undefined;
	try {
		// Ours: the production build, seeded with the demo organisation on a fresh data folder.
		const appPort = await freePort();
		app = startApp({
			port: appPort,
			dataDir: join(tmp, 'app'),
			core: pinned ? SERVER_CORE : undefined
		});
		await waitUntilUp(app);
		const ours: Target = {
			name: 'ours',
			url: app.origin,
			origin: app.origin,
			cookie: await signIn(app.origin)
		};

		// Peer: the same service in this process behind node:http, on its own fresh demo database.
		// This process (every thread) moves to the server core; the load runs on the other.
		if (pinned) expect(pinProcess(process.pid, SERVER_CORE)).toBe(true);
		peerDb = await openDatabase({ dataDir: join(tmp, 'bare') });
		const now = Date.now();
		await seedDemoIfEmpty(peerDb.db, { password: DEMO_PASSWORD, now, scrypt: TEST_SCRYPT });
		const shopper = await findUserByEmail(peerDb.db, DEMO_SHOPPER);
		if (!shopper) throw new Error('The demo shopper is missing from the peer database');
		const { token } = await startSession(peerDb.db, shopper.id, now);
		const barePort = await freePort(appPort + 1);
		const bareOrigin = `http://127.0.0.1:${barePort}`;
		bare = await startBareSyncServer(peerDb, bareOrigin, barePort);
		const peer: Target = {
			name: 'peer',
			url: bareOrigin,
			origin: bareOrigin,
			cookie: `${SESSION_COOKIE}=${token}`
		};

		// The same ~200 audits for both (separate databases): the retail template's complete audit.
		const location = DEMO_LOCATIONS.find((l) => l.id === LOCATION_ID)!;
		const audits = retailLoadAudits(AUDITS, location);
		const bodyBytes = Buffer.byteLength(`{"revision":1000001,${audits[0]!.rest.slice(1)}`);
		const answers = JSON.parse(audits[0]!.rest).answers.length as number;

		let runs = 0;
		const runLoad = (target: Target, durationMs: number): Promise<LoadResult> =>
			runLoadClient(
				{
					url: target.url,
					origin: target.origin,
					cookie: target.cookie,
					concurrency: CONCURRENCY,
					durationMs,
					revisionBase: ++runs * 1_000_000,
					audits
				},
				join(tmp, `job-${runs}.json`),
				pinned ? LOAD_CORE : undefined
			);

		// Warm-up, then alternating measured rounds: ours, peer, ours, peer.
		const warmOurs = await runLoad(ours, WARM_UP_MS);
		const warmPeer = await runLoad(peer, WARM_UP_MS);
		for (const warm of [warmOurs, warmPeer]) {
			if (warm.latencies.length === 0) throw new Error(`No request succeeded: ${warm.firstError}`);
		}
		const measured: Record<Target['name'], LoadResult[]> = { ours: [], peer: [] };
		for (let round = 0; round < ROUNDS; round++) {
			for (const target of [ours, peer])
				measured[target.name].push(await runLoad(target, ROUND_MS));
		}

		const o = summariseLoad(measured.ours);
		const p = summariseLoad(measured.peer);
		const roundRatios = o.rounds.map((rps, i) => rps / p.rounds[i]!);
		expect(o.ok).toBeGreaterThan(0);
		expect(p.ok).toBeGreaterThan(0);

		const setup =
			`${CONCURRENCY} closed-loop clients, ${ROUNDS} × ${ROUND_MS / 1000} s per side after a ${WARM_UP_MS / 1000} s warm-up each, ` +
			`rounds alternating ours/peer; each request a higher revision of one of ${AUDITS} retail-template audits ` +
			`(${answers} answers, ~${Math.round(bodyBytes / 1024)} KB JSON). ` +
			(pinned
				? `Server on core ${SERVER_CORE} (taskset), load generator on core ${LOAD_CORE}.`
				: 'Not pinned (no taskset or fewer than 2 cores): server and load share the cores.');
		const sides =
			`ours: production build (adapter-node, node build/index.js) with hooks (session, API guard) and the +server.ts route ` +
			`(readJson + AuditUploadSchema + upsertAudit), SQLite WAL in a temp folder: ${o.ok} ok, ${o.failed} failed, ` +
			`rounds ${o.rounds.join('/')} req/s, p50 ${round(o.p50, 1)} ms. ` +
			`peer: node:http in the bench process calling authenticate + the same JSON/valibot checks + upsertAudit ` +
			`on its own demo database: ${p.ok} ok, ${p.failed} failed, rounds ${p.rounds.join('/')} req/s, p50 ${round(p.p50, 1)} ms. ` +
			`Median of per-round throughput ratios ${round(median(roundRatios))}.` +
			(o.firstError || p.firstError
				? ` First error: ${o.firstError ?? ''} ${p.firstError ?? ''}`.slice(0, 300)
				: '');
		const peerName = 'bare node:http + same service';
		const rows: BenchRow[] = [
			{
				id: 'server.sync-put.throughput',
				value: round(o.rps, 1),
				unit: 'req/s',
				budget: '>= 200 req/s (warning)',
				pass: o.rps >= 200,
				note: `PUT /api/audits/{id} on the production build. ${setup}`
			},
			{
				id: 'server.sync-put.p99',
				value: round(o.p99, 2),
				unit: 'ms',
				budget: '<= 100 ms (warning)',
				pass: o.p99 <= 100,
				note: `p99 of every successful request's latency seen by the client. ${setup}`
			},
			{
				id: 'server.sync-put.vs-bare-node',
				value: round(o.rps, 1),
				unit: 'req/s',
				peer: peerName,
				peerValue: round(p.rps, 1),
				ratio: round(o.rps / p.rps),
				budget: '>= 0.5x',
				pass: o.rps / p.rps >= 0.5,
				note: `${setup} ${sides}`
			},
			{
				id: 'server.sync-put.p99-vs-bare-node',
				value: round(o.p99, 2),
				unit: 'ms',
				peer: peerName,
				peerValue: round(p.p99, 2),
				ratio: round(o.p99 / p.p99),
				budget: '<= 2.0x',
				pass: o.p99 / p.p99 <= 2,
				note: `${setup} ${sides}`
			}
		];
		writeBenchRows('server-sync-endpoint', rows);
		expect(rows).toHaveLength(4);
	} finally {
		if (bare) {
			bare.closeAllConnections();
			await new Promise((done) => bare!.close(done));
		}
		if (app) await stopChild(app.child);
		await peerDb?.close();
		if (originalAffinity) restoreAffinity(process.pid, originalAffinity);
		rmSync(tmp, { recursive: true, force: true });
	}
});
