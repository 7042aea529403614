import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from '../stats';

export { median, percentile, type BenchRow } from '../stats';

/** The project root (server benchmarks run with it as the working directory). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Writes a benchmark's rows where bench/run.js collects them (bench/results/parts/<name>.json). */
export function writeBenchRows(name: string, rows: BenchRow[]): void {
	const file = join(ROOT, 'bench/results/parts', `${name}.json`);
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, JSON.stringify(rows, null, 2));
}

/** Rounds for the report (3 significant decimals are plenty for noisy timings). */
export function round(value: number, decimals = 3): number {
	const f = 10 ** decimals;
	return Math.round(value * f) / f;
}

/** True when util-linux `taskset` can pin processes to cores on this machine. */
export function hasTaskset(): boolean {
	const probe = spawnSync('taskset', ['-p', String(process.pid)], { encoding: 'utf8' });
	return probe.status === 0;
}

/**
 * Pins every thread of process `pid` to `cores` (e.g. '0' or '0,1'); false when it could not.
 * Threads created later inherit the affinity of their creator.
 */
export function pinProcess(pid: number, cores: string): boolean {
	const result = spawnSync('taskset', ['-a', '-p', '-c', cores, String(pid)], { encoding: 'utf8' });
	return result.status === 0;
}

/** The affinity mask (hex, as taskset prints it) of process `pid`, or null. */
export function affinityMask(pid: number): string | null {
	const result = spawnSync('taskset', ['-p', String(pid)], { encoding: 'utf8' });
	return /:\s*([0-9a-f]+)\s*$/i.exec(result.stdout ?? '')?.[1] ?? null;
}

/** Gives every thread of process `pid` the affinity `mask` (hex) back. */
export function restoreAffinity(pid: number, mask: string): boolean {
	const result = spawnSync('taskset', ['-a', '-p', mask, String(pid)], { encoding: 'utf8' });
	return result.status === 0;
}

/** A free loopback port in [from, to], checked by listening on it briefly. */
export async function freePort(from = 4300, to = 4399): Promise<number> {
	for (let port = from; port <= to; port++) {
		const free = await new Promise<boolean>((done) => {
			const probe = createServer();
			probe.once('error', () => done(false));
			probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
		});
		if (free) return port;
	}
	throw new Error(`No free port in ${from}–${to}`);
}

/**
 * The peak resident set of process `pid` itself (`VmHWM` in /proc/<pid>/status), in kB, or null
 * where /proc is not there. Unlike `process.resourceUsage().maxRSS` in a child — which on Linux
 * starts from what the child inherited from its parent at fork — this is that process's own peak.
 */
/**
 * Resets a process's VmHWM to its current RSS (Linux ≥ 4.0, `/proc/<pid>/clear_refs` "5"), so a
 * later `vmHwmKb` is the peak of what came after.
 */
export function resetHwm(pid: number): void {
	writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

export function vmHwmKb(pid: number): number | null {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
		return kb === undefined ? null : Number(kb);
	} catch {
		return null;
	}
}
