import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// Backup and restore against real production servers (`node build`): run after `npx vite build`.
export default defineConfig({
	plugins: [sveltekit()],
	test: {
		name: 'backup',
		root: '.',
		include: ['tests/backup/**/*.test.ts'],
		environment: 'node',
		fileParallelism: false,
		testTimeout: 240_000,
		hookTimeout: 120_000,
		expect: { requireAssertions: true }
	}
});
