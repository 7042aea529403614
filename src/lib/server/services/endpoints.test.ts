import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '$lib/contract/auth';
import { fixturePhoto, submitRequestOf, type BuiltAudit } from '../testing/complete-audit';
import { findAudit } from '../repos/audits';
import { findPhoto } from '../repos/photos';
import { upsertAudit } from './audit-upsert';
import { completeAuditOf, openSyncFixture, type SyncFixture } from './test-helpers';
import { sha256Hex } from './sha256';

// The endpoints are thin; these tests check their HTTP part (parsing, roles, headers, statuses).
let fixture: SyncFixture;
vi.mock('$lib/server/context', () => ({ getServerContext: async () => fixture.ctx }));

const audits = await import('../../../routes/api/audits/+server');
const audit = await import('../../../routes/api/audits/[id]/+server');
const photoUpload = await import('../../../routes/api/audits/[id]/photos/[photoId]/+server');
const submit = await import('../../../routes/api/audits/[id]/submit/+server');
const photo = await import('../../../routes/api/photos/[id]/+server');
const pull = await import('../../../routes/api/sync/pull/+server');

type Handler = (event: never) => Promise<Response> | Response;

function call(
	handler: Handler,
	user: SessionUser | null,
	init: {
		path: string;
		params?: Record<string, string>;
		method?: string;
		headers?: Record<string, string>;
		body?: BodyInit | Uint8Array;
	}
): Promise<Response> {
	const url = new URL(init.path, 'http://shopwalk.test');
	const request = new Request(url, {
		method: init.method ?? 'GET',
		headers: init.headers,
		body: init.body instanceof Uint8Array ? new Uint8Array(init.body) : init.body
	});
	const event = { locals: { user, sessionId: null }, params: init.params ?? {}, request, url };
	return Promise.resolve(handler(event as never));
}

const jsonHeaders = { 'content-type': 'application/json' };

describe('sync endpoints over HTTP', () => {
	let built: BuiltAudit;
	beforeEach(async () => {
		fixture = await openSyncFixture();
		built = completeAuditOf(fixture.a);
	});
	afterEach(async () => {
		await fixture.database.dispose();
	});
	const putAudit = (body: BodyInit, user: SessionUser | null = fixture.a.shopper, id = built.id) =>
		call(audit.PUT as Handler, user, {
			path: `/api/audits/${id}`,
			method: 'PUT',
			params: { id },
			headers: jsonHeaders,
			body
		});

	it('uploads, photographs and submits an audit through the endpoints', async () => {
		const up = await putAudit(JSON.stringify(built.upload));
		expect(up.status).toBe(200);
		expect((await up.json()).missingPhotos).toHaveLength(built.photos.length);
		for (const p of built.photos) {
			const res = await call(photoUpload.PUT as Handler, fixture.a.shopper, {
				path: `/api/audits/${built.id}/photos/${p.entry.id}`,
				method: 'PUT',
				params: { id: built.id, photoId: p.entry.id },
				headers: { 'content-type': 'image/jpeg', 'x-content-sha256': p.entry.sha256 },
				body: p.bytes
			});
			expect(res.status).toBe(200);
		}
		const res = await call(submit.POST as Handler, fixture.a.shopper, {
			path: `/api/audits/${built.id}/submit`,
			method: 'POST',
			params: { id: built.id },
			headers: { ...jsonHeaders, 'idempotency-key': `${built.id}:submit:1` },
			body: JSON.stringify(submitRequestOf(built))
		});
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ state: 'submitted', totalPercent: 100 });
	});

	it('answers bad input with a clear JSON 4xx and stores nothing', async () => {
		const cases: [Promise<Response>, number, string][] = [
			[putAudit('{"revision": 1,'), 400, 'malformed_json'],
			[putAudit(JSON.stringify({ ...built.upload, revision: 'one' })), 422, 'invalid_payload'],
			[putAudit(JSON.stringify({ ...built.upload, score: 100 })), 422, 'invalid_payload'],
			[putAudit(JSON.stringify(built.upload), fixture.a.manager), 403, 'forbidden'],
			[putAudit(JSON.stringify(built.upload), null), 401, 'unauthenticated'],
			[
				putAudit(JSON.stringify(built.upload), fixture.a.shopper, '..%2F..%2Fetc'),
				400,
				'invalid_id'
			],
			[
				call(audit.PUT as Handler, fixture.a.shopper, {
					path: `/api/audits/${built.id}`,
					method: 'PUT',
					params: { id: built.id },
					headers: { 'content-type': 'text/plain' },
					body: JSON.stringify(built.upload)
				}),
				415,
				'unsupported_media_type'
			],
			[
				call(audit.PUT as Handler, fixture.a.shopper, {
					path: `/api/audits/${built.id}`,
					method: 'PUT',
					params: { id: built.id },
					headers: jsonHeaders,
					body: JSON.stringify({ ...built.upload, narrative: 'x'.repeat(3 * 1024 * 1024) })
				}),
				413,
				'payload_too_large'
			]
		];
		for (const [response, status, code] of cases) {
			const res = await response;
			expect([res.status, (await res.json()).error]).toEqual([status, code]);
		}
		expect(await findAudit(fixture.ctx.db, built.id)).toBeUndefined();
	});

	it('refuses HTML sent as a photo, and a photo sent as another type', async () => {
		await putAudit(JSON.stringify(built.upload));
		const target = built.photos[0]!.entry.id;
		const html = fixturePhoto('not-an-image.jpg');
		const send = (headers: Record<string, string>, body: Uint8Array) =>
			call(photoUpload.PUT as Handler, fixture.a.shopper, {
				path: `/api/audits/${built.id}/photos/${target}`,
				method: 'PUT',
				params: { id: built.id, photoId: target },
				headers,
				body
			});
		const asJpeg = await send(
			{ 'content-type': 'image/jpeg', 'x-content-sha256': sha256Hex(html) },
			html
		);
		expect([asJpeg.status, (await asJpeg.json()).error]).toEqual([415, 'not_a_jpeg']);
		const bytes = built.photos[0]!.bytes;
		const asPng = await send(
			{ 'content-type': 'image/png', 'x-content-sha256': sha256Hex(bytes) },
			bytes
		);
		expect(asPng.status).toBe(415);
		expect(
			(await findPhoto(fixture.ctx.db, fixture.a.organisation.id, target))?.stored_at
		).toBeNull();
	});

	it('requires the idempotency key header on submit', async () => {
		await putAudit(JSON.stringify(built.upload));
		const res = await call(submit.POST as Handler, fixture.a.shopper, {
			path: `/api/audits/${built.id}/submit`,
			method: 'POST',
			params: { id: built.id },
			headers: jsonHeaders,
			body: JSON.stringify(submitRequestOf(built))
		});
		expect([res.status, (await res.json()).error]).toEqual([400, 'invalid_idempotency_key']);
	});

	it('validates the pull cursor and the list query', async () => {
		for (const since of ['-1', 'abc', '1e9']) {
			const res = await call(pull.GET as Handler, fixture.a.shopper, {
				path: `/api/sync/pull?since=${since}`
			});
			expect([res.status, (await res.json()).error]).toEqual([400, 'invalid_cursor']);
		}
		const ok = await call(pull.GET as Handler, fixture.a.shopper, { path: '/api/sync/pull' });
		expect(ok.status).toBe(200);
		expect((await ok.json()).assignments).toHaveLength(1);
		for (const query of ['limit=0', 'limit=x', 'state=lost']) {
			const res = await call(audits.GET as Handler, fixture.a.manager, {
				path: `/api/audits?${query}`
			});
			expect([res.status, (await res.json()).error]).toEqual([400, 'invalid_query']);
		}
	});

	it('filters the list by received time and refuses bad or reversed bounds', async () => {
		const day = 86_400_000;
		const start = Date.UTC(2025, 9, 1);
		const times = [start - 1, start, start + day - 1, start + day];
		const ids: string[] = [];
		for (const at of times) {
			const a = completeAuditOf(fixture.a);
			await upsertAudit(fixture.ctx, fixture.a.shopper, a.id, a.upload, at);
			ids.push(a.id);
		}
		const list = (query: string) =>
			call(audits.GET as Handler, fixture.a.manager, { path: `/api/audits?${query}` });
		const ok = await list(`receivedFrom=${start}&receivedBefore=${start + day}&limit=1`);
		expect(ok.status).toBe(200);
		const first = await ok.json();
		expect(first.items.map((i: { id: string }) => i.id)).toEqual([ids[2]]);
		const next = await list(
			`receivedFrom=${start}&receivedBefore=${start + day}&limit=1&cursor=${first.nextCursor}`
		);
		const second = await next.json();
		expect(second.items.map((i: { id: string }) => i.id)).toEqual([ids[1]]);
		expect(second.nextCursor).toBeNull();
		// Empty values are no filter, as for the other parameters.
		expect((await (await list('receivedFrom=&receivedBefore=')).json()).items).toHaveLength(4);
		for (const query of [
			'receivedFrom=yesterday',
			'receivedFrom=2025-10-01',
			'receivedFrom=-1',
			'receivedBefore=1.5',
			'receivedBefore=1e12',
			'receivedBefore=9999999999999999',
			`receivedFrom=${start + day}&receivedBefore=${start}`,
			`receivedFrom=${start}&receivedBefore=${start}`
		]) {
			const res = await list(query);
			expect([query, res.status, (await res.json()).error]).toEqual([query, 400, 'invalid_query']);
		}
		const reversed = await list(`receivedFrom=${start + day}&receivedBefore=${start}`);
		expect((await reversed.json()).message).toBe(
			'receivedFrom must be earlier than receivedBefore.'
		);
	});

	it('serves a photo privately with an ETag, 304 on a match, 404 to another organisation', async () => {
		await putAudit(JSON.stringify(built.upload));
		const p = built.photos[0]!;
		await call(photoUpload.PUT as Handler, fixture.a.shopper, {
			path: `/api/audits/${built.id}/photos/${p.entry.id}`,
			method: 'PUT',
			params: { id: built.id, photoId: p.entry.id },
			headers: { 'content-type': 'image/jpeg', 'x-content-sha256': p.entry.sha256 },
			body: p.bytes
		});
		const get = (user: SessionUser, headers: Record<string, string> = {}) =>
			call(photo.GET as Handler, user, {
				path: `/api/photos/${p.entry.id}`,
				params: { id: p.entry.id },
				headers
			});
		const res = await get(fixture.a.manager);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('image/jpeg');
		expect(res.headers.get('cache-control')).toMatch(/^private, max-age=\d+/);
		expect(sha256Hex(new Uint8Array(await res.arrayBuffer()))).toBe(p.entry.sha256);
		const again = await get(fixture.a.manager, { 'if-none-match': res.headers.get('etag')! });
		expect(again.status).toBe(304);
		const other = await get(fixture.b.manager);
		expect([other.status, (await other.json()).error]).toEqual([404, 'photo_not_found']);
	});
});
