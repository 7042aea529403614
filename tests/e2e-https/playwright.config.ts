import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../chromium.js';

// The HTTPS lane: the production build behind Caddy (`tls internal`) at https://shopwalk.test,
// as README.md deploys it for tablets. Run through scripts/with-https-proxy.sh, which starts
// both and provides the address, the data folder and a HOME whose NSS database trusts Caddy's
// root. The browser checks the certificate for real: no ignoreHTTPSErrors, no
// --ignore-certificate-errors (a service worker would not register on an untrusted one).
const baseURL = process.env.HTTPS_BASE_URL;
const chromiumHome = process.env.HTTPS_CHROMIUM_HOME;
if (!baseURL || !chromiumHome) {
	throw new Error(
		'The HTTPS lane runs behind Caddy: bash scripts/with-https-proxy.sh npx playwright test --config tests/e2e-https/playwright.config.ts'
	);
}
const host = new URL(baseURL).hostname;

export default defineConfig({
	testDir: '.',
	timeout: 180_000,
	expect: { timeout: 10_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: !!process.env.CI,
	reporter: [['list']],
	outputDir: '../../test-results/https',
	use: {
		baseURL,
		serviceWorkers: 'allow',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: chromiumPath,
			args: [...chromiumArgs, `--host-resolver-rules=MAP ${host} 127.0.0.1`],
			env: { ...process.env, HOME: chromiumHome }
		}
	},
	projects: [
		{
			name: 'galaxy-tab-https',
			use: { ...devices['Galaxy Tab S9'], browserName: 'chromium' }
		}
	]
});
