// Gzip size of the JavaScript the audit runner route loads, measured the way a tablet meets it:
// the production server, a real Chromium, every script response of a cold load of a stage screen.
// Also checks that no client chunk carries pdfmake.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../tests/chromium.js';

const root = new URL('..', import.meta.url).pathname;
const port = Number(process.env.BENCH_PORT ?? 4319);
const base = `http://localhost:${port}`;

function listFiles(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]
	);
}

async function waitForServer(url, timeoutMs = 30_000) {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`server at ${url} did not start`);
}

export async function measureBundle() {
	const dataDir = mkdtempSync(join(tmpdir(), 'shopwalk-bundle-'));
	const server = spawn(process.execPath, [join(root, 'build/index.js')], {
		env: { ...process.env, PORT: String(port), ORIGIN: base, DATA_DIR: dataDir },
		stdio: 'ignore'
	});
	try {
		await waitForServer(`${base}/shell`);
		// As on a real tablet, the organisation's journeys were published before its first sync:
		// wait out the pull's safety margin (PULL_SAFETY_MARGIN_MS, 10 s, in sync-pull.ts) after the
		// server seeded them, so the cold load's pull carries changes only, not the whole catalogue
		// again (which would also load the template validator that checks pulled journeys).
		await new Promise((settle) => setTimeout(settle, 11_000));
		const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
		// No service worker: every script must come over the network so it is counted.
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		// The demo shopper, seeded by the server on its empty data folder.
		await page.goto(`${base}/sign-in`);
		await page.getByTestId('sign-in-email').fill('shopper17@nordlys.example');
		await page.getByTestId('sign-in-password').fill('shopwalk-demo');
		await page.getByTestId('sign-in-submit').click();
		await page.getByTestId('user-name').waitFor();
		await page.goto(`${base}/audits/new`);
		await page.locator('input[name="location"]').first().check();
		await page.getByTestId('start-audit').click();
		await page.waitForURL(/\/stages\/0$/);
		const auditUrl = page.url();

		// A cold load of the runner route itself, as after the camera app pushed the browser out.
		const scripts = new Map();
		const fresh = await context.newPage();
		fresh.on('response', async (response) => {
			if (response.request().resourceType() !== 'script') return;
			scripts.set(response.url(), await response.body());
		});
		await fresh.goto(auditUrl);
		await fresh.getByTestId('checkpoint').first().waitFor();
		await fresh.waitForLoadState('networkidle');
		await browser.close();

		let raw = 0;
		let gzip = 0;
		const sizes = [];
		for (const [url, body] of scripts) {
			raw += body.length;
			const size = gzipSync(body).length;
			gzip += size;
			sizes.push([size, url.replace(base, '')]);
		}
		// BENCH_LIST=1 prints each script's gzip size, largest first, to see what the route pulls in.
		if (process.env.BENCH_LIST) {
			for (const [size, url] of sizes.sort((a, b) => b[0] - a[0])) {
				console.error(`${(size / 1024).toFixed(1).padStart(6)} KB  ${url}`);
			}
		}
		const clientJs = listFiles(join(root, 'build/client')).filter((f) => f.endsWith('.js'));
		const pdfmakeChunks = clientJs.filter((f) =>
			/pdfmake|pdfkit|PDFDocument/.test(readFileSync(f, 'utf8'))
		);
		// The peer: the same route with all four catalogues loaded — English is built in, the
		// other three are their own chunks (found by one message each), loaded on a switch.
		const catalogueMarks = [
			'{free} ledigt til fotos',
			'{free} ledig til bilder',
			'{free} wolne na'
		];
		// Only the app's chunks: the service worker carries its own copy for its offline page.
		const otherCatalogues = clientJs.filter((f) => {
			if (!f.includes('/_app/immutable/')) return false;
			const text = readFileSync(f, 'utf8');
			return catalogueMarks.some((mark) => text.includes(mark));
		});
		const otherGzip = otherCatalogues.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0);
		const kb = (bytes) => Math.round(bytes / 102.4) / 10;
		const budget = 75 * 1024;
		return [
			{
				id: 'bundle.audit-runner-js-gzip',
				value: kb(gzip),
				unit: 'KB',
				peer: 'the same route with all four language catalogues loaded',
				peerValue: kb(gzip + otherGzip),
				ratio: Math.round((gzip / (gzip + otherGzip)) * 1000) / 1000,
				budget: '<= 75 KB (one catalogue, English); all four shown as the peer',
				pass: gzip <= budget,
				note: `${scripts.size} scripts, ${Math.round(raw / 1024)} KB before gzip; ${otherCatalogues.length} other catalogue chunks, ${kb(otherGzip)} KB`
			},
			{
				id: 'bundle.pdfmake-in-client-chunks',
				value: pdfmakeChunks.length,
				unit: 'chunks',
				budget: '0',
				pass: pdfmakeChunks.length === 0
			}
		];
	} finally {
		server.kill();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const rows = await measureBundle();
	mkdirSync(join(root, 'bench/results/parts'), { recursive: true });
	writeFileSync(join(root, 'bench/results/parts/bundle-size.json'), JSON.stringify(rows, null, 2));
	console.log(rows);
}
