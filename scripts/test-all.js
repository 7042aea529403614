#!/usr/bin/env node
// Runs every test tier in order — static checks, vitest (unit, server, client data, browser
// units), the server suite on PostgreSQL, the production build with integration and Playwright
// end-to-end tests, the HTTPS lane (the build behind Caddy at https://shopwalk.test), backup and
// restore, then two server instances on one PostgreSQL (multi-instance) — and closes
// with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function run(name, command, args, env = {}) {
	console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
	const started = Date.now();
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	const ok = result.status === 0;
	console.log(`${ok ? '✔' : '✘'} ${name} (${seconds} s)`);
	if (!ok) failures.push(name);
	return ok;
}

function readJson(path) {
	return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

/** Runs vitest with a JSON report and adds its counts to the totals. */
function runVitest(name, command, args, out) {
	const ok = run(name, command, [
		...args,
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${out}`
	]);
	const report = readJson(out);
	if (report) {
		passed += report.numPassedTests;
		failed += report.numFailedTests;
		skipped += report.numPendingTests + report.numTodoTests;
	} else if (!ok) failed += 1;
	return ok;
}

const only = process.argv.slice(2);
const wants = (tier) => only.length === 0 || only.includes(tier);

if (wants('static')) {
	run('svelte-check', 'npx', [
		'svelte-check',
		'--tsconfig',
		'./tsconfig.json',
		'--fail-on-warnings'
	]);
	run('prettier', 'npx', ['prettier', '--check', '.']);
	run('eslint', 'npx', ['eslint', '.']);
}

if (wants('unit')) {
	runVitest(
		'vitest (unit, server, client, browser)',
		'npx',
		['vitest', 'run'],
		`${results}/vitest.json`
	);
}

if (wants('postgres')) {
	// The server suite again on a throwaway PostgreSQL cluster (scripts/with-postgres.sh).
	runVitest(
		'vitest server on PostgreSQL',
		'bash',
		['scripts/with-postgres.sh', 'npx', 'vitest', 'run', '--project', 'server'],
		`${results}/vitest-postgres.json`
	);
}

// The production build, once, for the tiers that run it.
const needsBuild = wants('e2e') || wants('https') || wants('backup') || wants('multi-instance');
const built = needsBuild && run('production build', 'npx', ['vite', 'build']);
if (needsBuild && !built) failed += 1;

if (wants('e2e') && built) {
	runVitest(
		'integration (device sync against the real server)',
		'npx',
		['vitest', 'run', '--config', 'tests/integration/vitest.config.ts'],
		`${results}/vitest-integration.json`
	);

	const out = `${results}/playwright.json`;
	const ok = run('playwright (end to end)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
		PLAYWRIGHT_JSON_OUTPUT_NAME: out
	});
	const report = readJson(out);
	if (report) {
		passed += report.stats.expected + report.stats.flaky;
		failed += report.stats.unexpected;
		skipped += report.stats.skipped;
	} else if (!ok) failed += 1;
}

/** Runs Playwright with a JSON report and adds its counts to the totals. */
function runPlaywright(name, command, args, out) {
	// An absolute path: Playwright resolves a relative one against the config's folder.
	const ok = run(name, command, args, { PLAYWRIGHT_JSON_OUTPUT_NAME: resolve(out) });
	const report = readJson(out);
	if (report) {
		passed += report.stats.expected + report.stats.flaky;
		failed += report.stats.unexpected;
		skipped += report.stats.skipped;
	} else if (!ok) failed += 1;
	return ok;
}

if (wants('https') && built) {
	// The production build on loopback behind Caddy (tls internal) at https://shopwalk.test,
	// through deploy/Caddyfile.lan, with Chromium trusting Caddy's root (scripts/with-https-proxy.sh).
	runPlaywright(
		'https lane (behind Caddy at shopwalk.test)',
		'bash',
		[
			'scripts/with-https-proxy.sh',
			'npx',
			'playwright',
			'test',
			'--config',
			'tests/e2e-https/playwright.config.ts',
			'--reporter=list,json'
		],
		`${results}/playwright-https.json`
	);
}

if (wants('backup') && built) {
	// A backup taken while audits sync, restored into a fresh data folder and served again.
	runVitest(
		'backup and restore',
		'npx',
		['vitest', 'run', '--config', 'tests/backup/vitest.config.ts'],
		`${results}/vitest-backup.json`
	);
	runVitest(
		'backup and restore on PostgreSQL (pg_dump, pg_restore)',
		'bash',
		[
			'scripts/with-postgres.sh',
			'npx',
			'vitest',
			'run',
			'--config',
			'tests/backup/vitest.config.ts'
		],
		`${results}/vitest-backup-postgres.json`
	);
}

if (wants('multi-instance') && built) {
	// Two production servers on one throwaway PostgreSQL database and one shared DATA_DIR.
	runVitest(
		'multi-instance (two servers, one PostgreSQL)',
		'bash',
		[
			'scripts/with-postgres.sh',
			'npx',
			'vitest',
			'run',
			'--config',
			'tests/multi-instance/vitest.config.ts'
		],
		`${results}/vitest-multi-instance.json`
	);
}

if (failures.length) console.log(`\nFailed steps: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failures.length || failed ? 1 : 0);
