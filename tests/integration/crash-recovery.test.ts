import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, inject, test } from 'vitest';
import { API } from '$lib/contract/api-paths';
import type { AuditListResponse } from '$lib/contract/office';
import type { PullResponse } from '$lib/contract/sync';
import type { JourneyTemplate, Location } from '$lib/domain/types';
import { buildCompleteAudit, submitRequestOf } from '$lib/server/testing/complete-audit';
import { cookieFetch, plainLocation } from './cookie-fetch';
import { startServer, stopServer, type ServerProcess } from './server-process';

// A server killed with SIGKILL while a report renders: after a restart on the same data folder
// the report is ready within 60 s (the dead claim is released, not waited out for minutes) and no
// temporary file is left. The renderer holds each finished rendition in its temporary file for a
// while (SHOPWALK_TEST_RENDITION_DELAY_MS), so the kill lands mid-render.

const port = inject('port') + 7;
const dataDir = mkdtempSync(join(tmpdir(), 'shopwalk-crash-'));
const env = { DATA_DIR: dataDir, SHOPWALK_TEST_RENDITION_DELAY_MS: '1500' };
let server: ServerProcess | undefined;

afterAll(async () => {
	if (server) await stopServer(server);
	rmSync(dataDir, { recursive: true, force: true });
});

function tempFiles(): string[] {
	return (readdirSync(dataDir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) =>
		f.endsWith('.tmp')
	);
}

const json = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
	method,
	headers: { 'content-type': 'application/json', ...headers },
	body: JSON.stringify(body)
});

async function signIn(email: string, baseUrl: string): Promise<typeof fetch> {
	const browser = cookieFetch(baseUrl);
	const response = await browser(
		`${baseUrl}${API.signIn}`,
		json('POST', { email, password: 'shopwalk-demo' })
	);
	expect(response.status).toBe(200);
	return browser;
}

test('a report interrupted by SIGKILL is ready within 60 s of the restart, with no temporary file left', async () => {
	server = await startServer(port, env);
	const shopper = await signIn('shopper17@nordlys.example', server.baseUrl);
	const reference = (await (
		await shopper(`${server.baseUrl}${API.pull}?since=0`)
	).json()) as PullResponse;
	const template = reference.templates.find(
		(t) => t.id === 'retail-store-visit'
	) as unknown as JourneyTemplate;
	const location = reference.locations.find((l: Location) => l.kind === 'own')!;
	const built = buildCompleteAudit({ template, location: plainLocation(location) });
	expect(
		(await shopper(`${server.baseUrl}${API.audit(built.id)}`, json('PUT', built.upload))).status
	).toBe(200);
	for (const photo of built.photos) {
		const response = await shopper(`${server.baseUrl}${API.auditPhoto(built.id, photo.entry.id)}`, {
			method: 'PUT',
			headers: { 'content-type': 'image/jpeg', 'x-content-sha256': photo.entry.sha256 },
			body: photo.bytes as Uint8Array<ArrayBuffer>
		});
		expect(response.status).toBeLessThan(300);
	}
	// Leftovers of earlier crashes: one old enough to be abandoned whoever wrote it, and one fresh
	// from another host, which may be another instance writing right now (it must stay).
	const foreignDir = join(dataDir, 'photos', 'org-nordlys', built.id);
	mkdirSync(foreignDir, { recursive: true });
	const old = join(foreignDir, `.x.${randomUUID()}.other-host~123.tmp`);
	const live = join(foreignDir, `.y.${randomUUID()}.other-host~456.tmp`);
	writeFileSync(old, 'x');
	writeFileSync(live, 'y');
	const hourAgo = (Date.now() - 60 * 60_000) / 1000;
	utimesSync(old, hourAgo, hourAgo);

	const submit = await shopper(
		`${server.baseUrl}${API.submit(built.id)}`,
		json('POST', submitRequestOf(built), { 'idempotency-key': randomUUID() })
	);
	expect(submit.status).toBe(200);

	// Mid-render: a rendition sits in its temporary file.
	const deadline = Date.now() + 30_000;
	while (!tempFiles().some((f) => f.startsWith('report-photos'))) {
		if (Date.now() > deadline) throw new Error(`no render seen:\n${server.output.join('')}`);
		await new Promise((r) => setTimeout(r, 50));
	}
	server.child.kill('SIGKILL');
	await server.exited;
	expect(tempFiles().some((f) => f.startsWith('report-photos'))).toBe(true);

	const restartedAt = Date.now();
	server = await startServer(port, { ...env, SHOPWALK_TEST_RENDITION_DELAY_MS: '0' });
	const manager = await signIn('manager@nordlys.example', server.baseUrl);
	for (;;) {
		const response = await manager(`${server.baseUrl}${API.audits}?limit=100`);
		const item = ((await response.json()) as AuditListResponse).items.find(
			(i) => i.id === built.id
		);
		if (item?.reportState === 'ready') break;
		if (Date.now() - restartedAt > 60_000) {
			throw new Error(
				`report ${item?.reportState} 60 s after the restart:\n${server.output.join('')}`
			);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	const report = await manager(`${server.baseUrl}${API.auditReport(built.id)}`);
	expect(report.status).toBe(200);
	expect(report.headers.get('content-type')).toBe('application/pdf');
	expect(tempFiles()).toEqual([expect.stringContaining('other-host~456')]);
}, 150_000);
