import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '$lib/contract/auth';
import { devicePhoto, photoEntry, submitRequestOf } from '../testing/complete-audit';
import { findAudit } from '../repos/audits';
import { findPhoto, listPhotosOfAudit } from '../repos/photos';
import { completeAuditOf, openSyncFixture, type SyncFixture } from './test-helpers';

// One validation for both databases: the same hostile payload gets the same 4xx on SQLite and
// on PostgreSQL (this file runs in both lanes), through the real endpoint handlers, and nothing
// is stored. Bodies are raw JSON text, so `1e309` and `\u0000` arrive as a device would send them.
let fixture: SyncFixture;
vi.mock('$lib/server/context', () => ({ getServerContext: async () => fixture.ctx }));

const auditEndpoint = await import('../../../routes/api/audits/[id]/+server');
const photoEndpoint = await import('../../../routes/api/audits/[id]/photos/[photoId]/+server');
const submitEndpoint = await import('../../../routes/api/audits/[id]/submit/+server');
const libraryEndpoint = await import('../../../routes/api/comment-library/+server');

type Handler = (event: never) => Promise<Response> | Response;

async function call(
	handler: Handler,
	user: SessionUser,
	init: {
		path: string;
		params: Record<string, string>;
		method: string;
		headers: Record<string, string>;
		body: BodyInit;
	}
): Promise<{
	status: number;
	body: { error?: string; details?: { issues?: { path: string }[] } };
}> {
	const url = new URL(init.path, 'http://shopwalk.test');
	const request = new Request(url, { method: init.method, headers: init.headers, body: init.body });
	const event = { locals: { user, sessionId: null }, params: init.params, request, url };
	const response = await handler(event as never);
	return { status: response.status, body: (await response.json()) as never };
}

const json = { 'content-type': 'application/json' };
const MARK = '«mark»';

/** A fresh complete audit whose JSON text has `mark`'s spot (a string or number) replaced by `raw`. */
function hostileAudit(place: (upload: Record<string, unknown>) => void, raw: string) {
	const built = completeAuditOf(fixture.a);
	const upload = structuredClone(built.upload) as unknown as Record<string, unknown>;
	place(upload);
	const text = JSON.stringify(upload)
		.replace(JSON.stringify(MARK), raw)
		.replace(String(424242424242), raw);
	return { built, text };
}

const putAudit = (id: string, body: string) =>
	call(auditEndpoint.PUT as Handler, fixture.a.shopper, {
		path: `/api/audits/${id}`,
		params: { id },
		method: 'PUT',
		headers: json,
		body
	});

interface Case {
	name: string;
	place: (upload: Record<string, unknown>) => void;
	raw: string;
	error: string;
	path?: string;
}

const at = (upload: Record<string, unknown>, key: string) =>
	upload[key] as Record<string, unknown>[];

const CASES: Case[] = [
	{
		name: 'a NUL in a photo caption',
		place: (u) => (at(u, 'photos')[0]!.caption = MARK),
		raw: '"receipt\\u0000"',
		error: 'invalid_payload',
		path: 'photos.0.caption'
	},
	{
		name: 'a NUL in the narrative',
		place: (u) => (u.narrative = MARK),
		raw: '"\\u0000"',
		error: 'invalid_payload',
		path: 'narrative'
	},
	{
		name: 'a NUL in the location snapshot',
		place: (u) => ((u.location as Record<string, unknown>).name = MARK),
		raw: '"Store\\u0000 1"',
		error: 'invalid_payload',
		path: 'location.name'
	},
	{
		name: 'a lone high surrogate in a note',
		place: (u) => (at(u, 'notes')[0]!.text = MARK),
		raw: '"half \\ud83d an emoji"',
		error: 'invalid_payload',
		path: 'notes.0.text'
	},
	{
		name: 'a lone low surrogate in a text answer',
		place: (u) => (at(u, 'answers').find((a) => typeof a.value === 'string')!.value = MARK),
		raw: '"\\ude00"',
		error: 'invalid_payload'
	},
	{
		name: 'a revision of 2^31',
		place: (u) => (u.revision = 424242424242),
		raw: String(2 ** 31),
		error: 'invalid_payload',
		path: 'revision'
	},
	{
		name: 'a revision far beyond 2^31',
		place: (u) => (u.revision = 424242424242),
		raw: '9007199254740991',
		error: 'invalid_payload',
		path: 'revision'
	},
	{
		name: 'a template version of 2^31',
		place: (u) => (u.templateVersion = 424242424242),
		raw: String(2 ** 31),
		error: 'invalid_payload',
		path: 'templateVersion'
	},
	{
		name: '1e309 (Infinity) as a stage time',
		place: (u) => {
			const times = u.stageTimeMs as Record<string, number>;
			times[Object.keys(times)[0]!] = 424242424242;
		},
		raw: '1e309',
		error: 'invalid_payload'
	},
	{
		name: 'a negative stage time',
		place: (u) => {
			const times = u.stageTimeMs as Record<string, number>;
			times[Object.keys(times)[0]!] = 424242424242;
		},
		raw: '-1',
		error: 'invalid_payload'
	},
	{
		name: 'time-out before time-in',
		place: (u) => (u.timeOut = (u.timeIn as number) - 1),
		raw: MARK,
		error: 'invalid_payload',
		path: 'timeOut'
	},
	{
		name: 'a stage key the template lacks',
		place: (u) => ((u.stageTimeMs as Record<string, number>)['no-such-stage'] = 1000),
		raw: MARK,
		error: 'unknown_stage'
	}
];

describe('hostile audit payloads: the same 4xx on every database, nothing stored', () => {
	beforeAll(async () => {
		fixture = await openSyncFixture();
	});
	afterAll(async () => {
		await fixture.database.dispose();
	});

	it.each(CASES)('refuses $name', async ({ place, raw, error, path }) => {
		const { built, text } = hostileAudit(place, raw);
		const response = await putAudit(built.id, text);
		expect([response.status, response.body.error]).toEqual([422, error]);
		if (path) expect(response.body.details?.issues?.map((issue) => issue.path)).toContain(path);
		expect(await findAudit(fixture.ctx.db, built.id)).toBeUndefined();
		expect(await listPhotosOfAudit(fixture.ctx.db, built.id)).toEqual([]);
	});

	it('stores hostile but valid Unicode exactly as sent, on every database', async () => {
		const built = completeAuditOf(fixture.a);
		// Astral emoji with modifiers and joiners, combining marks, bidi overrides, a BOM, line
		// and paragraph separators, a noncharacter, control characters other than NUL, quotes.
		const wild =
			'👩🏽‍🔬 Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o \u202eevil\u202c \ufeff\u2028\u2029 \uffff \u0001\u001f\u007f "\'\\ 𝕳𝖊𝖑𝖑𝖔';
		const caption = wild.repeat(20).slice(0, 499);
		const captionEnd = /[\uD800-\uDBFF]$/.test(caption) ? caption.slice(0, -1) : caption;
		const upload = {
			...built.upload,
			narrative: wild.repeat(200),
			location: { ...built.upload.location, name: wild },
			notes: built.upload.notes.map((note) => ({ ...note, text: wild })),
			photos: built.upload.photos.map((photo) => ({ ...photo, caption: captionEnd }))
		};
		const response = await putAudit(built.id, JSON.stringify(upload));
		expect(response.status).toBe(200);
		const row = await findAudit(fixture.ctx.db, built.id);
		const content = JSON.parse(row!.content) as { narrative: string; notes: { text: string }[] };
		expect(content.narrative).toBe(wild.repeat(200));
		expect(content.notes[0]?.text).toBe(wild);
		const photo = await findPhoto(fixture.ctx.db, fixture.a.organisation.id, upload.photos[0]!.id);
		expect(photo?.caption).toBe(captionEnd);
	});

	it('refuses a submit at revision 2^31 and a NUL in a library comment', async () => {
		const built = completeAuditOf(fixture.a);
		const submit = await call(submitEndpoint.POST as Handler, fixture.a.shopper, {
			path: `/api/audits/${built.id}/submit`,
			params: { id: built.id },
			method: 'POST',
			headers: { ...json, 'idempotency-key': `${built.id}:submit:x` },
			body: JSON.stringify({ ...submitRequestOf(built), revision: 2 ** 31 })
		});
		expect([submit.status, submit.body.error]).toEqual([422, 'invalid_payload']);
		const library = await call(libraryEndpoint.POST as Handler, fixture.a.manager, {
			path: '/api/comment-library',
			params: {},
			method: 'POST',
			headers: json,
			body: '{"body":"Greet\\u0000 sooner"}'
		});
		expect([library.status, library.body.error]).toEqual([422, 'invalid_payload']);
		const list = await fixture.ctx.db.selectFrom('comment_library').selectAll().execute();
		expect(list).toEqual([]);
	});
});

describe('photo facts that lie: refused when the bytes arrive, nothing stored', () => {
	beforeAll(async () => {
		fixture = await openSyncFixture();
	});
	afterAll(async () => {
		await fixture.database.dispose();
	});

	const bytes = devicePhoto('receipt.jpg');
	const truth = photoEntry(bytes, { checkpointId: null, kind: 'general' });
	it.each([
		{ lie: { byteLength: truth.byteLength - 1 }, field: 'byteLength' },
		{ lie: { byteLength: 1 }, field: 'byteLength' },
		{ lie: { width: 4096 }, field: 'width' },
		{ lie: { height: 1 }, field: 'height' }
	])('refuses a manifest whose $field lies', async ({ lie, field }) => {
		const built = completeAuditOf(fixture.a, { receipt: false });
		const entry = { ...truth, ...lie, id: crypto.randomUUID() };
		const upload = { ...built.upload, photos: [...built.upload.photos, entry] };
		expect((await putAudit(built.id, JSON.stringify(upload))).status).toBe(200);
		const response = await call(photoEndpoint.PUT as Handler, fixture.a.shopper, {
			path: `/api/audits/${built.id}/photos/${entry.id}`,
			params: { id: built.id, photoId: entry.id },
			method: 'PUT',
			headers: { 'content-type': 'image/jpeg', 'x-content-sha256': entry.sha256 },
			body: new Uint8Array(bytes)
		});
		expect([response.status, response.body.error]).toEqual([422, 'photo_facts_mismatch']);
		expect(response.body.details).toMatchObject({ fields: [field] });
		const row = await findPhoto(fixture.ctx.db, fixture.a.organisation.id, entry.id);
		expect(row?.stored_at).toBeNull();
	});
});
