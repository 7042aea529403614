// Closed-loop load for the sync-endpoint benchmark, run as its own process (pinned to core 1 by
// bench/server/sync-endpoint.bench.node.ts): `node load-client.js <job.json>`.
// `concurrency` clients each send `PUT /api/audits/{id}`, wait for the answer and send the next,
// until `durationMs` has passed. Every request is a new, higher revision of one of the job's
// audits, so the server really writes. Prints one JSON line: latencies (ms), statuses, elapsed.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { url, cookie, origin, concurrency, durationMs, revisionBase, audits } = job;
const target = new URL(url);
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const REQUEST_TIMEOUT_MS = 30_000;

// A hard stop, whatever happens: the benchmark must never hang.
setTimeout(() => {
	console.error('load-client: hard timeout');
	process.exit(2);
}, durationMs + 60_000).unref();

let next = 0;
/** The body of request `n`: audit n mod N at revision base + ⌊n / N⌋ + 1. */
function nextRequest() {
	const n = next++;
	const audit = audits[n % audits.length];
	const revision = revisionBase + Math.floor(n / audits.length) + 1;
	// `rest` is the upload's JSON without its revision: `{"templateId":…}`.
	return {
		path: `/api/audits/${audit.id}`,
		body: `{"revision":${revision},${audit.rest.slice(1)}`
	};
}

function send({ path, body }) {
	return new Promise((resolve) => {
		const start = performance.now();
		const req = request(
			{
				host: target.hostname,
				port: target.port,
				method: 'PUT',
				path,
				agent,
				timeout: REQUEST_TIMEOUT_MS,
				headers: {
					cookie,
					origin,
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(body)
				}
			},
			(res) => {
				let text = '';
				if (res.statusCode === 200) res.resume();
				else res.on('data', (chunk) => (text = (text + chunk).slice(0, 500)));
				res.on('end', () =>
					resolve({ status: res.statusCode, ms: performance.now() - start, text })
				);
				res.on('error', () => resolve({ status: 0, ms: performance.now() - start, text }));
			}
		);
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', (error) =>
			resolve({ status: 0, ms: performance.now() - start, text: String(error) })
		);
		req.end(body);
	});
}

const latencies = [];
const statuses = {};
let firstError = null;
const started = performance.now();
const deadline = started + durationMs;
let lastEnd = started;

async function client() {
	while (performance.now() < deadline) {
		const result = await send(nextRequest());
		lastEnd = performance.now();
		statuses[result.status] = (statuses[result.status] ?? 0) + 1;
		if (result.status === 200) latencies.push(result.ms);
		else firstError ??= `${result.status} ${result.text}`;
	}
}

await Promise.all(Array.from({ length: concurrency }, client));
agent.destroy();
process.stdout.write(
	JSON.stringify({ latencies, statuses, firstError, elapsedMs: lastEnd - started }) + '\n'
);
