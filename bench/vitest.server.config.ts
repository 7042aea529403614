import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// Server benchmarks: Node, one file at a time (they pin processes to cores and must not compete
// for the two cores), each in its own forked process. Each file writes its rows with
// `writeBenchRows` (bench/server/report.ts); bench/run.js merges them. The sync-endpoint
// benchmark needs the production build (`vite build`, which bench/run.js runs first).
export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['bench/server/**/*.bench.node.ts'],
		environment: 'node',
		pool: 'forks',
		fileParallelism: false,
		testTimeout: 600_000,
		hookTimeout: 120_000
	}
});
