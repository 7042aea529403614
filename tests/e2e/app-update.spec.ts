import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { SHOPPER, signIn } from './sign-in';

// A deployment of its own, so the test can publish a "next release" under it: a copy of the
// production build, redeployed with a service worker that differs by its version string.
// Next to the main e2e server's port, so parallel runs with another E2E_PORT do not collide.
const port = Number(process.env.E2E_PORT ?? 4173) + 1;
const origin = `http://localhost:${port}`;
let server: ChildProcess;
let folder: string;

async function waitForServer(): Promise<void> {
	for (let i = 0; i < 100; i++) {
		if (
			await fetch(`${origin}/shell`).then(
				(r) => r.ok,
				() => false
			)
		)
			return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('update-test server did not start');
}

function startServer(): Promise<void> {
	server = spawn(process.execPath, [join(folder, 'index.js')], {
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: origin,
			DATA_DIR: join(tmpdir(), `shopwalk-update-data-${process.pid}`)
		},
		stdio: 'ignore'
	});
	return waitForServer();
}

async function stopServer(): Promise<void> {
	const exited = new Promise((resolve) => server.once('exit', resolve));
	server.kill();
	await exited;
}

/** Stops the server, rewrites the service worker (and its precompressed copies), starts again. */
async function publishNextRelease(): Promise<void> {
	await stopServer();
	const sw = join(folder, 'client/service-worker.js');
	const { version } = JSON.parse(
		readFileSync(join(folder, 'client/_app/version.json'), 'utf8')
	) as { version: string };
	const next = [...version].reverse().join('');
	const source = readFileSync(sw, 'utf8');
	expect(source.includes(version)).toBe(true);
	const updated = source.replaceAll(version, next === version ? version.replace(/./, 'x') : next);
	writeFileSync(sw, updated);
	writeFileSync(`${sw}.gz`, gzipSync(updated));
	writeFileSync(`${sw}.br`, brotliCompressSync(updated));
	await startServer();
}

async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready);
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

test.beforeAll(async () => {
	// Inside the project so the copied server still finds its node_modules.
	mkdirSync('node_modules/.cache', { recursive: true });
	folder = mkdtempSync(join('node_modules/.cache', 'shopwalk-update-'));
	cpSync('build', folder, { recursive: true });
	await startServer();
});

test.afterAll(() => {
	server?.kill();
	rmSync(folder, { recursive: true, force: true });
});

test('a new version is offered, never forced, and keeps the work on the device', async ({
	page
}) => {
	await page.goto(`${origin}/`);
	await waitForServiceWorker(page);
	await signIn(page, SHOPPER, origin);

	// Some work on the device.
	await page.goto(`${origin}/`);
	await page.getByTestId('new-audit').click();
	await page.getByText('Nordlys Elektronik Strøget').click();
	await page.getByTestId('start-audit').click();
	await page.waitForURL(/\/stages\/0$/);
	const first = page.getByTestId('checkpoint').first();
	await first.getByRole('group').getByRole('button').first().click();
	await expect(page.getByTestId('save-state')).toHaveText('All changes saved on this device');
	const answered = await first.getByRole('button', { pressed: true }).textContent();

	await publishNextRelease();
	await page.evaluate(() => {
		(window as unknown as { beforeUpdate: boolean }).beforeUpdate = true;
	});
	// What the app does when the tablet comes back to the foreground.
	await page.evaluate(async () => {
		await (await navigator.serviceWorker.getRegistration())?.update();
	});

	// Offered, not applied: the page has not reloaded by itself.
	await expect(page.getByTestId('update-banner')).toBeVisible({ timeout: 30_000 });
	await page.waitForTimeout(1000);
	expect(
		await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)
	).toBe(true);

	// Accepted: the new worker takes over, the page reloads once, and the answer is still there.
	await Promise.all([
		page.waitForEvent('load'),
		page.getByRole('button', { name: 'Update now' }).click()
	]);
	expect(
		await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)
	).toBeUndefined();
	await expect(page.getByTestId('update-banner')).toHaveCount(0);
	await expect(
		page.getByTestId('checkpoint').first().getByRole('button', { pressed: true })
	).toHaveText(answered ?? '');
});
