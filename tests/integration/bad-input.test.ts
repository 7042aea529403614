import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { API } from '$lib/contract/api-paths';
import { openDatabase, type DbHandle } from '$lib/server/db/connect';
import {
	createTestOrganisation,
	TEST_PASSWORD,
	type TestOrganisation
} from '$lib/server/testing/factories';
import {
	buildCompleteAudit,
	devicePhoto,
	fixturePhoto,
	photoEntry
} from '$lib/server/testing/complete-audit';
import { cookieFetch, plainLocation } from './cookie-fetch';

// Bad input against the real server: each a clear 4xx with a JSON error, nothing stored, and
// the server still serving afterwards.

let handle: DbHandle;
let org: TestOrganisation;
let baseUrl: string;
let dataDir: string;
let shopper: typeof fetch;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function expectRefused(response: Response, status: number, code?: string): Promise<void> {
	expect(response.status).toBe(status);
	expect(response.headers.get('content-type')).toMatch(/application\/json/);
	const body = (await response.json()) as { error: string; message: string };
	expect(typeof body.message).toBe('string');
	expect(body.message.length).toBeGreaterThan(0);
	if (code) expect(body.error).toBe(code);
	// Still serving.
	expect((await shopper(`${baseUrl}${API.me}`)).status).toBe(200);
}

async function auditCount(): Promise<number> {
	const row = await handle.db
		.selectFrom('audits')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('organisation_id', '=', org.organisation.id)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

function storedPhotoFiles(): string[] {
	const folder = join(dataDir, 'photos', org.organisation.id);
	if (!existsSync(folder)) return [];
	return readdirSync(folder, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => entry.name);
}

const putJson = (path: string, body: string, type = 'application/json') =>
	shopper(`${baseUrl}${path}`, { method: 'PUT', headers: { 'content-type': type }, body });

beforeAll(async () => {
	baseUrl = inject('baseUrl');
	dataDir = inject('dataDir');
	handle = await openDatabase({ dataDir });
	org = await createTestOrganisation(handle.db, { name: 'Bad input' });
	shopper = cookieFetch(baseUrl);
	const signIn = await shopper(`${baseUrl}${API.signIn}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email: org.shopper.email, password: TEST_PASSWORD })
	});
	expect(signIn.status).toBe(200);
});

afterAll(async () => {
	await handle?.close();
});

test('malformed, mistyped, unknown and oversized audit payloads are refused and store nothing', async () => {
	const built = buildCompleteAudit({
		template: org.template,
		location: plainLocation(org.location),
		receipt: false
	});
	const path = API.audit(built.id);
	await expectRefused(await putJson(path, '{"revision": 1, "answers": ['), 400, 'malformed_json');
	await expectRefused(
		await putJson(path, JSON.stringify({ ...built.upload, revision: 'one' })),
		422,
		'invalid_payload'
	);
	await expectRefused(
		await putJson(path, JSON.stringify({ ...built.upload, answers: 'all yes' })),
		422,
		'invalid_payload'
	);
	await expectRefused(
		await putJson(path, JSON.stringify({ ...built.upload, isAdmin: true })),
		422,
		'invalid_payload'
	);
	await expectRefused(await putJson(path, JSON.stringify(built.upload), 'text/plain'), 415);
	const huge = JSON.stringify({ ...built.upload, narrative: 'x'.repeat(3 * 1024 * 1024) });
	await expectRefused(await putJson(path, huge), 413);
	// A path-traversal id is not an id: refused before it reaches the disk or the database.
	await expectRefused(
		await putJson(`/api/audits/..%2F..%2Fetc%2Fpasswd`, JSON.stringify(built.upload)),
		400
	);
	expect(await auditCount()).toBe(0);
});

test('fake, truncated, mismatched and oversized photos are refused and store nothing', async () => {
	const notJpeg = fixturePhoto('not-an-image.jpg');
	const truncated = fixturePhoto('truncated.jpg');
	const good = devicePhoto('receipt.jpg');
	const built = buildCompleteAudit({
		template: org.template,
		location: plainLocation(org.location),
		receipt: false
	});
	// The audit and its manifest are stored; the photo bytes are what is under test.
	expect((await putJson(API.audit(built.id), JSON.stringify(built.upload))).status).toBe(200);
	const photoId = built.photos[0]!.entry.id;
	const put = (bytes: Uint8Array, hash: string, id = photoId) =>
		shopper(`${baseUrl}${API.auditPhoto(built.id, id)}`, {
			method: 'PUT',
			headers: { 'content-type': 'image/jpeg', 'x-content-sha256': hash },
			body: bytes as Uint8Array<ArrayBuffer>
		});

	await expectRefused(await put(notJpeg, sha256(notJpeg)), 415, 'not_a_jpeg');
	await expectRefused(await put(truncated, sha256(truncated)), 422, 'truncated_jpeg');
	await expectRefused(
		await put(
			good,
			sha256(good).replace(/^./, (c) => (c === '0' ? '1' : '0'))
		),
		422,
		'hash_mismatch'
	);
	const big = new Uint8Array(13 * 1024 * 1024);
	big.set(good);
	await expectRefused(await put(big, sha256(big)), 413);
	await expectRefused(await put(good, sha256(good), '../../escape'), 400);
	const unknown = photoEntry(good, { checkpointId: null, kind: 'general', id: randomUUID() });
	await expectRefused(await put(good, unknown.sha256, unknown.id), 404, 'photo_not_in_manifest');
	expect(storedPhotoFiles()).toEqual([]);
});
