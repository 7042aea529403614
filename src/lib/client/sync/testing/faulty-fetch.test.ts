import { describe, expect, it } from 'vitest';
import {
	createFaultyFetch,
	faultWhen,
	randomFaultPlan,
	seededRandom,
	type Fault
} from './faulty-fetch';

function countingServer() {
	const seen: string[] = [];
	const fetch = async (url: string, init: RequestInit = {}) => {
		seen.push(`${init.method ?? 'GET'} ${url} ${String(init.body ?? '')}`);
		return new Response(JSON.stringify({ n: seen.length }), { status: 200 });
	};
	return { fetch, seen };
}

const always = (fault: Fault) => () => fault;

describe('createFaultyFetch', () => {
	it('pass delivers once and returns the real response', async () => {
		const server = countingServer();
		const faulty = createFaultyFetch(server.fetch, always({ kind: 'pass' }));
		expect(await (await faulty('/a', { method: 'PUT', body: 'x' })).json()).toEqual({ n: 1 });
		expect(server.seen).toEqual(['PUT /a x']);
		expect(faulty.log[0]).toMatchObject({ index: 0, method: 'PUT', url: '/a' });
	});

	it('drop_request never reaches the server and looks like a network error', async () => {
		const server = countingServer();
		const faulty = createFaultyFetch(server.fetch, always({ kind: 'drop_request' }));
		await expect(faulty('/a')).rejects.toBeInstanceOf(TypeError);
		expect(server.seen).toEqual([]);
	});

	it('fail answers 503 without reaching the server', async () => {
		const server = countingServer();
		const faulty = createFaultyFetch(server.fetch, always({ kind: 'fail' }));
		expect((await faulty('/a')).status).toBe(503);
		expect(server.seen).toEqual([]);
	});

	it('drop_response reaches the server, then looks like a network error', async () => {
		const server = countingServer();
		const faulty = createFaultyFetch(server.fetch, always({ kind: 'drop_response' }));
		await expect(faulty('/a', { method: 'POST', body: 'b' })).rejects.toBeInstanceOf(TypeError);
		expect(server.seen).toEqual(['POST /a b']);
	});

	it('duplicate delivers the same request twice (the copy later) and answers the first', async () => {
		const server = countingServer();
		const faulty = createFaultyFetch(
			server.fetch,
			faultWhen(() => true, { kind: 'duplicate', delayMs: 5 })
		);
		expect(await (await faulty('/a', { method: 'PUT', body: 'x' })).json()).toEqual({ n: 1 });
		await faulty('/b');
		await faulty.settled();
		expect(server.seen).toEqual(['PUT /a x', 'GET /b ', 'PUT /a x']);
	});

	it('delay holds the request back, and an abort during the delay cancels it', async () => {
		const server = countingServer();
		const faulty = createFaultyFetch(server.fetch, always({ kind: 'delay', ms: 30 }));
		const started = Date.now();
		await faulty('/a');
		expect(Date.now() - started).toBeGreaterThanOrEqual(25);
		const controller = new AbortController();
		const aborted = faulty('/b', { signal: controller.signal });
		controller.abort();
		await expect(aborted).rejects.toBeDefined();
		expect(server.seen).toEqual(['GET /a ']);
	});

	it('randomFaultPlan with a seed is repeatable and uses every fault', () => {
		const rates = {
			dropRequest: 0.15,
			fail: 0.15,
			duplicate: 0.15,
			dropResponse: 0.15,
			delay: 0.15
		};
		const draw = (seed: number) => {
			const plan = randomFaultPlan(seededRandom(seed), rates);
			return Array.from(
				{ length: 200 },
				(_, index) => plan({ index, method: 'GET', url: '/' }).kind
			);
		};
		expect(draw(7)).toEqual(draw(7));
		expect(new Set(draw(7))).toEqual(
			new Set(['pass', 'drop_request', 'fail', 'duplicate', 'drop_response', 'delay'])
		);
	});
});
