import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { API } from '$lib/contract/api-paths';
import type { AuditDetail, AuditListResponse } from '$lib/contract/office';
import type { PullResponse } from '$lib/contract/sync';
import type { JourneyTemplate, Location } from '$lib/domain/types';
import {
	buildCompleteAudit,
	submitRequestOf,
	type BuiltAudit
} from '$lib/server/testing/complete-audit';
import { cookieFetch, plainLocation } from '../integration/cookie-fetch';

// Done when: "A backup taken while audits sync restores into a fresh data folder that serves the
// same audits, photos and reports." Server A (SQLite) takes audits with photos and renders their
// reports; then more audits sync to it while `npm run backup` runs; the backup is restored with
// `npm run restore` into a fresh folder and server B is started on it. B must serve every audit
// synced before the backup began exactly as A did (content, score, photo bytes, report PDF
// bytes); an audit caught mid-sync is either absent or consistent, and a device sending it again
// converges on B. On SQLite by default; on PostgreSQL (pg_dump / pg_restore, two databases)
// when TEST_DATABASE_URL names a throwaway server (scripts/with-postgres.sh).

if (!existsSync('build/index.js')) {
	throw new Error('tests/backup runs the production build: run `npx vite build` first.');
}

const SHOPPER = 'shopper17@nordlys.example';
const MANAGER = 'manager@nordlys.example';
const PASSWORD = 'shopwalk-demo';
const BEFORE = 3;
const DURING = 4;

interface Server {
	baseUrl: string;
	child: ChildProcess;
	output: string[];
	exited: Promise<void>;
}

const work = mkdtempSync(join(tmpdir(), 'shopwalk-backup-'));
const dataA = join(work, 'data-a');
const dataB = join(work, 'data-b');
const backupDir = join(work, 'backup');
const servers: Server[] = [];

const ADMIN_URL = process.env.TEST_DATABASE_URL || '';
const suffix = randomBytes(6).toString('hex');
const databases = ADMIN_URL ? [`shopwalk_backup_a_${suffix}`, `shopwalk_backup_b_${suffix}`] : [];
/** The DATABASE_URL of server A's and B's databases ('' on SQLite). */
function databaseUrl(which: 0 | 1): string {
	if (!ADMIN_URL) return '';
	const url = new URL(ADMIN_URL);
	url.pathname = `/${databases[which]}`;
	return url.toString();
}
const DIALECT = ADMIN_URL ? 'postgres' : 'sqlite';

async function adminQuery(statement: string): Promise<void> {
	const admin = new pg.Client({ connectionString: ADMIN_URL });
	await admin.connect();
	try {
		await admin.query(statement);
	} finally {
		await admin.end();
	}
}

async function start(port: number, dataDir: string, database: string): Promise<Server> {
	const baseUrl = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: baseUrl,
			DATA_DIR: dataDir,
			BODY_SIZE_LIMIT: '12M',
			DATABASE_URL: database
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const output: string[] = [];
	child.stdout!.on('data', (c: Buffer) => output.push(c.toString('utf8')));
	child.stderr!.on('data', (c: Buffer) => output.push(c.toString('utf8')));
	const server = {
		baseUrl,
		child,
		output,
		exited: new Promise<void>((r) => child.once('exit', () => r()))
	};
	servers.push(server);
	const deadline = Date.now() + 60_000;
	for (;;) {
		const status = await fetch(`${baseUrl}${API.me}`).then(
			(r) => r.status,
			() => 0
		);
		if (status === 401) return server;
		if (child.exitCode !== null || Date.now() > deadline) {
			throw new Error(`The server on ${port} did not start:\n${output.join('')}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
}

async function stop(server: Server): Promise<void> {
	if (server.child.exitCode !== null || server.child.signalCode !== null) return;
	server.child.kill('SIGTERM');
	const timer = setTimeout(() => server.child.kill('SIGKILL'), 5_000);
	await server.exited;
	clearTimeout(timer);
}

/** Runs one of the repository's scripts as an operator would, resolving with its exit code and output. */
function script(file: string, args: string[], env: Record<string, string>) {
	return new Promise<{ code: number | null; output: string }>((resolve) => {
		const child = spawn(process.execPath, [file, ...args], {
			env: { ...process.env, ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
		child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
		child.once('exit', (code) => resolve({ code, output }));
	});
}

const json = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
	method,
	headers: { 'content-type': 'application/json', ...headers },
	body: JSON.stringify(body)
});

async function signIn(server: Server, email: string): Promise<typeof fetch> {
	const browser = cookieFetch(server.baseUrl);
	const response = await browser(
		`${server.baseUrl}${API.signIn}`,
		json('POST', { email, password: PASSWORD })
	);
	expect(response.status, await response.clone().text()).toBe(200);
	return browser;
}

interface Synced {
	built: BuiltAudit;
	key: string;
}

/** Sends one audit as the device does: the audit, each photo, then the submit. */
async function sync(
	shopper: typeof fetch,
	server: Server,
	item: Synced,
	onRequest: () => void = () => {}
) {
	const { built, key } = item;
	const put = await shopper(`${server.baseUrl}${API.audit(built.id)}`, json('PUT', built.upload));
	expect(put.status, await put.clone().text()).toBe(200);
	onRequest();
	for (const photo of built.photos) {
		const response = await shopper(`${server.baseUrl}${API.auditPhoto(built.id, photo.entry.id)}`, {
			method: 'PUT',
			headers: { 'content-type': 'image/jpeg', 'x-content-sha256': photo.entry.sha256 },
			body: photo.bytes as Uint8Array<ArrayBuffer>
		});
		expect(response.status, await response.clone().text()).toBeLessThan(300);
		onRequest();
	}
	const submit = await shopper(
		`${server.baseUrl}${API.submit(built.id)}`,
		json('POST', submitRequestOf(built), { 'idempotency-key': key })
	);
	expect(submit.status, await submit.clone().text()).toBe(200);
	onRequest();
}

const sha256 = (bytes: ArrayBuffer) =>
	createHash('sha256').update(Buffer.from(bytes)).digest('hex');

/** What a server serves of one audit: its detail, each photo's hash, and its report PDF. */
async function served(manager: typeof fetch, server: Server, id: string) {
	const response = await manager(`${server.baseUrl}${API.audit(id)}`);
	if (response.status === 404) return null;
	expect(response.status).toBe(200);
	const detail = (await response.json()) as AuditDetail;
	const photos: Record<string, string> = {};
	for (const photo of detail.photos.filter((p) => p.stored)) {
		const bytes = await manager(`${server.baseUrl}${API.photo(photo.id)}`);
		expect(bytes.status, `photo ${photo.id}`).toBe(200);
		photos[photo.id] = sha256(await bytes.arrayBuffer());
	}
	const report = await manager(`${server.baseUrl}${API.auditReport(id)}`);
	const pdf =
		report.status === 200 && report.headers.get('content-type') === 'application/pdf'
			? sha256(await report.arrayBuffer())
			: null;
	return { detail, photos, pdf };
}

async function reportsReady(manager: typeof fetch, server: Server, ids: string[]) {
	const deadline = Date.now() + 120_000;
	for (;;) {
		const response = await manager(`${server.baseUrl}${API.audits}?limit=100`);
		const items = ((await response.json()) as AuditListResponse).items;
		const mine = items.filter((i) => ids.includes(i.id));
		expect(mine.filter((i) => i.reportState === 'failed')).toEqual([]);
		if (mine.length === ids.length && mine.every((i) => i.reportState === 'ready')) return;
		if (Date.now() > deadline) throw new Error(`Reports not ready: ${JSON.stringify(mine)}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

let a: Server;

beforeAll(async () => {
	for (const name of databases) await adminQuery(`CREATE DATABASE ${name}`);
	a = await start(4398, dataA, databaseUrl(0));
});

afterAll(async () => {
	await Promise.all(servers.map(stop));
	for (const name of databases) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
	rmSync(work, { recursive: true, force: true });
});

test('a backup taken while audits sync restores into a fresh data folder that serves the same audits, photos and reports', async () => {
	const shopper = await signIn(a, SHOPPER);
	const pull = (await (await shopper(`${a.baseUrl}${API.pull}?since=0`)).json()) as PullResponse;
	const template = pull.templates.find(
		(t) => t.id === 'retail-store-visit'
	) as unknown as JourneyTemplate;
	const location = pull.locations.find((l: Location) => l.kind === 'own')!;
	const make = (): Synced => ({
		built: buildCompleteAudit({ template, location: plainLocation(location) }),
		key: randomUUID()
	});

	// Before the backup: audits fully synced, their reports made.
	const before = Array.from({ length: BEFORE }, make);
	for (const item of before) await sync(shopper, a, item);
	const manager = await signIn(a, MANAGER);
	await reportsReady(
		manager,
		a,
		before.map((i) => i.built.id)
	);
	const onA = new Map<string, NonNullable<Awaited<ReturnType<typeof served>>>>();
	for (const { built } of before) {
		const snapshot = (await served(manager, a, built.id))!;
		expect(snapshot.pdf, 'a report PDF on A').not.toBeNull();
		expect(Object.keys(snapshot.photos)).toHaveLength(built.photos.length);
		onA.set(built.id, snapshot);
	}

	// The backup, while more audits sync (their uploads and submits, and report rendering).
	const during = Array.from({ length: DURING }, make);
	let backupRunning = false;
	let requestsDuringBackup = 0;
	let firstRequest!: () => void;
	const syncing = new Promise<void>((r) => (firstRequest = r));
	const syncDuring = (async () => {
		for (const item of during) {
			await sync(shopper, a, item, () => {
				firstRequest();
				if (backupRunning) requestsDuringBackup++;
			});
		}
	})();
	await syncing;
	backupRunning = true;
	const backedUp = await script('scripts/backup.js', [backupDir], {
		DATA_DIR: dataA,
		DATABASE_URL: databaseUrl(0)
	});
	backupRunning = false;
	await syncDuring;
	expect(backedUp.code, backedUp.output).toBe(0);
	expect(backedUp.output).toMatch(new RegExp(`Backed up the ${DIALECT} database and \\d+ files`));
	expect(requestsDuringBackup, 'requests A served while the backup ran').toBeGreaterThan(0);

	// A second backup into the same folder is refused; restore refuses a folder in use.
	const again = { DATA_DIR: dataA, DATABASE_URL: databaseUrl(0) };
	expect((await script('scripts/backup.js', [backupDir], again)).code).toBe(1);
	expect((await script('scripts/restore.js', [backupDir], again)).code).toBe(1);

	// Restore into a fresh folder and serve it.
	const restored = await script('scripts/restore.js', [backupDir], {
		DATA_DIR: dataB,
		DATABASE_URL: databaseUrl(1)
	});
	expect(restored.code, restored.output).toBe(0);
	const b = await start(4399, dataB, databaseUrl(1));
	const managerB = await signIn(b, MANAGER);

	// Everything synced before the backup began: served as A served it, report PDFs byte for byte.
	for (const { built } of before) {
		const onB = await served(managerB, b, built.id);
		expect(onB, `audit ${built.id} on B`).not.toBeNull();
		const expected = onA.get(built.id)!;
		expect(onB!.detail).toEqual(expected.detail);
		expect(onB!.photos).toEqual(expected.photos);
		expect(onB!.pdf).toBe(expected.pdf);
	}

	// Caught mid-sync: absent, or consistent (every photo it calls stored is served, with its hash).
	for (const { built } of during) {
		const onB = await served(managerB, b, built.id);
		if (!onB) continue;
		for (const photo of onB.detail.photos.filter((p) => p.stored)) {
			expect(onB.photos[photo.id]).toBe(photo.sha256);
		}
	}

	// The device sends what B lacks again (same idempotency keys): B converges, each audit once.
	const shopperB = await signIn(b, SHOPPER);
	for (const item of during) await sync(shopperB, b, item);
	const list = (
		(await (await managerB(`${b.baseUrl}${API.audits}?limit=100`)).json()) as AuditListResponse
	).items;
	const ids = [...before, ...during].map((i) => i.built.id);
	for (const id of ids) expect(list.filter((i) => i.id === id)).toHaveLength(1);
	for (const server of servers)
		expect(server.output.join('')).not.toMatch(/Unhandled|Report runner:/);
});
