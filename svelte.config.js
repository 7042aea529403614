import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = import.meta.dirname;

function filesUnder(dir) {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return filesUnder(path);
		return entry.isFile() ? [path] : [];
	});
}

/**
 * The app's version: a hash of what goes into the build. The same sources give the same
 * version (no needless cache invalidation on a redeploy), any change gives a new one, and every
 * evaluation of this config within and across build steps agrees.
 */
function buildVersion() {
	if (process.env.SHOPWALK_VERSION) return process.env.SHOPWALK_VERSION;
	const hash = createHash('sha256');
	const inputs = [...filesUnder(join(root, 'src')), ...filesUnder(join(root, 'static'))]
		.filter((path) => !/\.test\.ts$/.test(path))
		.sort();
	for (const path of [...inputs, join(root, 'package-lock.json')]) {
		if (!existsSync(path)) continue;
		hash.update(relative(root, path));
		hash.update(readFileSync(path));
	}
	return hash.digest('hex').slice(0, 12);
}

/**
 * adapter-node, plus the report renderer beside the server bundle: the server starts it as a child
 * process from a file (src/lib/server/reports/render-in-child.ts finds it there), and the bundler
 * only sees it as an import, so it would otherwise exist only in the sources.
 * @returns {import('@sveltejs/kit').Adapter}
 */
function nodeAdapterWithRenderer() {
	const node = adapter();
	return {
		...node,
		async adapt(builder) {
			await node.adapt(builder);
			builder.copy(
				join(root, 'src/lib/server/reports/render-process.js'),
				join(root, 'build/report-renderer.js')
			);
		}
	};
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: nodeAdapterWithRenderer(),
		// workbox-window registers the service worker so we control the update prompt.
		serviceWorker: { register: false },
		// The prerendered shell is served at deep URLs offline; relative asset paths would break there.
		paths: { relative: false },
		version: { name: buildVersion() },
		typescript: {
			// Benchmarks, end-to-end tests and tool configs are type-checked and linted like the app.
			config(tsconfig) {
				tsconfig.include.push(
					'../bench/**/*.ts',
					'../tests/**/*.ts',
					'../playwright.config.ts',
					'../vite.config.ts'
				);
			}
		}
	}
};

export default config;
