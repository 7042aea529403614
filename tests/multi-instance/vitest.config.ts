import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// Two production servers (`node build`) on one PostgreSQL database and one shared data folder.
// Needs TEST_DATABASE_URL: run through scripts/with-postgres.sh after `npx vite build`.
export default defineConfig({
	plugins: [sveltekit()],
	test: {
		name: 'multi-instance',
		root: '.',
		include: ['tests/multi-instance/**/*.test.ts'],
		environment: 'node',
		fileParallelism: false,
		testTimeout: 240_000,
		hookTimeout: 120_000,
		expect: { requireAssertions: true }
	}
});
