import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

const port = Number(process.env.INTEGRATION_PORT ?? 4180);

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		dataDir: string;
	}
}

/** Starts the production build on a fresh data folder (SQLite, or DATABASE_URL when the lane sets it). */
export default async function setup(project: TestProject) {
	const dataDir = mkdtempSync(join(tmpdir(), 'shopwalk-integration-'));
	const baseUrl = `http://localhost:${port}`;
	const server: ChildProcess = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: baseUrl,
			DATA_DIR: dataDir,
			BODY_SIZE_LIMIT: '12M'
		},
		stdio: ['ignore', 'inherit', 'inherit']
	});
	for (let i = 0; ; i++) {
		if (
			await fetch(`${baseUrl}/shell`).then(
				(r) => r.ok,
				() => false
			)
		)
			break;
		if (i > 300 || server.exitCode !== null) throw new Error('the server did not start');
		await new Promise((r) => setTimeout(r, 100));
	}
	project.provide('baseUrl', baseUrl);
	project.provide('dataDir', dataDir);
	return async () => {
		const exited = new Promise((resolve) => server.once('exit', resolve));
		server.kill();
		await exited;
		rmSync(dataDir, { recursive: true, force: true });
	};
}
