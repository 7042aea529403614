import { describe, expect, it } from 'vitest';
import type { AuditUpload } from '$lib/contract/sync';
import { createApiClient } from './api-client';
import { ApiRequestError, type ApiErrorReason } from './api-error';
import type { FetchLike } from './request';

const AUDIT_ID = '5f0c6a8e-3c1b-4d2a-9e7f-1a2b3c4d5e6f';
const PHOTO_ID = '0e1d2c3b-4a59-4687-9a6b-5c4d3e2f1a0b';
const SHA = 'a'.repeat(64);

interface Call {
	url: string;
	init: RequestInit;
}

/** A fetch answering every request with `respond`, recording what was sent. */
function fakeFetch(respond: (call: Call) => Response | Promise<Response>) {
	const calls: Call[] = [];
	const fetch: FetchLike = async (url, init) => {
		const call = { url, init };
		calls.push(call);
		return respond(call);
	};
	return { fetch, calls };
}

function json(status: number, body: unknown): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json' }
	});
}

const upload: AuditUpload = {
	revision: 2,
	templateId: 'tpl-1',
	templateVersion: 1,
	assignmentId: null,
	location: { id: 'l1', name: 'S', kind: 'own', brand: 'B', address: 'A', region: 'R' },
	locale: 'en',
	timeIn: 1,
	timeOut: 2,
	stageTimeMs: {},
	narrative: '',
	answers: [],
	notes: [],
	photos: []
};

async function failure(promise: Promise<unknown>): Promise<ApiRequestError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ApiRequestError);
	return error as ApiRequestError;
}

describe('api client requests', () => {
	it('PUTs an audit as JSON, same-origin, to the contract path and parses the answer', async () => {
		const { fetch, calls } = fakeFetch(() =>
			json(200, { id: AUDIT_ID, revision: 2, state: 'draft', missingPhotos: [PHOTO_ID] })
		);
		const result = await createApiClient({ fetch }).putAudit(AUDIT_ID, upload);
		expect(result.missingPhotos).toEqual([PHOTO_ID]);
		expect(calls).toHaveLength(1);
		const [call] = calls;
		expect(call!.url).toBe(`/api/audits/${AUDIT_ID}`);
		expect(call!.init.method).toBe('PUT');
		expect(call!.init.credentials).toBe('same-origin');
		expect(new Headers(call!.init.headers).get('content-type')).toBe('application/json');
		expect(JSON.parse(call!.init.body as string)).toEqual(upload);
	});

	it('PUTs a photo as raw JPEG bytes with its SHA-256 header', async () => {
		const { fetch, calls } = fakeFetch(() =>
			json(200, { id: PHOTO_ID, sha256: SHA, byteLength: 3 })
		);
		const bytes = new Uint8Array([1, 2, 3]).buffer;
		await createApiClient({ fetch, baseUrl: 'http://host' }).putPhoto(
			AUDIT_ID,
			PHOTO_ID,
			bytes,
			SHA
		);
		const call = calls[0]!;
		expect(call.url).toBe(`http://host/api/audits/${AUDIT_ID}/photos/${PHOTO_ID}`);
		const headers = new Headers(call.init.headers);
		expect(headers.get('content-type')).toBe('image/jpeg');
		expect(headers.get('x-content-sha256')).toBe(SHA);
		expect(call.init.body).toBe(bytes);
	});

	it('GETs a stored photo as JPEG bytes, and refuses a body that is not a JPEG', async () => {
		const { fetch, calls } = fakeFetch(
			() => new Response(new Uint8Array([7, 8]), { headers: { 'content-type': 'image/jpeg' } })
		);
		const bytes = await createApiClient({ fetch, baseUrl: 'http://host' }).getPhoto(PHOTO_ID);
		expect(calls[0]!.url).toBe(`http://host/api/photos/${PHOTO_ID}`);
		expect(calls[0]!.init.method).toBe('GET');
		expect(new Uint8Array(bytes)).toEqual(new Uint8Array([7, 8]));

		const portal = fakeFetch(
			() => new Response('<html>', { headers: { 'content-type': 'text/html' } })
		);
		await expect(createApiClient({ fetch: portal.fetch }).getPhoto(PHOTO_ID)).rejects.toMatchObject(
			{ reason: 'bad_response' }
		);
		const missing = fakeFetch(() => json(404, { error: 'photo_not_found', message: 'No' }));
		await expect(
			createApiClient({ fetch: missing.fetch }).getPhoto(PHOTO_ID)
		).rejects.toMatchObject({ reason: 'not_found' });
	});

	it('submits with the idempotency key header', async () => {
		const { fetch, calls } = fakeFetch(() =>
			json(200, {
				id: AUDIT_ID,
				state: 'submitted',
				revision: 2,
				totalPercent: 80,
				submittedAt: 5
			})
		);
		const result = await createApiClient({ fetch }).submit(
			AUDIT_ID,
			{ revision: 2, photos: [] },
			'key-1'
		);
		expect(result.totalPercent).toBe(80);
		expect(new Headers(calls[0]!.init.headers).get('idempotency-key')).toBe('key-1');
		expect(calls[0]!.init.method).toBe('POST');
	});

	it('pulls with the cursor in the query and accepts both shapes of /api/me', async () => {
		const user = {
			id: 'u',
			email: 'e@x.dk',
			displayName: 'D',
			pseudonym: 'P',
			role: 'shopper',
			fieldWork: true,
			organisation: { id: 'o', name: 'O' }
		};
		const { fetch, calls } = fakeFetch(({ url }) =>
			url.startsWith('/api/sync/pull')
				? json(200, { cursor: 9, templates: [], locations: [], assignments: [], audits: [] })
				: url === '/api/me'
					? json(200, calls.length === 2 ? { user } : user)
					: json(404, {})
		);
		const api = createApiClient({ fetch });
		expect((await api.pull(42)).cursor).toBe(9);
		expect(calls[0]!.url).toBe('/api/sync/pull?since=42');
		expect(await api.me()).toEqual(user);
		expect(await api.me()).toEqual(user);
	});
});

describe('api client errors', () => {
	const cases: [number, ApiErrorReason, boolean][] = [
		[400, 'invalid', false],
		[401, 'unauthenticated', false],
		[403, 'forbidden', false],
		[404, 'not_found', false],
		[408, 'timeout', true],
		[409, 'conflict', false],
		[413, 'too_large', false],
		[422, 'invalid', false],
		[429, 'rate_limited', true],
		[500, 'server', true],
		[503, 'server', true]
	];
	it.each(cases)(
		'HTTP %i is %s (retryable: %s) with the server’s code',
		async (status, reason, retryable) => {
			const { fetch } = fakeFetch(() =>
				json(status, { error: `code_${status}`, message: 'Nope', details: { n: 1 } })
			);
			const error = await failure(createApiClient({ fetch }).me());
			expect(error).toMatchObject({ reason, retryable, status, code: `code_${status}` });
			expect(error.message).toBe('Nope');
			expect(error.details).toEqual({ n: 1 });
		}
	);

	it('an error page that is not JSON keeps the status’s reason and no code', async () => {
		const { fetch } = fakeFetch(() => new Response('<h1>Bad gateway</h1>', { status: 502 }));
		const error = await failure(createApiClient({ fetch }).me());
		expect(error).toMatchObject({ reason: 'server', status: 502, code: null, retryable: true });
	});

	it('a fetch that throws is offline and retryable, whatever navigator.onLine says', async () => {
		const fetch: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
		const error = await failure(createApiClient({ fetch }).pull(0));
		expect(error).toMatchObject({ reason: 'offline', status: null, retryable: true });
	});

	it('a 2xx body off the contract is bad_response, naming the problem', async () => {
		const { fetch } = fakeFetch(() =>
			json(200, { id: AUDIT_ID, revision: 2, state: 'bogus', missingPhotos: [] })
		);
		const error = await failure(createApiClient({ fetch }).putAudit(AUDIT_ID, upload));
		expect(error).toMatchObject({ reason: 'bad_response', status: 200 });
		expect(error.message).toContain('PUT /api/audits/');
	});

	it('a 2xx with an unknown extra field or a non-JSON body is bad_response', async () => {
		const extra = fakeFetch(() =>
			json(200, { id: PHOTO_ID, sha256: SHA, byteLength: 1, extra: true })
		);
		const api = createApiClient({ fetch: extra.fetch });
		expect((await failure(api.putPhoto(AUDIT_ID, PHOTO_ID, new ArrayBuffer(1), SHA))).reason).toBe(
			'bad_response'
		);
		const html = fakeFetch(() => new Response('<html>captive portal</html>', { status: 200 }));
		expect((await failure(createApiClient({ fetch: html.fetch }).me())).reason).toBe(
			'bad_response'
		);
	});

	it('times out a JSON request after jsonTimeoutMs and aborts the fetch', async () => {
		let signal: AbortSignal | undefined;
		const fetch: FetchLike = (_url, init) =>
			new Promise((_resolve, reject) => {
				signal = init.signal ?? undefined;
				signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
			});
		const started = Date.now();
		const error = await failure(createApiClient({ fetch, jsonTimeoutMs: 30 }).me());
		expect(error).toMatchObject({ reason: 'timeout', retryable: true });
		expect(signal?.aborted).toBe(true);
		expect(Date.now() - started).toBeGreaterThanOrEqual(25);
	});

	it('photos get their own, longer timeout', async () => {
		const fetch: FetchLike = (_url, init) =>
			new Promise((resolve, reject) => {
				const timer = setTimeout(
					() => resolve(json(200, { id: PHOTO_ID, sha256: SHA, byteLength: 1 })),
					60
				);
				init.signal?.addEventListener('abort', () => {
					clearTimeout(timer);
					reject(new DOMException('aborted', 'AbortError'));
				});
			});
		const api = createApiClient({ fetch, jsonTimeoutMs: 20, photoTimeoutMs: 1_000 });
		await expect(api.putPhoto(AUDIT_ID, PHOTO_ID, new ArrayBuffer(1), SHA)).resolves.toMatchObject({
			id: PHOTO_ID
		});
		expect((await failure(api.me())).reason).toBe('timeout');
	});

	it('a body that stalls past the timeout is a timeout too', async () => {
		const fetch: FetchLike = (_url, init) => {
			const body = new ReadableStream({
				start(controller) {
					init.signal?.addEventListener('abort', () => controller.error(new Error('aborted')));
				}
			});
			return Promise.resolve(new Response(body, { status: 200 }));
		};
		const error = await failure(createApiClient({ fetch, jsonTimeoutMs: 30 }).me());
		expect(error.reason).toBe('timeout');
	});
});
