import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { getBuiltinTemplate } from '../../src/lib/domain/builtin-templates/index';
import type { JourneyTemplate } from '../../src/lib/domain/types';
import { waitForServiceWorker, walkStages } from './field-walk';
import { pdfToText } from './pdf-text';
import { MANAGER, SHOPPER, signIn } from './sign-in';

// Presence without tracking, end to end on the production build. The admin turns the check on and
// gives the Strøget store a position; the shopper consents once on the tablet; at time-in the
// tablet (its geolocation mocked by Playwright) keeps only the outcome — inside, outside, or
// unavailable after a refusal. Every request body the tablet sends is inspected at the network
// layer, and the whole of IndexedDB is read back: the device's coordinates appear in neither.

const ADMIN = 'admin@nordlys.example';
const STORE = { latitude: 55.6786, longitude: 12.5747, radius: 150 };
const template = getBuiltinTemplate('complaint-handling', 1) as JourneyTemplate;

/** Where the tablet "is" in each case: digits that appear nowhere else. */
const INSIDE = { latitude: 55.67912, longitude: 12.57633, accuracy: 18 };
const OUTSIDE = { latitude: 55.69123, longitude: 12.60457, accuracy: 120 };
const REFUSED = { latitude: 55.68111, longitude: 12.58222, accuracy: 10 };

async function office(
	browser: Browser,
	email: string
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await signIn(page, email);
	return { context, page };
}

async function setPresence(browser: Browser, on: boolean): Promise<void> {
	const { context, page } = await office(browser, ADMIN);
	await page.goto('/office/presence');
	await page.getByTestId('presence-enabled').setChecked(on);
	await page.getByTestId('presence-setting').getByRole('button').click();
	await expect(page.getByTestId('presence-saved')).toBeVisible();
	await expect(page.getByTestId('presence-enabled')).toBeChecked({ checked: on });
	if (on) {
		const store = page.getByTestId('presence-store').filter({ hasText: 'Strøget' });
		await store.getByLabel('Latitude').fill(String(STORE.latitude));
		await store.getByLabel('Longitude').fill(String(STORE.longitude));
		await store.getByLabel('Radius (m)').fill(String(STORE.radius));
		await store.getByRole('button').click();
		await expect(page.getByTestId('presence-saved')).toBeVisible();
		await expect(
			page.getByTestId('presence-store').filter({ hasText: 'Strøget' }).getByLabel('Latitude')
		).toHaveValue(String(STORE.latitude));
	}
	await context.close();
}

/** Every request body the context sends (page and service worker), as text. */
function recordBodies(context: BrowserContext): { url: string; body: string }[] {
	const bodies: { url: string; body: string }[] = [];
	context.on('request', (request) => {
		const buffer = request.postDataBuffer();
		bodies.push({ url: request.url(), body: buffer ? buffer.toString('latin1') : '' });
	});
	return bodies;
}

/** Everything the app keeps in IndexedDB, as one JSON text (photo bytes as their length). */
async function dumpIndexedDb(page: Page): Promise<string> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('shopwalk');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const out: Record<string, unknown[]> = {};
		for (const name of Array.from(db.objectStoreNames)) {
			out[name] = await new Promise<unknown[]>((resolve, reject) => {
				const request = db.transaction(name).objectStore(name).getAll();
				request.onsuccess = () => resolve(request.result as unknown[]);
				request.onerror = () => reject(request.error);
			});
		}
		db.close();
		return JSON.stringify(out, (_, value: unknown) =>
			value instanceof ArrayBuffer ? `bytes:${value.byteLength}` : value
		);
	});
}

async function storedPresence(page: Page, auditId: string): Promise<unknown> {
	return page.evaluate(async (id) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('shopwalk');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const audit = await new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
			const request = db.transaction('audits').objectStore('audits').get(id);
			request.onsuccess = () => resolve(request.result as Record<string, unknown> | undefined);
			request.onerror = () => reject(request.error);
		});
		db.close();
		return audit?.presence ?? null;
	}, auditId);
}

/** Signs the shopper in on the tablet, consents once (if asked), and starts a visit at Strøget. */
async function startAtStroget(page: Page): Promise<string> {
	await page.goto('/');
	await waitForServiceWorker(page);
	await signIn(page, SHOPPER);
	await page.goto('/');
	const ask = page.getByTestId('presence-ask');
	await expect(ask.or(page.getByTestId('presence-state'))).toBeVisible({ timeout: 30_000 });
	if (await ask.isVisible()) {
		await expect(ask).toContainText('Your position never leaves the tablet');
		for (const size of [
			{ width: 800, height: 1280 },
			{ width: 1280, height: 800 }
		]) {
			await page.setViewportSize(size);
			expect.soft(await violations(page), `home with the question at ${size.width}`).toEqual([]);
		}
		await page.getByTestId('presence-allow').click();
	}
	await expect(page.getByTestId('presence-state')).toHaveAttribute('data-consent', 'granted');
	await page.goto('/audits/new');
	await page.getByText('Nordlys Elektronik Strøget').click();
	await page.getByText(template.name.en, { exact: true }).click();
	await page.getByTestId('start-audit').click();
	await page.waitForURL(/\/audits\/[0-9a-f-]{36}\/stages\/0$/);
	return page.url().split('/audits/')[1]!.split('/')[0]!;
}

async function violations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page })
		.options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
		.analyze();
	return result.violations.map(
		(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
}

function expectNoCoordinate(texts: string[], where: { latitude: number; longitude: number }) {
	const digits = [String(where.latitude), String(where.longitude)];
	for (const text of texts)
		for (const d of digits) expect(text.includes(d), `${d} in ${text.slice(0, 200)}`).toBe(false);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
	await setPresence(browser, true);
});

test.afterAll(async ({ browser }) => {
	// The other specs meet a demo organisation without the check.
	await setPresence(browser, false);
});

test.describe('inside the radius', () => {
	// Landscape: on this base the portrait stage screen's bottom bar can cover a choice the walk
	// clicks (review-loop.spec.ts meets the same); the lead is fixing the field layout.
	test.use({
		geolocation: INSIDE,
		permissions: ['geolocation'],
		viewport: { width: 1280, height: 800 }
	});

	test('keeps only “within”, sends no coordinate, and the office and the PDF show the outcome', async ({
		page,
		context,
		browser
	}) => {
		test.setTimeout(240_000);
		const bodies = recordBodies(context);
		const auditId = await startAtStroget(page);
		await expect
			.poll(() => storedPresence(page, auditId))
			.toMatchObject({
				outcome: 'within',
				accuracy: 'le50'
			});
		expect(Object.keys((await storedPresence(page, auditId)) as object).sort()).toEqual([
			'accuracy',
			'checkedAt',
			'outcome'
		]);
		await walkStages(page, template);
		await page.getByTestId('finish-visit').click();
		await page.getByTestId('mark-ready').click();
		await expect(page.getByTestId('audit-status')).toHaveText('Received', { timeout: 60_000 });

		// What went over the network: the outcome in the audit's upload, no coordinate anywhere.
		const put = bodies.find((b) => b.url.endsWith(`/api/audits/${auditId}`) && b.body.length > 0);
		expect(put?.body).toContain('"presence":{"outcome":"within","accuracy":"le50"');
		expect(bodies.some((b) => b.url.endsWith('/submit'))).toBe(true);
		expectNoCoordinate(
			bodies.map((b) => b.body),
			INSIDE
		);
		expectNoCoordinate([await dumpIndexedDb(page)], INSIDE);

		// The reviewer sees the outcome; so does the report.
		const desk = await office(browser, MANAGER);
		await desk.page.goto(`/office/audits/${auditId}`);
		await expect(desk.page.getByTestId('office-detail-presence')).toHaveText(
			/^Within the store’s radius · accuracy ≤\s50\sm$/
		);
		await expect(desk.page.getByTestId('office-seal')).toHaveCount(1);
		const version = desk.page.locator('[data-testid="report-version"][data-version="1"]');
		await expect(async () => {
			await desk.page.reload();
			await expect(version).toHaveAttribute('data-state', 'ready', { timeout: 1000 });
		}).toPass({ timeout: 90_000 });
		const file = desk.page.waitForEvent('download');
		await version.getByRole('link').click();
		const text = (await pdfToText(readFileSync(await (await file).path()))).replace(/\s+/g, ' ');
		expect(text).toContain('Presence at time-in');
		expect(text).toContain('Within the store’s radius · accuracy ≤ 50 m');
		expect(text).toContain('Verification code');
		await desk.context.close();
	});
});

test.describe('outside the radius', () => {
	test.use({ geolocation: OUTSIDE, permissions: ['geolocation'] });

	test('keeps only “outside” with its band, and no coordinate', async ({ page, context }) => {
		const bodies = recordBodies(context);
		const auditId = await startAtStroget(page);
		await expect
			.poll(() => storedPresence(page, auditId))
			.toMatchObject({
				outcome: 'outside',
				accuracy: 'le200'
			});
		expectNoCoordinate([await dumpIndexedDb(page), ...bodies.map((b) => b.body)], OUTSIDE);
	});
});

test.describe('a refusal', () => {
	// No permission: the browser refuses the reading.
	test.use({ geolocation: REFUSED, permissions: [] });

	test('keeps “unavailable” without a band, and no coordinate', async ({ page, context }) => {
		const bodies = recordBodies(context);
		const auditId = await startAtStroget(page);
		await expect
			.poll(() => storedPresence(page, auditId))
			.toEqual({
				outcome: 'unavailable',
				accuracy: null,
				checkedAt: expect.any(Number)
			});
		expectNoCoordinate([await dumpIndexedDb(page), ...bodies.map((b) => b.body)], REFUSED);
		// The shopper can turn the check off again; the next visit keeps no outcome at all.
		await page.goto('/');
		await page.getByTestId('presence-toggle').click();
		await expect(page.getByTestId('presence-state')).toHaveAttribute('data-consent', 'denied');
	});
});

test('the verify page and the presence settings have no axe violations at both sizes', async ({
	browser
}) => {
	const admin = await office(browser, ADMIN);
	const visitor = await (await browser.newContext()).newPage();
	for (const size of [
		{ width: 800, height: 1280 },
		{ width: 1280, height: 800 }
	]) {
		await admin.page.setViewportSize(size);
		await admin.page.goto('/office/presence');
		expect.soft(await violations(admin.page), `presence settings at ${size.width}`).toEqual([]);
		await visitor.setViewportSize(size);
		await visitor.goto('/verify?code=ZZZZ-ZZZZ-ZZZZ');
		await expect(visitor.getByTestId('verify-verdict')).toBeVisible();
		expect.soft(await violations(visitor), `verify at ${size.width}`).toEqual([]);
	}
	await admin.context.close();
	await visitor.context().close();
});
