// The production build as a child process, for server benchmarks: start it (pinned to a core
// when asked), wait until it answers, sign in, stop it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SESSION_COOKIE } from '$lib/server/auth/session-cookie';
import { ROOT } from './report';

export const DEMO_PASSWORD = 'shopwalk-demo';
export const DEMO_SHOPPER = 'shopper17@nordlys.example';

/** The environment of a child process: ours, without anything pointing at another database. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env };
	for (const key of Object.keys(env)) {
		if (/^(DATABASE_URL|TEST_DATABASE_URL|VITEST.*|DEMO_PASSWORD)$/.test(key)) delete env[key];
	}
	return { ...env, ...extra };
}

export interface AppProcess {
	child: ChildProcess;
	origin: string;
	/** The last few KB the app printed. */
	output: () => string;
}

/**
 * Starts `node build/index.js` on `port` with a fresh data folder, pinned (with every thread and
 * child process it starts) to `core` when given. `nodeArgs` go before the entry (e.g. --import).
 */
export function startApp(options: {
	port: number;
	dataDir: string;
	core?: string;
	nodeArgs?: string[];
	env?: Record<string, string>;
}): AppProcess {
	const entry = join(ROOT, 'build/index.js');
	if (!existsSync(entry)) throw new Error('build/index.js is missing: run `npx vite build` first');
	const origin = `http://127.0.0.1:${options.port}`;
	const nodeArgs = [...(options.nodeArgs ?? []), entry];
	const child = spawn(
		options.core ? 'taskset' : process.execPath,
		options.core ? ['-c', options.core, process.execPath, ...nodeArgs] : nodeArgs,
		{
			cwd: ROOT,
			env: childEnv({
				NODE_ENV: 'production',
				HOST: '127.0.0.1',
				PORT: String(options.port),
				ORIGIN: origin,
				DATA_DIR: options.dataDir,
				// As scripts/start.js runs it.
				BODY_SIZE_LIMIT: '12M',
				...options.env
			}),
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	let output = '';
	const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);
	return { child, origin, output: () => output };
}

/** Resolves once the app answers HTTP; throws if it exits first or takes over 60 s. */
export async function waitUntilUp(app: AppProcess): Promise<void> {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (app.child.exitCode !== null) throw new Error(`The app exited early:\n${app.output()}`);
		try {
			const response = await fetch(`${app.origin}/api/me`);
			await response.arrayBuffer();
			return;
		} catch {
			await new Promise((done) => setTimeout(done, 200));
		}
	}
	throw new Error(`The app did not answer within 60 s:\n${app.output()}`);
}

/** Signs in and returns the session cookie as `name=value`. */
export async function signIn(
	origin: string,
	email = DEMO_SHOPPER,
	password = DEMO_PASSWORD
): Promise<string> {
	const response = await fetch(`${origin}/api/auth/sign-in`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin },
		body: JSON.stringify({ email, password })
	});
	const cookie = response.headers
		.getSetCookie()
		.map((header) => header.split(';')[0]!)
		.find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
	if (response.status !== 200 || !cookie) {
		throw new Error(`Sign-in failed: ${response.status} ${await response.text()}`);
	}
	return cookie;
}

/** SIGTERM, then SIGKILL after 5 s; resolves when the process has exited. */
export async function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
	await exited;
	clearTimeout(timer);
}
