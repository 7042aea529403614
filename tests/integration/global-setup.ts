import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer, stopServer } from './server-process';

const port = Number(process.env.INTEGRATION_PORT ?? 4180);

/** The server's request and header timeouts in this tier (seconds): short, so tests can see them. */
export const INTEGRATION_TIMEOUTS = { REQUEST_TIMEOUT: '4', HEADERS_TIMEOUT: '3' };

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		dataDir: string;
		port: number;
	}
}

/** Starts the production build on a fresh data folder (SQLite, or DATABASE_URL when the lane sets it). */
export default async function setup(project: TestProject) {
	const dataDir = mkdtempSync(join(tmpdir(), 'shopwalk-integration-'));
	const server = await startServer(
		port,
		{ DATA_DIR: dataDir, ...INTEGRATION_TIMEOUTS },
		{ inherit: true }
	);
	project.provide('baseUrl', server.baseUrl);
	project.provide('dataDir', dataDir);
	project.provide('port', port);
	return async () => {
		await stopServer(server);
		rmSync(dataDir, { recursive: true, force: true });
	};
}
