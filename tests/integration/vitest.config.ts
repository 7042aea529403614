import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// Tests against the real production server (`node build`, started by global-setup.ts with a
// fresh data folder): the device's sync engine, in node with fake-indexeddb, over real HTTP.
export default defineConfig({
	plugins: [sveltekit()],
	test: {
		name: 'integration',
		root: '.',
		include: ['tests/integration/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['src/lib/client/test-setup.ts'],
		globalSetup: ['tests/integration/global-setup.ts'],
		fileParallelism: false,
		testTimeout: 180_000,
		expect: { requireAssertions: true }
	}
});
