import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { API } from '$lib/contract/api-paths';
import type { PullResponse } from '$lib/contract/sync';
import type { AuditListResponse } from '$lib/contract/office';
import type { JourneyTemplate, Location } from '$lib/domain/types';
import {
	buildCompleteAudit,
	submitRequestOf,
	type BuiltAudit
} from '$lib/server/testing/complete-audit';
import { cookieFetch, plainLocation } from '../integration/cookie-fetch';

// The acceptance criterion "two server instances on one PostgreSQL and ten submitted audits
// produce exactly ten reports, each once", with real processes: two `node build/index.js` on one
// fresh database and one shared DATA_DIR (the shared volume multi-instance deployments need),
// started at the same moment so their migrations and demo seed race as in a rolling deploy. A
// client behind an imaginary load balancer (one public ORIGIN, one cookie jar) alternates
// between them for every upload and submit.

const ADMIN_URL = process.env.TEST_DATABASE_URL;
if (!ADMIN_URL) {
	throw new Error(
		'tests/multi-instance needs TEST_DATABASE_URL (an admin URL of a throwaway PostgreSQL server). ' +
			'Run: bash scripts/with-postgres.sh npx vitest run --config tests/multi-instance/vitest.config.ts'
	);
}
if (!existsSync('build/index.js')) {
	throw new Error('tests/multi-instance runs the production build: run `npx vite build` first.');
}

const AUDITS = 10;
const SHOPPER = 'shopper17@nordlys.example';
const MANAGER = 'manager@nordlys.example';
const PASSWORD = 'shopwalk-demo';
const DEMO_ORG = 'org-nordlys';
/** The public address both instances serve under (what a load balancer in front would be). */
const ORIGIN = 'http://shopwalk-lb.test';
// Rendering runs in a niced child process per report; two cores under load need ~25 s for ten.
const REPORTS_DEADLINE_MS = 90_000;

interface Instance {
	name: 'A' | 'B';
	baseUrl: string;
	child: ChildProcess;
	pid: number;
	output: string[];
	exited: Promise<void>;
}

const dbName = `shopwalk_multi_${randomBytes(6).toString('hex')}`;
const dataDir = mkdtempSync(join(tmpdir(), 'shopwalk-multi-'));
let databaseUrl: string;
let client: pg.Client | null = null;
let instances: Instance[] = [];

/** Two ports in 4400–4499 that nothing listens on right now. */
async function freePorts(count: number): Promise<number[]> {
	const found: number[] = [];
	const start = 4400 + Math.floor(Math.random() * 100);
	for (let i = 0; i < 100 && found.length < count; i++) {
		const port = 4400 + ((start - 4400 + i) % 100);
		const free = await new Promise<boolean>((resolve) => {
			const server = createServer();
			server.once('error', () => resolve(false));
			server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
		});
		if (free) found.push(port);
	}
	if (found.length < count) throw new Error('No free ports in 4400–4499.');
	return found;
}

function startInstance(name: Instance['name'], port: number): Instance {
	const child = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			NODE_ENV: 'production',
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN,
			DATABASE_URL: databaseUrl,
			DATA_DIR: dataDir,
			BODY_SIZE_LIMIT: '12M'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const output: string[] = [];
	const collect = (chunk: Buffer) => output.push(chunk.toString('utf8'));
	child.stdout!.on('data', collect);
	child.stderr!.on('data', collect);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	return { name, baseUrl: `http://127.0.0.1:${port}`, child, pid: child.pid!, output, exited };
}

/** Waits until the instance answers the API (its `init` — migrations, seed — has finished). */
async function waitUntilUp(instance: Instance): Promise<void> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const status = await fetch(`${instance.baseUrl}${API.me}`).then(
			(r) => r.status,
			() => 0
		);
		if (status === 401) return;
		if (instance.child.exitCode !== null || Date.now() > deadline) {
			throw new Error(
				`Instance ${instance.name} did not start (exit ${instance.child.exitCode}):\n${instance.output.join('')}`
			);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
}

async function stopInstance(instance: Instance): Promise<void> {
	if (instance.child.exitCode !== null || instance.child.signalCode !== null) return;
	// A grace period for the runner to finish; the idle PostgreSQL pool would keep the process
	// up for its idle timeout (10 s), which this test does not need to wait for.
	instance.child.kill('SIGTERM');
	const timer = setTimeout(() => instance.child.kill('SIGKILL'), 3_000);
	await instance.exited;
	clearTimeout(timer);
}

async function adminQuery(statement: string): Promise<void> {
	const admin = new pg.Client({ connectionString: ADMIN_URL });
	await admin.connect();
	try {
		await admin.query(statement);
	} finally {
		await admin.end();
	}
}

// Every insert and update of a report job, as the database saw it: which instance claimed it and
// which completed it (the job row itself clears locked_by once ready). Test instrumentation only.
const JOB_LOG_SQL = `
CREATE TABLE test_report_job_log (
	seq bigserial PRIMARY KEY,
	job_id text NOT NULL,
	audit_id text NOT NULL,
	old_state text,
	new_state text NOT NULL,
	old_locked_by text,
	new_locked_by text,
	attempts integer NOT NULL
);
CREATE FUNCTION test_log_report_job() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		INSERT INTO test_report_job_log (job_id, audit_id, new_state, new_locked_by, attempts)
		VALUES (NEW.id, NEW.audit_id, NEW.state, NEW.locked_by, NEW.attempts);
	ELSE
		INSERT INTO test_report_job_log
			(job_id, audit_id, old_state, new_state, old_locked_by, new_locked_by, attempts)
		VALUES (NEW.id, NEW.audit_id, OLD.state, NEW.state, OLD.locked_by, NEW.locked_by, NEW.attempts);
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER test_log_report_job AFTER INSERT OR UPDATE ON report_jobs
	FOR EACH ROW EXECUTE FUNCTION test_log_report_job();
`;

beforeAll(async () => {
	await adminQuery(`CREATE DATABASE ${dbName}`);
	const url = new URL(ADMIN_URL);
	url.pathname = `/${dbName}`;
	databaseUrl = url.toString();

	// Both at once on the empty database: concurrent migrations and demo seeding.
	const [portA, portB] = await freePorts(2);
	instances = [startInstance('A', portA!), startInstance('B', portB!)];
	await Promise.all(instances.map(waitUntilUp));

	client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	await client.query(JOB_LOG_SQL);
});

afterAll(async () => {
	await Promise.all(instances.map(stopInstance));
	await client?.end();
	// The servers' backends may take a moment to go after they exit.
	for (let attempt = 0; ; attempt++) {
		try {
			await adminQuery(`DROP DATABASE IF EXISTS ${dbName}${attempt >= 50 ? ' WITH (FORCE)' : ''}`);
			break;
		} catch (error) {
			if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	rmSync(dataDir, { recursive: true, force: true });
});

const json = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
	method,
	headers: { 'content-type': 'application/json', ...headers },
	body: JSON.stringify(body)
});

/** A browser session behind the load balancer: one cookie jar, one origin, either instance. */
async function signIn(email: string, via: Instance): Promise<typeof fetch> {
	const browser = cookieFetch(ORIGIN);
	const response = await browser(
		`${via.baseUrl}${API.signIn}`,
		json('POST', { email, password: PASSWORD })
	);
	expect(response.status, await response.clone().text()).toBe(200);
	return browser;
}

function pdfText(file: string): string {
	return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
		/\s+/g,
		' '
	);
}

test('two instances on one PostgreSQL render ten submitted audits into exactly ten reports, each once', async () => {
	const [a, b] = instances as [Instance, Instance];
	const logs = (instance: Instance) => instance.output.join('');

	// Both came up on the same empty database; exactly one of them created the demo organisation.
	for (const instance of instances) expect(logs(instance)).toContain('Database ready (postgres)');
	expect(instances.filter((i) => logs(i).includes('demo data created'))).toHaveLength(1);

	// The shopper signs in on A and pulls on B: sessions live in the shared database.
	const shopper = await signIn(SHOPPER, a);
	const pull = await shopper(`${b.baseUrl}${API.pull}?since=0`);
	expect(pull.status).toBe(200);
	const reference = (await pull.json()) as PullResponse;
	const template = reference.templates.find(
		(t) => t.id === 'retail-store-visit'
	) as unknown as JourneyTemplate;
	expect(template).toBeDefined();
	const locations = reference.locations.filter((l: Location) => l.kind === 'own');
	expect(locations.length).toBeGreaterThanOrEqual(2);

	// Ten complete audits, each with an audit-specific marker in its narrative. Each audit's
	// upload and photos go alternately to A and B.
	const audits: { built: BuiltAudit; marker: string; location: Location }[] = [];
	for (let i = 0; i < AUDITS; i++) {
		const location = locations[i % locations.length]!;
		const built = buildCompleteAudit({ template, location: plainLocation(location) });
		const marker = `Ref${String(i).padStart(2, '0')}x${built.id.slice(0, 8)}`;
		built.upload.narrative = `${built.upload.narrative} Visit reference ${marker}.`;
		const put = await shopper(
			`${instances[(i + 1) % 2]!.baseUrl}${API.audit(built.id)}`,
			json('PUT', built.upload)
		);
		expect(put.status, await put.clone().text()).toBe(200);
		for (const [p, photo] of built.photos.entries()) {
			const via = instances[(i + p) % 2]!;
			const response = await shopper(`${via.baseUrl}${API.auditPhoto(built.id, photo.entry.id)}`, {
				method: 'PUT',
				headers: { 'content-type': 'image/jpeg', 'x-content-sha256': photo.entry.sha256 },
				body: photo.bytes as Uint8Array<ArrayBuffer>
			});
			expect(response.status, await response.clone().text()).toBeLessThan(300);
		}
		audits.push({ built, marker, location });
	}
	const ids = audits.map((audit) => audit.built.id);

	// All ten submits at once, five to each instance: both runners race for the queue.
	const submits = await Promise.all(
		audits.map(({ built }, i) =>
			shopper(
				`${instances[i % 2]!.baseUrl}${API.submit(built.id)}`,
				json('POST', submitRequestOf(built), { 'idempotency-key': randomUUID() })
			)
		)
	);
	for (const response of submits) expect(response.status, await response.clone().text()).toBe(200);

	// The office (signed in on B, asking both in turn) sees all ten reports ready within the deadline.
	const manager = await signIn(MANAGER, b);
	const started = Date.now();
	let items: AuditListResponse['items'] = [];
	for (let poll = 0; ; poll++) {
		const via = instances[poll % 2]!;
		const response = await manager(`${via.baseUrl}${API.audits}?limit=100`);
		expect(response.status).toBe(200);
		items = ((await response.json()) as AuditListResponse).items;
		expect(items.filter((item) => item.reportState === 'failed')).toEqual([]);
		if (items.length === AUDITS && items.every((item) => item.reportState === 'ready')) break;
		if (Date.now() - started > REPORTS_DEADLINE_MS) {
			throw new Error(
				`Reports not ready after ${REPORTS_DEADLINE_MS} ms: ${JSON.stringify(items.map((i) => i.reportState))}\n` +
					`A:\n${logs(a)}\nB:\n${logs(b)}`
			);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	expect(items.map((item) => item.id).sort()).toEqual([...ids].sort());

	// The database: exactly ten jobs, one per audit, each ready after one attempt.
	const jobs = (
		await client!.query<{
			id: string;
			audit_id: string;
			version: number;
			state: string;
			attempts: number;
			last_error: string | null;
			locked_by: string | null;
			file: string | null;
		}>('SELECT * FROM report_jobs ORDER BY audit_id')
	).rows;
	expect(jobs).toHaveLength(AUDITS);
	expect(jobs.map((job) => job.audit_id)).toEqual([...ids].sort());
	for (const job of jobs) {
		expect(job).toMatchObject({
			version: 1,
			state: 'ready',
			attempts: 1,
			last_error: null,
			locked_by: null,
			file: `reports/${DEMO_ORG}/${job.audit_id}/v1.pdf`
		});
	}

	// Each job's history: queued, claimed once, completed by the instance that claimed it.
	// Instance ids are `host:pid:random`; the pid says which process.
	const instanceOf = (lockedBy: string | null): Instance => {
		const owners = instances.filter((i) => lockedBy?.split(':').includes(String(i.pid)));
		expect(owners, `instance of ${lockedBy}`).toHaveLength(1);
		return owners[0]!;
	};
	const history = (
		await client!.query<{
			job_id: string;
			old_state: string | null;
			new_state: string;
			old_locked_by: string | null;
			new_locked_by: string | null;
			attempts: number;
		}>('SELECT * FROM test_report_job_log ORDER BY seq')
	).rows;
	const renderedBy = new Map<string, Instance>();
	for (const job of jobs) {
		const all = history.filter((step) => step.job_id === job.id);
		// A render slower than a third of the lease (a loaded machine) renews its claim: a
		// running → running step by the same holder. It never changes hands.
		const renewals = all.filter((s) => s.old_state === 'running' && s.new_state === 'running');
		const steps = all.filter((s) => !renewals.includes(s));
		const claimer = steps[1]?.new_locked_by ?? null;
		for (const renewal of renewals) {
			expect(renewal).toEqual(
				expect.objectContaining({ old_locked_by: claimer, new_locked_by: claimer, attempts: 1 })
			);
		}
		expect(steps).toEqual([
			expect.objectContaining({ old_state: null, new_state: 'pending', attempts: 0 }),
			expect.objectContaining({ old_state: 'pending', new_state: 'running', attempts: 1 }),
			expect.objectContaining({
				old_state: 'running',
				new_state: 'ready',
				old_locked_by: claimer,
				new_locked_by: null,
				attempts: 1
			})
		]);
		renderedBy.set(job.audit_id, instanceOf(claimer));
	}
	const perInstance = instances.map((i) => [...renderedBy.values()].filter((r) => r === i).length);
	expect(
		perInstance.every((count) => count >= 1),
		`reports per instance A, B: ${perInstance}`
	).toBe(true);

	// The shared data folder: exactly the ten PDFs, nothing else (no temporary files).
	const reportsDir = join(dataDir, 'reports');
	const files = readdirSync(reportsDir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dataDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.sort();
	expect(files).toEqual(jobs.map((job) => job.file).sort());

	for (const { built, marker, location } of audits) {
		const file = join(dataDir, `reports/${DEMO_ORG}/${built.id}/v1.pdf`);
		const check = execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
		expect(check).toContain('No syntax or stream encoding errors');
		const text = pdfText(file);
		expect(text).toContain(location.name);
		expect(text).toContain(marker);
		for (const other of audits)
			if (other.marker !== marker) expect(text).not.toContain(other.marker);

		// Downloaded through the instance that did not render it: the same bytes, from the shared folder.
		const renderer = renderedBy.get(built.id)!;
		const other = instances.find((i) => i !== renderer)!;
		const download = await manager(`${other.baseUrl}/api/audits/${built.id}/report`);
		expect(download.status).toBe(200);
		expect(download.headers.get('content-type')).toBe('application/pdf');
		expect(Buffer.from(await download.arrayBuffer()).equals(readFileSync(file))).toBe(true);
	}

	// Neither server logged a failed request or a runner error.
	for (const instance of instances) {
		expect(logs(instance)).not.toMatch(/ failed:|Report runner:|Unhandled/);
	}
	console.log(
		`multi-instance: ${AUDITS} reports ready ${Date.now() - started} ms after submit; ` +
			`rendered by A: ${perInstance[0]}, B: ${perInstance[1]}`
	);
});
