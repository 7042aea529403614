import { sveltekit } from '@sveltejs/kit/vite';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from '../tests/chromium.js';

// Browser benchmarks: real headless Chromium, one file per benchmark, run one at a time so
// measurements do not compete for the two cores. Each file writes its rows with
// `writeBenchRows` (bench/browser/report.ts); bench/run.js merges them.
export default defineConfig({
	plugins: [sveltekit()],
	server: { fs: { allow: ['../shared/fixtures/photos'] } },
	test: {
		include: ['bench/browser/**/*.bench.browser.ts'],
		fileParallelism: false,
		testTimeout: 600_000,
		browser: {
			enabled: true,
			headless: true,
			provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
			instances: [{ browser: 'chromium' }]
		}
	}
});
