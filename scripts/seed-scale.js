#!/usr/bin/env node
// Seeds a realistic organisation of any size for benchmarks and trials:
//
//   npm run seed:scale -- --audits 500000 [--locations N] [--shoppers N] [--months 13]
//                         [--seed 1] [--now 2026-12-01] [--org scale-1] [--batch 500]
//                         [--password pw] [--database-url postgres://…] [--data-dir ./data]
//
// SQLite (the data folder's shopwalk.sqlite) unless --database-url or DATABASE_URL names a
// PostgreSQL database. Migrates first. Prints the sign-ins, the counts and rows per second.
// The same --seed, sizes and --now give the same rows (--now defaults to today's midnight UTC).
// The TypeScript seeder (src/lib/server/seed/scale.ts) is loaded through Vite's module loader,
// the same code the app runs.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { createServer } from 'vite';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
	options: {
		audits: { type: 'string' },
		locations: { type: 'string' },
		shoppers: { type: 'string' },
		months: { type: 'string' },
		seed: { type: 'string', default: '1' },
		now: { type: 'string' },
		org: { type: 'string' },
		batch: { type: 'string' },
		password: { type: 'string', default: 'scale-password' },
		'database-url': { type: 'string' },
		'data-dir': { type: 'string' },
		quiet: { type: 'boolean', default: false },
		help: { type: 'boolean', default: false }
	}
});

if (values.help || values.audits === undefined) {
	console.log(
		'usage: npm run seed:scale -- --audits N [--locations N] [--shoppers N] [--months N] [--seed N]\n' +
			'       [--now YYYY-MM-DD|epoch-ms] [--org ID] [--batch N] [--password PW]\n' +
			'       [--database-url postgres://…] [--data-dir DIR]'
	);
	process.exit(values.help ? 0 : 2);
}

const int = (name, text) => {
	if (text === undefined) return undefined;
	const n = Number(text);
	if (!Number.isInteger(n) || n < 0) {
		console.error(`--${name} must be a whole number ≥ 0, not "${text}"`);
		process.exit(2);
	}
	return n;
};
const nowArg = values.now;
const now =
	nowArg === undefined ? undefined : /^\d+$/.test(nowArg) ? Number(nowArg) : Date.parse(nowArg);
if (now !== undefined && !Number.isFinite(now)) {
	console.error(`--now must be a date (YYYY-MM-DD) or epoch ms, not "${nowArg}"`);
	process.exit(2);
}

const vite = await createServer({
	root,
	configFile: false,
	logLevel: 'error',
	resolve: { alias: { $lib: resolve(root, 'src/lib') } },
	server: { middlewareMode: true, hmr: false, ws: false },
	appType: 'custom',
	optimizeDeps: { noDiscovery: true, include: [] }
});
let status = 0;
try {
	const { runScaleSeed } = await vite.ssrLoadModule('/src/lib/server/seed/scale-cli.ts');
	await runScaleSeed({
		audits: int('audits', values.audits),
		locations: int('locations', values.locations),
		shoppers: int('shoppers', values.shoppers),
		months: values.months === undefined ? undefined : Number(values.months),
		seed: int('seed', values.seed),
		now,
		organisationId: values.org,
		batchSize: int('batch', values.batch),
		password: values.password,
		databaseUrl: values['database-url'] ?? process.env.DATABASE_URL,
		dataDir: values['data-dir'] ?? process.env.DATA_DIR ?? resolve(root, 'data'),
		quiet: values.quiet
	});
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	status = 1;
} finally {
	await vite.close();
}
process.exit(status);
