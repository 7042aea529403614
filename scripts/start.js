#!/usr/bin/env node
// Starts Shopwalk on the embedded default: builds the app first when the build is missing or
// older than the sources, then runs the adapter-node server.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkOrigin } from './origin-check.js';

const root = new URL('..', import.meta.url).pathname;
const buildEntry = join(root, 'build', 'index.js');

function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
		if (mtime > newest) newest = mtime;
	}
	return newest;
}

const sources = ['src', 'static'].map((d) => join(root, d)).filter(existsSync);
const stale =
	!existsSync(buildEntry) ||
	Math.max(...sources.map(newestMtime), statSync(join(root, 'package.json')).mtimeMs) >
		statSync(buildEntry).mtimeMs;

// ORIGIN and the proxy settings, before anything else: see scripts/origin-check.js.
const checked = checkOrigin(process.env);
for (const warning of checked.warnings) console.warn(`WARNING: ${warning}`);
if (checked.errors.length) {
	for (const error of checked.errors) console.error(`ERROR: ${error}`);
	console.error('Shopwalk did not start.');
	process.exit(1);
}

if (stale) {
	console.log('Building Shopwalk…');
	const result = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

const port = process.env.PORT ?? '3000';
const env = {
	...process.env,
	PORT: port,
	...(checked.origin ? { ORIGIN: checked.origin } : {}),
	// Photos are uploaded one per request; adapter-node's 512 KB default is too small for them.
	BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '12M'
};
console.log(`Shopwalk on ${env.ORIGIN ?? 'the address the proxy forwards'}`);
const server = spawn(process.execPath, [buildEntry], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
