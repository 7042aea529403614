import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { getBuiltinTemplate } from '../../src/lib/domain/builtin-templates/index';
import type { JourneyTemplate } from '../../src/lib/domain/types';
import { fixture, waitForServiceWorker } from './field-walk';
import { readStoredAudit } from './idb-probe';
import { signIn } from './sign-in';

// The shopper's screens as a tester found them: stage time however a stage is left, focus,
// a real 404, badges, plurals, thumbnails, the pending count.

const SHOPPER = 'shopper23@nordlys.example';
const template = getBuiltinTemplate('retail-store-visit', 1) as JourneyTemplate;

/** Starts a new audit at an own store; resolves on its first stage with the audit's id. */
async function startAudit(page: Page): Promise<string> {
	await page.goto('/audits/new');
	await page.getByText('Nordlys Elektronik Strøget').click();
	await page.getByText(template.name.en, { exact: true }).click();
	await page.getByTestId('start-audit').click();
	await page.waitForURL(/\/audits\/[0-9a-f-]{36}\/stages\/0$/);
	return page.url().split('/audits/')[1]!.split('/')[0]!;
}

const stageTime = async (page: Page, auditId: string, stage: number) =>
	(await readStoredAudit(page, auditId)).audit.stageTimeMs[template.stages[stage]!.id] ?? 0;

test('stage time is stored when the stage is left by a reload or a typed address', async ({
	page
}) => {
	await signIn(page, SHOPPER);
	const auditId = await startAudit(page);
	await page.waitForTimeout(1500);
	await page.reload();
	await expect(page.getByTestId('stage-title')).toBeVisible();
	const afterReload = await stageTime(page, auditId, 0);
	expect(afterReload).toBeGreaterThanOrEqual(1000);

	await page.waitForTimeout(1200);
	await page.goto(`/audits/${auditId}/stages/1`);
	await expect(page.getByTestId('stage-title')).toContainText(template.stages[1]!.title.en);
	expect(await stageTime(page, auditId, 0)).toBeGreaterThanOrEqual(afterReload + 1000);
});

test('Enter on "+ Add a note" opens the text box with the focus in it', async ({ page }) => {
	await signIn(page, SHOPPER);
	await startAudit(page);
	const add = page.getByRole('button', { name: '+ Add a note' }).first();
	await add.focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('textarea:focus')).toHaveCount(1);
	await page.keyboard.type('Typed at once');
	await expect(page.locator('textarea:focus')).toHaveValue('Typed at once');
});

test('the header counts a photo the moment it is stored', async ({ page }) => {
	await signIn(page, SHOPPER);
	await startAudit(page);
	await expect(page.getByTestId('pending-summary')).toHaveText(
		'1 audit, 0 photos not yet on the server'
	);
	await page.getByTestId('photo-input').first().setInputFiles(fixture('entrance.png'));
	await expect(page.getByTestId('photo-strip').first()).toHaveAttribute('data-photo-count', '1', {
		timeout: 30_000
	});
	await expect(page.getByTestId('pending-summary')).toHaveText(
		'1 audit, 1 photo not yet on the server'
	);
});

test('an unknown address answers 404 with a plain not-found page; field routes still open', async ({
	page
}) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	await signIn(page, SHOPPER);
	const response = await page.goto('/no-such-page');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found');
	await expect(page.getByTestId('error-message')).toHaveText('There is no page at this address.');
	await expect(page.getByText('Something unexpected went wrong')).toHaveCount(0);
	// A real field route is still the shell's, from the service worker.
	const home = await page.goto('/audits/new');
	expect(home?.status()).toBe(200);
	await expect(page.getByText('Nordlys Elektronik Strøget')).toBeVisible();
});

test('badges keep their own width; sign-out refusal speaks in real plurals', async ({ page }) => {
	await signIn(page, SHOPPER);
	const badge = page.getByTestId('assignment').locator('.badge.competitor').first();
	await expect(badge).toBeVisible();
	const box = (await badge.boundingBox())!;
	expect(box.width).toBeLessThan(160);

	await startAudit(page);
	await page.getByTestId('sign-out').click();
	const alert = page.getByRole('alert').filter({ hasText: 'You cannot sign out yet' });
	await expect(alert).toContainText('1 audit and 0 photos are not on the server');
	await expect(alert).not.toContainText('(s)');
});

test('a tall receipt shows as a thumbnail, not a white box', async ({ page }) => {
	await signIn(page, SHOPPER);
	const auditId = await startAudit(page);
	await page.goto(`/audits/${auditId}`);
	const strip = page.getByTestId('photo-strip').first();
	// A till receipt: 1200 × 2600, printed at the top, blank paper below.
	await strip.getByTestId('photo-input').setInputFiles(fixture('receipt.jpg'));
	await expect(strip).toHaveAttribute('data-photo-count', '1', { timeout: 30_000 });
	const thumb = strip.getByRole('button', { name: 'Open photo' });
	await expect(thumb.locator('img')).toHaveJSProperty('complete', true);
	const shot = await thumb.screenshot({ path: test.info().outputPath('thumb.png') });
	const { channels } = await sharp(shot).stats();
	// The printed lines show (dark on white), not a blank white box from the middle of the paper.
	expect(channels[0]!.min).toBeLessThan(120);
	expect(channels[0]!.stdev).toBeGreaterThan(12);
});
