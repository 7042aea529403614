import { sveltekit } from '@sveltejs/kit/vite';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from './tests/chromium.js';

/** See `build.rollupOptions.output.codeSplitting` below. */
const FIELD_SHARED =
	/src\/lib\/(domain\/(scoring|answer-rules|visibility|roles|text|types|brief|new-audit|progress|validation)|contract\/(auth|sync|common|api-paths)|state\/(notifications|describe-error|pending-status|write-tracker|session|sync-status|sign-in-failure|device-changes|review-view|find-template)|client\/storage\/storage-errors|client\/photos\/photo-errors|components\/AnswerInput)\b/;

export default defineConfig(({ command }) => ({
	plugins: [sveltekit()],
	// Workbox modules read process.env.NODE_ENV; Kit carries `define` over to the service-worker build.
	// Browser tests read the shared test photos through vitest's file commands.
	server: { fs: { allow: ['../shared/fixtures/photos'] } },
	define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
	build: {
		rollupOptions: {
			output: {
				codeSplitting: {
					// The small modules the stage runner shares with the office (scoring, rules,
					// contract, state helpers) as one chunk with what they import, instead of a
					// dozen tiny ones: each chunk costs a request and its import/export glue on a
					// weak connection (the runner's cold load: 40 scripts, 79 KB gzip → 16, 73 KB).
					// Only static imports are followed, so what loads on demand stays apart.
					groups: [{ name: 'field-shared', test: FIELD_SHARED }]
				}
			}
		}
	},
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
					exclude: ['src/**/*.browser.test.ts', 'src/lib/client/**', 'src/lib/server/**']
				}
			},
			{
				extends: true,
				test: {
					// Server code against a real database: a temporary SQLite file, or PostgreSQL when
					// TEST_DATABASE_URL names a server (the PostgreSQL lane of scripts/test-all.js).
					name: 'server',
					environment: 'node',
					include: ['src/lib/server/**/*.test.ts'],
					testTimeout: 30_000
				}
			},
			{
				extends: true,
				test: {
					name: 'client',
					environment: 'node',
					include: ['src/lib/client/**/*.test.ts'],
					exclude: ['src/**/*.browser.test.ts'],
					setupFiles: ['src/lib/client/test-setup.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: ['src/**/*.browser.test.ts'],
					testTimeout: 30_000,
					browser: {
						enabled: true,
						headless: true,
						provider: playwright({
							launchOptions: { executablePath: chromiumPath, args: chromiumArgs }
						}),
						instances: [{ browser: 'chromium' }]
					}
				}
			}
		]
	}
}));
