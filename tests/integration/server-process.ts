import { spawn, type ChildProcess } from 'node:child_process';

/** A production server (`node build`, the one way it is started) run by a test. */
export interface ServerProcess {
	baseUrl: string;
	child: ChildProcess;
	output: string[];
	exited: Promise<void>;
}

/** Starts `build/index.js` with `env` on `port` and waits until `/healthz` answers. */
export async function startServer(
	port: number,
	env: Record<string, string>,
	options: { inherit?: boolean } = {}
): Promise<ServerProcess> {
	const baseUrl = `http://localhost:${port}`;
	const child = spawn(process.execPath, ['build/index.js'], {
		env: { ...process.env, PORT: String(port), ORIGIN: baseUrl, BODY_SIZE_LIMIT: '12M', ...env },
		stdio: ['ignore', options.inherit ? 'inherit' : 'pipe', options.inherit ? 'inherit' : 'pipe']
	});
	const output: string[] = [];
	child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
	child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	for (let i = 0; ; i++) {
		const up = await fetch(`${baseUrl}/healthz`).then(
			(r) => r.ok,
			() => false
		);
		if (up) break;
		if (i > 300 || child.exitCode !== null) {
			throw new Error(`the server did not start:\n${output.join('')}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return { baseUrl, child, output, exited };
}

/** Stops a server: SIGTERM (graceful), SIGKILL after `graceMs`. */
export async function stopServer(server: ServerProcess, graceMs = 5000): Promise<void> {
	if (server.child.exitCode !== null || server.child.signalCode !== null) return;
	server.child.kill('SIGTERM');
	const timer = setTimeout(() => server.child.kill('SIGKILL'), graceMs);
	await server.exited;
	clearTimeout(timer);
}
