import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from './tests/chromium.js';

const port = Number(process.env.E2E_PORT ?? 4173);
// A fresh data folder per run: the server seeds the demo organisation into it.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'shopwalk-e2e-'));

// End-to-end tests run against the production build: only it has the service worker.
export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 120_000,
	expect: { timeout: 10_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: !!process.env.CI,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: `http://localhost:${port}`,
		serviceWorkers: 'allow',
		trace: 'retain-on-failure',
		launchOptions: { executablePath: chromiumPath, args: chromiumArgs }
	},
	projects: [
		{
			name: 'galaxy-tab',
			use: { ...devices['Galaxy Tab S9'], browserName: 'chromium' }
		}
	],
	webServer: {
		command: `node build`,
		url: `http://localhost:${port}/shell`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: {
			PORT: String(port),
			ORIGIN: `http://localhost:${port}`,
			BODY_SIZE_LIMIT: '12M',
			DATA_DIR: dataDir
		}
	}
});
