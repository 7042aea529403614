import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { API } from '$lib/contract/api-paths';
import { openDatabase, type DbHandle } from '$lib/server/db/connect';
import {
	createTestOrganisation,
	TEST_PASSWORD,
	type TestOrganisation
} from '$lib/server/testing/factories';

// The API's JSON goes over the wire gzipped to clients that take it: a tablet's first pull on a
// weak connection. Raw HTTP here, since fetch would unpack the body and hide the encoding.

let baseUrl: string;
let handle: DbHandle;
let org: TestOrganisation;
let cookie: string;

function get(
	path: string,
	headers: Record<string, string>
): Promise<{
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}> {
	return new Promise((resolve, reject) => {
		const req = request(`${baseUrl}${path}`, { headers: { cookie, ...headers } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () =>
				resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
			);
		});
		req.on('error', reject);
		req.end();
	});
}

beforeAll(async () => {
	baseUrl = inject('baseUrl');
	handle = await openDatabase({ dataDir: inject('dataDir') });
	org = await createTestOrganisation(handle.db);
	const response = await fetch(`${baseUrl}${API.signIn}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: new URL(baseUrl).origin },
		body: JSON.stringify({ email: org.shopper.email, password: TEST_PASSWORD })
	});
	expect(response.status).toBe(200);
	cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
});
afterAll(async () => {
	await handle.close();
});

describe('compressed API answers', () => {
	test('a pull is gzipped for a client that takes it, and is the same JSON unpacked', async () => {
		const plain = await get(`${API.pull}?since=0`, { 'accept-encoding': 'identity' });
		const packed = await get(`${API.pull}?since=0`, { 'accept-encoding': 'gzip, deflate, br' });
		expect(plain.status).toBe(200);
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(packed.status).toBe(200);
		expect(packed.headers['content-encoding']).toBe('gzip');
		expect(String(packed.headers.vary)).toMatch(/accept-encoding/i);
		const unpacked = JSON.parse(gunzipSync(packed.body).toString('utf8')) as { cursor: number };
		const original = JSON.parse(plain.body.toString('utf8')) as { cursor: number };
		// The cursor follows the clock; everything else is the same answer.
		expect({ ...unpacked, cursor: 0 }).toEqual({ ...original, cursor: 0 });
		expect(packed.body.byteLength).toBeLessThan(plain.body.byteLength / 3);
	});

	test('small answers and refusals of gzip are sent as they are', async () => {
		const me = await get(API.me, { 'accept-encoding': 'gzip' });
		expect(me.status).toBe(200);
		expect(me.headers['content-encoding']).toBeUndefined();
		const refused = await get(`${API.pull}?since=0`, { 'accept-encoding': 'gzip;q=0, identity' });
		expect(refused.headers['content-encoding']).toBeUndefined();
		expect(() => JSON.parse(refused.body.toString('utf8')) as unknown).not.toThrow();
	});
});
