/**
 * A fault-injection layer for any fetch (the in-memory fake server or the real one): each
 * request is passed, dropped, failed, duplicated, delayed, or delivered with its response
 * dropped, as a plan decides. Request bodies must be re-sendable (string, ArrayBuffer or
 * typed array), which is what the API client sends.
 */

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * - `pass`: delivered normally.
 * - `drop_request`: never delivered; the client sees a network error.
 * - `fail`: never delivered; the client gets `status` (503) as from an overloaded proxy.
 * - `duplicate`: delivered, and a second copy delivered `delayMs` later (0: concurrently);
 *   the client gets the first response. A late copy is also how reordering happens.
 * - `drop_response`: delivered and answered (the server has committed); the client sees a
 *   network error instead of the response.
 * - `delay`: delivered after `ms`.
 */
export type Fault =
	| { kind: 'pass' }
	| { kind: 'drop_request' }
	| { kind: 'fail'; status?: number }
	| { kind: 'duplicate'; delayMs?: number }
	| { kind: 'drop_response' }
	| { kind: 'delay'; ms: number };

export interface FaultRequest {
	/** 0-based position of this request among all requests through the layer. */
	index: number;
	method: string;
	url: string;
}

export type FaultPlan = (request: FaultRequest) => Fault;

export interface FaultLogEntry extends FaultRequest {
	fault: Fault;
	headers: Record<string, string>;
}

export interface FaultyFetch extends FetchFn {
	/** Every request seen, with the fault applied to it. */
	readonly log: FaultLogEntry[];
	/** Resolves when every background copy (duplicates) has been delivered and answered. */
	settled(): Promise<void>;
}

export const PASS: Fault = { kind: 'pass' };

/** Wraps `realFetch` so that `plan` decides the fate of every request. */
export function createFaultyFetch(realFetch: FetchFn, plan: FaultPlan): FaultyFetch {
	const log: FaultLogEntry[] = [];
	const background = new Set<Promise<unknown>>();
	let index = 0;

	const faulty = async (input: string, init: RequestInit = {}): Promise<Response> => {
		const request = { index: index++, method: (init.method ?? 'GET').toUpperCase(), url: input };
		const fault = plan(request);
		log.push({ ...request, fault, headers: headersOf(init.headers) });
		switch (fault.kind) {
			case 'pass':
				return realFetch(input, init);
			case 'drop_request':
				throw new TypeError('Failed to fetch (request dropped by the fault layer)');
			case 'fail':
				return new Response(JSON.stringify({ error: 'unavailable', message: 'Injected failure' }), {
					status: fault.status ?? 503,
					headers: { 'content-type': 'application/json' }
				});
			case 'duplicate': {
				const copy = (async () => {
					await sleep(fault.delayMs ?? 0);
					const response = await realFetch(input, { ...init, signal: undefined });
					await response.arrayBuffer();
				})().catch(() => undefined);
				background.add(copy);
				void copy.finally(() => background.delete(copy));
				return realFetch(input, init);
			}
			case 'drop_response': {
				const response = await realFetch(input, init);
				// Read it all, so the server has finished with the request before the "loss".
				await response.arrayBuffer();
				throw new TypeError('Failed to fetch (response dropped by the fault layer)');
			}
			case 'delay':
				await sleep(fault.ms, init.signal ?? undefined);
				return realFetch(input, init);
		}
	};

	return Object.assign(faulty, {
		log,
		async settled() {
			while (background.size > 0) await Promise.all([...background]);
		}
	});
}

/** Odds (0..1 each, summing to ≤ 1) of each fault in {@link randomFaultPlan}. */
export interface FaultRates {
	dropRequest?: number;
	fail?: number;
	duplicate?: number;
	dropResponse?: number;
	delay?: number;
	/** Longest delay, and longest lag of a duplicate copy, in ms (default 5). */
	maxDelayMs?: number;
}

/** A plan drawing each request's fault at random with the given odds. */
export function randomFaultPlan(random: () => number, rates: FaultRates): FaultPlan {
	const maxDelayMs = rates.maxDelayMs ?? 5;
	return () => {
		let draw = random();
		const pick = (rate = 0) => (draw -= rate) < 0;
		if (pick(rates.dropRequest)) return { kind: 'drop_request' };
		if (pick(rates.fail)) return { kind: 'fail', status: 503 };
		if (pick(rates.duplicate))
			return { kind: 'duplicate', delayMs: Math.floor(random() * maxDelayMs) };
		if (pick(rates.dropResponse)) return { kind: 'drop_response' };
		if (pick(rates.delay)) return { kind: 'delay', ms: Math.floor(random() * maxDelayMs) };
		return PASS;
	};
}

/** A plan applying `fault` to the first `times` requests that `match`, passing the rest. */
export function faultWhen(
	match: (request: FaultRequest) => boolean,
	fault: Fault,
	times = 1
): FaultPlan {
	let left = times;
	return (request) => {
		if (left > 0 && match(request)) {
			left--;
			return fault;
		}
		return PASS;
	};
}

/** A deterministic [0, 1) generator (mulberry32), so a failing chaos run can be replayed. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function headersOf(headers: HeadersInit | undefined): Record<string, string> {
	return Object.fromEntries(new Headers(headers).entries());
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(signal.reason);
		const timer = setTimeout(resolve, ms);
		signal?.addEventListener('abort', () => {
			clearTimeout(timer);
			reject(signal.reason);
		});
	});
}
