#!/usr/bin/env node
// `npm run bench`: builds, runs every benchmark (browser benchmarks in one headless Chromium run,
// then the build-size check), prints a table and writes bench/results/latest.json.
// A ratio against a peer is the gate; an absolute budget alone is a warning on these shared machines.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureBundle } from './bundle-size.js';

const root = new URL('..', import.meta.url).pathname;
const parts = join(root, 'bench/results/parts');
rmSync(parts, { recursive: true, force: true });
mkdirSync(parts, { recursive: true });

const step = (name, args, command = 'npx') => {
	console.log(`\n▶ ${name}`);
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) console.log(`✘ ${name} exited with ${result.status}`);
	return result.status === 0;
};

step('build', ['vite', 'build']);
step('browser benchmarks', ['vitest', 'run', '--config', 'bench/vitest.config.ts']);
// Server benchmarks (Node): database ingest, and the sync endpoint of the build above on one core.
// With PostgreSQL's server binaries at hand, a throwaway cluster for the run (TEST_DATABASE_URL),
// so the insights benchmark measures SQLite and PostgreSQL in the same run.
const serverBench = ['vitest', 'run', '--config', 'bench/vitest.server.config.ts'];
const withPostgres =
	!process.env.TEST_DATABASE_URL &&
	existsSync(join(process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin', 'initdb'));
if (withPostgres) {
	step('server benchmarks', ['scripts/with-postgres.sh', 'npx', ...serverBench], 'bash');
} else step('server benchmarks', serverBench);

console.log('\n▶ bundle size');
writeFileSync(join(parts, 'bundle-size.json'), JSON.stringify(await measureBundle(), null, 2));

const rows = readdirSync(parts)
	.filter((f) => f.endsWith('.json'))
	.sort()
	.flatMap((f) => JSON.parse(readFileSync(join(parts, f), 'utf8')));
writeFileSync(join(root, 'bench/results/latest.json'), JSON.stringify(rows, null, 2) + '\n');

const fmt = (n) => (n === undefined ? '' : Number.isInteger(n) ? String(n) : n.toFixed(3));
console.log(
	'\n' + ['id', 'value', 'unit', 'peer', 'peerValue', 'ratio', 'budget', 'result'].join(' | ')
);
for (const r of rows) {
	const gated = r.ratio !== undefined;
	const verdict = r.pass ? 'pass' : gated ? 'FAIL' : 'warning';
	console.log(
		[
			r.id,
			fmt(r.value),
			r.unit,
			r.peer ?? '',
			fmt(r.peerValue),
			fmt(r.ratio),
			r.budget ?? '',
			verdict
		].join(' | ')
	);
}
const gateFailures = rows.filter((r) => r.ratio !== undefined && !r.pass);
const expected = [
	'answer-save.json',
	'bundle-size.json',
	'photo-pipeline.json',
	'seal-digest.json',
	'server-ingest.json',
	'server-insights.json',
	'server-report-render.json',
	'server-seal-verify.json',
	'server-scale.json',
	'server-sync-during-reports.json',
	'server-sync-endpoint.json'
];
const missing = expected.filter((f) => !existsSync(join(parts, f)));
if (missing.length) console.log(`\nMissing results: ${missing.join(', ')}`);
console.log(`\nWrote bench/results/latest.json (${rows.length} rows)`);
process.exit(gateFailures.length || missing.length ? 1 : 0);
