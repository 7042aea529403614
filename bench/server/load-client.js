// Load for the sync-endpoint benchmarks, run as its own process (pinned to core 1 where the
// benchmark can): `node load-client.js <job.json>`.
// Closed loop (default): `concurrency` clients each send `PUT /api/audits/{id}`, wait for the
// answer and send the next, until `durationMs` has passed. Open loop (`ratePerSecond` set): one
// request every 1/rate s whatever the answers, each latency counted from its scheduled time (so a
// stalled server cannot hide its queue), until `durationMs`, then the stragglers are awaited. Every request is a new, higher revision of one of the job's
// audits, so the server really writes. Prints one JSON line: latencies (ms), statuses, elapsed.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { url, cookie, origin, concurrency, durationMs, revisionBase, audits, ratePerSecond } = job;
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

function send({ path, body }, start = performance.now()) {
	return new Promise((resolve) => {
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

function record(result) {
	lastEnd = performance.now();
	statuses[result.status] = (statuses[result.status] ?? 0) + 1;
	if (result.status === 200) latencies.push(result.ms);
	else firstError ??= `${result.status} ${result.text}`;
}

async function client() {
	while (performance.now() < deadline) record(await send(nextRequest()));
}

async function openLoop() {
	const interval = 1000 / ratePerSecond;
	const inFlight = [];
	for (let n = 0; ; n++) {
		const scheduled = started + n * interval;
		if (scheduled >= deadline) break;
		const wait = scheduled - performance.now();
		if (wait > 0) await new Promise((done) => setTimeout(done, wait));
		inFlight.push(send(nextRequest(), scheduled).then(record));
	}
	await Promise.all(inFlight);
}

if (ratePerSecond) await openLoop();
else await Promise.all(Array.from({ length: concurrency }, client));
agent.destroy();
process.stdout.write(
	JSON.stringify({ latencies, statuses, firstError, elapsedMs: lastEnd - started }) + '\n'
);
