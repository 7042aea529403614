import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { API } from '$lib/contract/api-paths';
import { openDatabase, type DbHandle } from '$lib/server/db/connect';
import {
	createTestOrganisation,
	TEST_PASSWORD,
	type TestOrganisation
} from '$lib/server/testing/factories';
import { cookieFetch } from './cookie-fetch';
import { INTEGRATION_TIMEOUTS } from './global-setup';

// Operations against the production server: security headers on every response (every page route
// and API endpoint found in src/routes, static files, the prerendered shell), health endpoints,
// server timeouts for slow bodies, 413 for a large chunked body, the API's JSON for cross-site forms.

let baseUrl: string;
let handle: DbHandle;
let org: TestOrganisation;
let manager: typeof fetch;

beforeAll(async () => {
	baseUrl = inject('baseUrl');
	handle = await openDatabase({ dataDir: inject('dataDir') });
	org = await createTestOrganisation(handle.db);
	manager = cookieFetch(baseUrl);
	const signIn = await manager(`${baseUrl}${API.signIn}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email: org.manager.email, password: TEST_PASSWORD })
	});
	expect(signIn.status).toBe(200);
});
afterAll(async () => {
	await handle.close();
});

const SAMPLE: Record<string, string> = {
	id: randomUUID(),
	photoId: randomUUID(),
	'stage=index': '0',
	'version=version': '1'
};

/** Every route in src/routes: its URL (sample params) and the methods it answers. */
function routes(): { path: string; methods: string[]; api: boolean }[] {
	const root = 'src/routes';
	const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) =>
		/(^|[/\\])\+(page\.svelte|server\.ts)$/.test(f)
	);
	return files.map((file) => {
		const dir = relative(root, join(root, file, '..'));
		const segments = dir
			.split(sep)
			.filter((s) => s && !/^\(.*\)$/.test(s))
			.map((s) => s.replace(/^\[(.+)\]$/, (_, name: string) => SAMPLE[name] ?? 'x'));
		const path = `/${segments.join('/')}`;
		if (file.endsWith('+page.svelte')) return { path, methods: ['GET'], api: false };
		const source = readFileSync(join(root, file), 'utf8');
		const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
			(m) => m[1]!
		);
		return { path, methods, api: path.startsWith('/api') };
	});
}

function expectSecurityHeaders(response: Response, what: string): void {
	const h = response.headers;
	expect(h.get('x-content-type-options'), what).toBe('nosniff');
	expect(h.get('x-frame-options'), what).toBe('DENY');
	expect(h.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
	expect(h.get('permissions-policy'), what).toContain('camera=(self)');
	expect(h.get('permissions-policy'), what).toContain('geolocation=(self)');
	expect(h.get('content-security-policy'), what).toContain("frame-ancestors 'none'");
}

describe('security headers', () => {
	test('every page route and API endpoint, signed in and not, answers with them', async () => {
		const found = routes();
		expect(found.length).toBeGreaterThan(25);
		const anonymous = cookieFetch(baseUrl);
		let checked = 0;
		for (const route of found) {
			for (const method of route.methods) {
				for (const [who, client] of [
					['manager', manager],
					['anonymous', anonymous]
				] as const) {
					const body = method === 'GET' ? undefined : '{}';
					const headers = body ? { 'content-type': 'application/json' } : undefined;
					const response = await client(`${baseUrl}${route.path}`, {
						method,
						headers,
						body,
						redirect: 'manual'
					});
					const what = `${who} ${method} ${route.path} → ${response.status}`;
					expectSecurityHeaders(response, what);
					if (route.api) expect(response.headers.get('cache-control'), what).toBe('no-store');
					if (route.api) expect(response.headers.get('x-request-id'), what).toBeTruthy();
					await response.arrayBuffer();
					checked++;
				}
			}
		}
		expect(checked).toBeGreaterThan(50);
	});

	test('rendered pages carry the full CSP with a nonce; the prerendered shell a hashed <meta> policy', async () => {
		const page = await fetch(`${baseUrl}/sign-in`);
		const csp = page.headers.get('content-security-policy')!;
		expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
		expect(csp).toContain("object-src 'none'");
		const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
		expect(await page.text()).toContain(`nonce="${nonce}"`);

		const shell = await fetch(`${baseUrl}/shell`);
		expectSecurityHeaders(shell, '/shell');
		const html = await shell.text();
		expect(html).toMatch(/<meta http-equiv="content-security-policy" content="[^"]*'sha256-/);
	});

	test('static files and unknown paths carry them too', async () => {
		for (const path of [
			'/manifest.webmanifest',
			'/service-worker.js',
			'/_app/version.json',
			'/nope'
		]) {
			const response = await fetch(`${baseUrl}${path}`);
			expectSecurityHeaders(response, path);
			await response.arrayBuffer();
		}
	});
});

describe('health', () => {
	test('/healthz says the process is up; /readyz that the database is ready', async () => {
		const health = await fetch(`${baseUrl}/healthz`);
		expect(health.status).toBe(200);
		expect(await health.json()).toEqual({ status: 'ok' });
		const ready = await fetch(`${baseUrl}/readyz`);
		expect(ready.status).toBe(200);
		expect(await ready.json()).toEqual({ status: 'ready' });
		expect(ready.headers.get('cache-control')).toBe('no-store');
	});
});

describe('request ids', () => {
	test('a proxy request id is echoed, otherwise one is made', async () => {
		const given = await fetch(`${baseUrl}/healthz`, {
			headers: { 'x-request-id': 'proxy-1234567' }
		});
		expect(given.headers.get('x-request-id')).toBe('proxy-1234567');
		const made = await fetch(`${baseUrl}/healthz`, { headers: { 'x-request-id': 'bad id!' } });
		expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
	});
});

describe('bodies', () => {
	test('a chunked JSON body over 2 MiB gets 413 as JSON, not a reset', async () => {
		const chunk = new TextEncoder().encode('a'.repeat(64 * 1024));
		let sent = 0;
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (sent >= 3 * 1024 * 1024) return controller.close();
				sent += chunk.byteLength;
				controller.enqueue(chunk);
			}
		});
		const response = await manager(`${baseUrl}${API.signIn}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body,
			duplex: 'half'
		} as RequestInit);
		expect(response.status).toBe(413);
		expect(response.headers.get('content-type')).toContain('application/json');
		expect(await response.json()).toMatchObject({ error: 'payload_too_large' });
	});

	test('a body that trickles is cut off at the request timeout while others are served', async () => {
		const timeoutMs = Number(INTEGRATION_TIMEOUTS.REQUEST_TIMEOUT) * 1000;
		const url = new URL(baseUrl);
		const socket = connect(Number(url.port), url.hostname);
		const started = Date.now();
		const closed = new Promise<number>((resolve) =>
			socket.once('close', () => resolve(Date.now()))
		);
		socket.on('error', () => {});
		// Read what the server sends (its 408), so its close is seen.
		socket.resume();
		socket.write(
			`POST ${API.signIn} HTTP/1.1\r\nHost: ${url.host}\r\nOrigin: ${url.origin}\r\n` +
				'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{'
		);
		const trickle = setInterval(() => socket.write(' '), 500);
		// Meanwhile the server answers others.
		for (let i = 0; i < 3; i++) {
			expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
			await new Promise((r) => setTimeout(r, 300));
		}
		const at = await closed;
		clearInterval(trickle);
		const took = at - started;
		expect(took).toBeGreaterThanOrEqual(timeoutMs - 500);
		// The timeout plus the server's 1 s check interval, with slack for a loaded machine.
		expect(took).toBeLessThan(timeoutMs + 4000);
		expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
	});

	test('headers that never finish are cut off at the headers timeout', async () => {
		const timeoutMs = Number(INTEGRATION_TIMEOUTS.HEADERS_TIMEOUT) * 1000;
		const url = new URL(baseUrl);
		const socket = connect(Number(url.port), url.hostname);
		socket.on('error', () => {});
		// Read what the server sends (its 408), so its close is seen.
		socket.resume();
		const started = Date.now();
		const closed = new Promise<number>((resolve) =>
			socket.once('close', () => resolve(Date.now()))
		);
		socket.write(`GET /healthz HTTP/1.1\r\nHost: ${url.host}\r\n`);
		const trickle = setInterval(() => socket.write('X-Slow: 1\r\n'), 500);
		const took = (await closed) - started;
		clearInterval(trickle);
		expect(took).toBeLessThan(timeoutMs + 4000);
	});
});

describe('cross-site forms', () => {
	test('a cross-site form post to /api is refused with the API JSON error', async () => {
		const response = await fetch(`${baseUrl}${API.signIn}`, {
			method: 'POST',
			headers: {
				origin: 'https://evil.example',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: 'email=a&password=b'
		});
		expect(response.status).toBe(403);
		expect(await response.json()).toMatchObject({ error: 'bad_origin' });
	});

	test('a cross-site form post to an office action is refused, a same-origin one is not', async () => {
		const cross = await fetch(`${baseUrl}/office/sign-out`, {
			method: 'POST',
			headers: {
				origin: 'https://evil.example',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: '',
			redirect: 'manual'
		});
		expect(cross.status).toBe(403);
		expectSecurityHeaders(cross, 'cross-site form');
		const same = await fetch(`${baseUrl}/office/sign-out`, {
			method: 'POST',
			headers: { origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
			body: '',
			redirect: 'manual'
		});
		expect(same.status).not.toBe(403);
	});
});
