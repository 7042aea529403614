import type { ResolveOptions, RequestEvent } from '@sveltejs/kit';
import { json } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '$lib/contract/auth';
import { API, MAX_JSON_BODY_BYTES, MAX_PHOTO_UPLOAD_BYTES } from '$lib/contract/api-paths';
import { fakeRequestEvent } from '../testing/request-event';
import { apiGuardHandle, checkApiRequest } from './api-guard';

const ORIGIN = 'https://shopwalk.example';
const user: SessionUser = {
	id: 'u1',
	email: 's@example.com',
	displayName: 'S',
	pseudonym: 'Shopper 1',
	role: 'shopper',
	fieldWork: true,
	organisation: { id: 'o1', name: 'O' }
};
const AUDIT = '0b8f7c1e-0000-4000-8000-000000000001';
const PHOTO = '0b8f7c1e-0000-4000-8000-000000000002';

function request(
	method: string,
	path: string,
	headers: Record<string, string> = {},
	body?: string
) {
	return new Request(`${ORIGIN}${path}`, { method, headers, body });
}

function check(req: Request, who: SessionUser | null = user) {
	const failure = checkApiRequest(req, new URL(req.url), who);
	return failure && { status: failure.status, code: failure.code };
}

const jsonPost = (path: string, extra: Record<string, string> = {}) =>
	request('POST', path, { origin: ORIGIN, 'content-type': 'application/json', ...extra }, '{}');

describe('checkApiRequest', () => {
	it('lets a same-origin JSON request of a signed-in user through', () => {
		expect(check(jsonPost(API.submit(AUDIT)))).toBeNull();
		expect(check(request('GET', API.pull))).toBeNull();
	});

	it('refuses a non-GET request from another origin, or without Origin and Sec-Fetch-Site', () => {
		const bad = { status: 403, code: 'bad_origin' };
		expect(check(jsonPost(API.signIn, { origin: 'https://evil.example' }), null)).toEqual(bad);
		expect(check(jsonPost(API.signIn, { origin: 'http://shopwalk.example' }), null)).toEqual(bad);
		const noOrigin = request('DELETE', API.audit(AUDIT));
		expect(check(noOrigin)).toEqual(bad);
		const crossSite = request('POST', API.signOut, { 'sec-fetch-site': 'cross-site' });
		expect(check(crossSite)).toEqual(bad);
		const sameSite = request('POST', API.signOut, { 'sec-fetch-site': 'same-origin' });
		expect(check(sameSite)).toBeNull();
	});

	it('does not require Origin on GET', () => {
		expect(check(request('GET', API.me, { origin: 'https://evil.example' }))).toBeNull();
	});

	it('refuses requests without a session except sign-in and sign-out', () => {
		const unauthenticated = { status: 401, code: 'unauthenticated' };
		expect(check(request('GET', API.me), null)).toEqual(unauthenticated);
		expect(check(request('GET', API.pull), null)).toEqual(unauthenticated);
		expect(check(jsonPost(API.submit(AUDIT)), null)).toEqual(unauthenticated);
		expect(check(jsonPost(API.signIn), null)).toBeNull();
		expect(check(jsonPost(API.signOut), null)).toBeNull();
	});

	it('refuses bodies of types not on the allow-list', () => {
		const unsupported = { status: 415, code: 'unsupported_media_type' };
		const form = { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' };
		expect(check(request('POST', API.signIn, form, 'a=b'), null)).toEqual(unsupported);
		expect(
			check(
				request('PUT', API.audit(AUDIT), { origin: ORIGIN, 'content-type': 'text/plain' }, '{}')
			)
		).toEqual(unsupported);
		const jpegToJson = { origin: ORIGIN, 'content-type': 'image/jpeg' };
		expect(check(request('PUT', API.audit(AUDIT), jpegToJson, 'x'))).toEqual(unsupported);
		const jsonToPhoto = { origin: ORIGIN, 'content-type': 'application/json' };
		expect(check(request('PUT', API.auditPhoto(AUDIT, PHOTO), jsonToPhoto, '{}'))).toEqual(
			unsupported
		);
		expect(check(request('PUT', API.auditPhoto(AUDIT, PHOTO), jpegToJson, 'x'))).toBeNull();
		const charset = { origin: ORIGIN, 'content-type': 'application/json; charset=utf-8' };
		expect(check(request('PUT', API.audit(AUDIT), charset, '{}'))).toBeNull();
	});

	it('allows a body-less request without a content type', () => {
		expect(check(request('DELETE', API.audit(AUDIT), { origin: ORIGIN }))).toBeNull();
	});

	it('refuses bodies declared larger than the limit: 2 MB JSON, 12 MB photos', () => {
		const tooLarge = { status: 413, code: 'payload_too_large' };
		const sized = (path: string, type: string, bytes: number) => {
			const req = request('PUT', path, { origin: ORIGIN, 'content-type': type }, 'x');
			// Request computes content-length from the body; the header is what the guard reads.
			const headers = new Headers(req.headers);
			headers.set('content-length', String(bytes));
			return new Request(req.url, { method: 'PUT', headers, body: 'x' });
		};
		const json = 'application/json';
		expect(check(sized(API.audit(AUDIT), json, MAX_JSON_BODY_BYTES + 1))).toEqual(tooLarge);
		expect(check(sized(API.audit(AUDIT), json, MAX_JSON_BODY_BYTES))).toBeNull();
		const photo = API.auditPhoto(AUDIT, PHOTO);
		expect(check(sized(photo, 'image/jpeg', MAX_PHOTO_UPLOAD_BYTES + 1))).toEqual(tooLarge);
		expect(check(sized(photo, 'image/jpeg', 5 * 1024 * 1024))).toBeNull();
	});
});

describe('apiGuardHandle', () => {
	const run = async (
		req: Request,
		who: SessionUser | null,
		endpoint: (event: RequestEvent) => Response | Promise<Response> = () => json({ ok: true })
	) => {
		const event = fakeRequestEvent(req);
		event.locals.user = who;
		let reached = false;
		const response = await apiGuardHandle({
			event,
			resolve: async (e: RequestEvent, _opts?: ResolveOptions) => {
				reached = true;
				return endpoint(e);
			}
		});
		return { response, reached, body: (await response.json()) as unknown };
	};

	it('answers a refused request with the API error JSON and never reaches the endpoint', async () => {
		const { response, reached, body } = await run(
			jsonPost(API.signIn, { origin: 'https://evil.example' }),
			null
		);
		expect(reached).toBe(false);
		expect(response.status).toBe(403);
		expect(response.headers.get('content-type')).toContain('application/json');
		expect(body).toEqual({ error: 'bad_origin', message: expect.any(String) });
	});

	it('answers 401 without a session', async () => {
		const { response, reached, body } = await run(request('GET', API.me), null);
		expect([response.status, reached]).toEqual([401, false]);
		expect(body).toMatchObject({ error: 'unauthenticated' });
	});

	it('passes allowed requests to the endpoint', async () => {
		const { response, reached, body } = await run(request('GET', API.me), user);
		expect([response.status, reached]).toEqual([200, true]);
		expect(body).toEqual({ ok: true });
	});

	it('rewrites non-API error bodies into the API error shape', async () => {
		const html = await run(
			request('GET', '/api/nothing-here'),
			user,
			() =>
				new Response('<h1>Not found</h1>', {
					status: 404,
					headers: { 'content-type': 'text/html' }
				})
		);
		expect(html.response.status).toBe(404);
		expect(html.body).toEqual({ error: 'not_found', message: expect.any(String) });
		const kit = await run(request('GET', API.me), user, () =>
			json(
				{ message: 'Something went wrong on the server.', code: 'internal_error' },
				{ status: 500 }
			)
		);
		expect(kit.body).toEqual({
			error: 'internal_error',
			message: 'Something went wrong on the server.'
		});
		const kept = await run(request('GET', API.me), user, () =>
			json({ error: 'custom', message: 'Kept as is.' }, { status: 409 })
		);
		expect(kept.body).toEqual({ error: 'custom', message: 'Kept as is.' });
	});

	it('leaves non-API paths alone', async () => {
		const event = fakeRequestEvent(
			request('POST', '/somewhere', { origin: 'https://evil.example' })
		);
		const response = await apiGuardHandle({ event, resolve: async () => new Response('page') });
		expect(await response.text()).toBe('page');
	});
});
