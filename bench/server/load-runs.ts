// Runs bench/server/load-client.js as its own process (pinned to a core when asked) and sums up
// what it measured; shared by the sync-endpoint benchmarks.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RETAIL_STORE_VISIT } from '$lib/domain/builtin-templates';
import type { Location } from '$lib/domain/types';
import { buildCompleteAudit } from '$lib/server/testing/complete-audit';
import { childEnv } from './app-process';
import { percentile, round, ROOT } from './report';

/** What load-client.js prints: latencies of the 200s (ms), counts per status, elapsed time. */
export interface LoadResult {
	latencies: number[];
	statuses: Record<string, number>;
	firstError: string | null;
	elapsedMs: number;
}

/** A load-client job: see load-client.js. `audits[].rest` is an upload's JSON without its revision. */
export interface LoadJob {
	url: string;
	origin: string;
	cookie: string;
	concurrency: number;
	durationMs: number;
	revisionBase: number;
	audits: { id: string; rest: string }[];
	/** Open loop at this rate; closed loop when absent. */
	ratePerSecond?: number;
}

/** Writes the job to `jobFile`, runs the client (on `core` when given) and returns its result. */
export function runLoadClient(job: LoadJob, jobFile: string, core?: string): Promise<LoadResult> {
	writeFileSync(jobFile, JSON.stringify(job));
	const script = join(ROOT, 'bench/server/load-client.js');
	const args = core ? ['-c', core, process.execPath, script, jobFile] : [script, jobFile];
	const child = spawn(core ? 'taskset' : process.execPath, args, {
		cwd: ROOT,
		env: childEnv({}),
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk).slice(-2000)));
	const guard = setTimeout(() => child.kill('SIGKILL'), job.durationMs + 90_000);
	return new Promise((resolve, reject) => {
		child.once('error', reject);
		child.once('exit', (code) => {
			clearTimeout(guard);
			if (code !== 0) return reject(new Error(`load-client exited ${code}: ${stderr}`));
			resolve(JSON.parse(stdout) as LoadResult);
		});
	});
}

/** Several runs taken together: successes, failures, throughput (overall and per run), p50, p99. */
export function summariseLoad(results: LoadResult[]) {
	const latencies = results.flatMap((r) => r.latencies);
	const seconds = results.reduce((sum, r) => sum + r.elapsedMs, 0) / 1000;
	const failed = results.reduce(
		(sum, r) =>
			sum +
			Object.entries(r.statuses)
				.filter(([status]) => status !== '200')
				.reduce((s, [, n]) => s + n, 0),
		0
	);
	return {
		ok: latencies.length,
		failed,
		firstError: results.find((r) => r.firstError)?.firstError ?? null,
		rps: latencies.length / seconds,
		rounds: results.map((r) => round(r.latencies.length / (r.elapsedMs / 1000), 1)),
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99)
	};
}

/**
 * `count` complete retail-template audits at `location` as load-client jobs carry them: each
 * upload's JSON without its revision (the client prefixes each request's own).
 */
export function retailLoadAudits(count: number, location: Location): LoadJob['audits'] {
	return Array.from({ length: count }, () => {
		const { id, upload } = buildCompleteAudit({
			template: RETAIL_STORE_VISIT,
			location,
			receipt: false
		});
		const rest: Partial<typeof upload> = { ...upload };
		delete rest.revision;
		return { id, rest: JSON.stringify(rest) };
	});
}
