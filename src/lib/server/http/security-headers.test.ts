import { json } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { fakeRequestEvent } from '../testing/request-event';
import { csrfHandle } from './csrf';
import { ClientAbortError, readBytes } from './read-body';
import { SECURITY_HEADERS, withSecurityHeaders } from './security-headers';

const ORIGIN = 'https://shopwalk.example';

describe('withSecurityHeaders', () => {
	it('adds the security headers and no-store to API answers, errors included', () => {
		for (const status of [200, 401, 500]) {
			const response = withSecurityHeaders('/api/me', json({}, { status }));
			for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
				expect(response.headers.get(name)).toBe(value);
			}
			expect(response.headers.get('cache-control')).toBe('no-store');
			expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		}
	});

	it('keeps the caching of a successful photo or report download, not of their errors', () => {
		const own = (cache: string, status = 200) =>
			new Response('x', { status, headers: { 'cache-control': cache } });
		const photo = '/api/photos/0b8f7c1e-0000-4000-8000-000000000002';
		expect(
			withSecurityHeaders(photo, own('private, max-age=31536000, immutable')).headers.get(
				'cache-control'
			)
		).toBe('private, max-age=31536000, immutable');
		expect(
			withSecurityHeaders('/api/audits/a/reports/2', own('private, no-cache')).headers.get(
				'cache-control'
			)
		).toBe('private, no-cache');
		expect(withSecurityHeaders(photo, own('private', 404)).headers.get('cache-control')).toBe(
			'no-store'
		);
		expect(
			withSecurityHeaders('/api/me', own('public, max-age=60')).headers.get('cache-control')
		).toBe('no-store');
	});

	it('keeps a page CSP and leaves page caching alone', () => {
		const page = new Response('<p>', {
			headers: { 'content-security-policy': "default-src 'self'; frame-ancestors 'none'" }
		});
		const out = withSecurityHeaders('/office', page);
		expect(out.headers.get('content-security-policy')).toBe(
			"default-src 'self'; frame-ancestors 'none'"
		);
		expect(out.headers.get('cache-control')).toBeNull();
		expect(out.headers.get('x-frame-options')).toBe('DENY');
	});

	it('copes with a response whose headers are immutable', async () => {
		const frozen = Response.redirect(`${ORIGIN}/x`, 302);
		const out = withSecurityHeaders('/x', frozen);
		expect(out.status).toBe(302);
		expect(out.headers.get('x-content-type-options')).toBe('nosniff');
		await expect(Promise.resolve(out.headers.get('location'))).resolves.toBe(`${ORIGIN}/x`);
	});
});

describe('csrfHandle', () => {
	const post = (path: string, origin: string | null, type = 'application/x-www-form-urlencoded') =>
		fakeRequestEvent(
			new Request(`${ORIGIN}${path}`, {
				method: 'POST',
				headers: { 'content-type': type, ...(origin ? { origin } : {}) },
				body: 'a=b'
			})
		);
	const resolve = () => Promise.resolve(new Response('through'));

	it('refuses a cross-site form post to a page, like SvelteKit', async () => {
		const response = await csrfHandle({
			event: post('/office/sign-out', 'https://evil.example'),
			resolve
		});
		expect(response.status).toBe(403);
		expect(await response.text()).toBe('Cross-site POST form submissions are forbidden');
		const none = await csrfHandle({ event: post('/office/sign-out', null), resolve });
		expect(none.status).toBe(403);
	});

	it('lets same-origin form posts, JSON posts and /api through (the API guard answers those)', async () => {
		for (const event of [
			post('/office/sign-out', ORIGIN),
			post('/office/sign-out', 'https://evil.example', 'application/json'),
			post('/api/auth/sign-in', 'https://evil.example')
		]) {
			expect(await (await csrfHandle({ event, resolve })).text()).toBe('through');
		}
	});
});

describe('readBytes', () => {
	const chunked = (chunks: Uint8Array[], fail?: Error) =>
		new Request(`${ORIGIN}/api/x`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: new ReadableStream<Uint8Array>({
				pull(controller) {
					const next = chunks.shift();
					if (next) controller.enqueue(next);
					else if (fail) controller.error(fail);
					else controller.close();
				}
			}),
			duplex: 'half'
		} as RequestInit);

	it('answers 413 for a chunked body past the limit, after reading it to the end', async () => {
		const chunks = Array.from({ length: 6 }, () => new Uint8Array(1024));
		const request = chunked(chunks);
		await expect(readBytes(request, 2048)).rejects.toMatchObject({
			status: 413,
			code: 'payload_too_large'
		});
		expect(chunks).toHaveLength(0);
	});

	it('reports a body cut off by the client as the client abort', async () => {
		const cut = Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
		const error = await readBytes(chunked([new Uint8Array(10)], cut), 2048).catch(
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(ClientAbortError);
		expect(error).toMatchObject({ status: 400, code: 'request_aborted' });
	});
});
