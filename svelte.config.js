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
 * only sees it as an import, so it would otherwise exist only in the sources. The adapter's
 * `build/index.js` is replaced by our own server (src/lib/server/node/production-server.js: request
 * and header timeouts, baseline security headers on every response) around the adapter's handler.
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
			builder.copy(
				join(root, 'src/lib/server/node/production-server.js'),
				join(root, 'build/index.js')
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
		// Hashes on prerendered pages (the /shell every offline navigation boots from: a nonce
		// cannot be baked into a file), nonces on rendered ones. Kit hashes its own inline
		// bootstrap; the service worker is registered from a bundled module (script-src 'self').
		// frame-ancestors cannot go in the prerendered page's <meta> policy: the production server
		// sends it as a header on every response (src/lib/server/node/production-server.js).
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Svelte and app.html set style attributes; inline styles stay allowed.
				'style-src': ['self', 'unsafe-inline'],
				// Photos and thumbnails are shown from IndexedDB as blob: URLs.
				'img-src': ['self', 'blob:', 'data:'],
				'media-src': ['self', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		// Kit's cross-site form check answers before any hook runs, as text even under /api; the
		// same check is made in hooks.server.ts (http/csrf.ts), where /api refusals are JSON.
		csrf: { trustedOrigins: ['*'] },
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
