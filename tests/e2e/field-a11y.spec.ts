import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { getBuiltinTemplate } from '../../src/lib/domain/builtin-templates/index';
import type { JourneyTemplate } from '../../src/lib/domain/types';
import { goOffline } from './field-walk';
import { signIn } from './sign-in';

// The shopper's screens under axe (WCAG 2.1 AA), on a tablet both ways round, and the home
// screen's layout shift.

const SHOPPER = 'shopper23@nordlys.example';
const template = getBuiltinTemplate('retail-store-visit', 1) as JourneyTemplate;

async function violations(page: Page): Promise<string[]> {
	// Every rule axe runs by default (WCAG A/AA and best practice: one h1 a page), plus the
	// experimental check that a control's name contains its visible label (WCAG 2.5.3).
	const result = await new AxeBuilder({ page })
		.options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
		.analyze();
	return result.violations.map(
		(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
}

for (const [width, height] of [
	[800, 1280],
	[1280, 800]
] as const) {
	test(`no axe violations on home, new audit, stage and summary at ${width}×${height}`, async ({
		page,
		context
	}) => {
		await page.setViewportSize({ width, height });
		await signIn(page, SHOPPER);
		await expect(page.getByTestId('assignment').first()).toBeVisible();
		expect.soft(await violations(page), 'home').toEqual([]);

		await page.goto('/audits/new');
		await page.getByText('Nordlys Elektronik Strøget').click();
		await page.getByText(template.name.en, { exact: true }).click();
		expect.soft(await violations(page), 'new audit').toEqual([]);
		await page.getByTestId('start-audit').click();
		await page.waitForURL(/\/stages\/0$/);
		await expect(page.getByTestId('stage-title')).toBeVisible();
		expect.soft(await violations(page), 'stage').toEqual([]);

		await page.getByRole('link', { name: 'Overview' }).first().click();
		await expect(page.getByTestId('readiness')).toBeVisible();
		expect.soft(await violations(page), 'summary').toEqual([]);

		// Offline: the header's pill changes colours.
		await goOffline(context);
		await page.evaluate(() => window.dispatchEvent(new Event('offline')));
		await expect(page.getByTestId('network-state')).toHaveText('Offline');
		expect.soft(await violations(page), 'summary offline').toEqual([]);
		await context.unrouteAll({ behavior: 'ignoreErrors' });
		await context.setOffline(false);

		// Danish: the report buttons and every label in the other language. The audit is made
		// received on the device, so the home list offers its report.
		const auditId = page.url().split('/audits/')[1]!.split('/')[0]!;
		await page.evaluate(async (id) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open('shopwalk');
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			await new Promise<void>((resolve, reject) => {
				const tx = db.transaction('audits', 'readwrite');
				const store = tx.objectStore('audits');
				const get = store.get(id);
				get.onsuccess = () => store.put({ ...get.result, status: 'received' });
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(tx.error);
			});
			db.close();
		}, auditId);
		await page.goto('/');
		await page.locator('header select').selectOption('da');
		await expect(page.getByTestId('assignment').first()).toBeVisible();
		await expect(page.getByTestId('audit-report-download').first()).toBeVisible();
		expect.soft(await violations(page), 'home in Danish').toEqual([]);
	});
}

test('the home screen does not shift as it loads (CLS ≤ 0.05)', async ({ page }) => {
	await page.setViewportSize({ width: 800, height: 1280 });
	await signIn(page, SHOPPER);
	await page.addInitScript(() => {
		const scope = window as unknown as { __cls: number };
		scope.__cls = 0;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as unknown as {
				value: number;
				hadRecentInput: boolean;
			}[]) {
				if (!entry.hadRecentInput) scope.__cls += entry.value;
				if (!entry.hadRecentInput && entry.value > 0.001)
					console.log(
						'shift',
						entry.value,
						(
							entry as unknown as {
								sources: { node?: Element; previousRect: DOMRect; currentRect: DOMRect }[];
							}
						).sources
							.map(
								(s) =>
									`${s.node?.nodeName}.${(s.node as Element | undefined)?.className} ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`
							)
							.join(' | ')
					);
			}
		}).observe({ type: 'layout-shift', buffered: true });
	});
	// A slow tablet: what arrives late (storage estimate, persistence, lists) arrives in later frames.
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
	page.on('console', (m) => m.text().startsWith('shift') && console.log(m.text()));
	await page.reload();
	await expect(page.getByTestId('assignment').first()).toBeVisible();
	await expect(page.getByTestId('storage-summary')).toBeVisible();
	await page.waitForTimeout(2000);
	const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
	console.log(`home CLS ${cls}`);
	expect(cls).toBeLessThanOrEqual(0.05);
});
