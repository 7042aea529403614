import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { getBuiltinTemplate } from '../../src/lib/domain/builtin-templates/index';
import type { JourneyTemplate } from '../../src/lib/domain/types';
import { fixture, goOffline, plannedAnswer, waitForServiceWorker, walkStages } from './field-walk';
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

/** Every visible button, link and select on the page shorter than 44 px (a finger's width). */
async function smallTargets(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('button, a[href], select, [role="button"]')]
			.filter((el) => {
				const box = el.getBoundingClientRect();
				const style = getComputedStyle(el);
				return box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
			})
			.filter((el) => el.getBoundingClientRect().height < 44)
			.map(
				(el) =>
					`${el.tagName} "${(el.textContent ?? '').trim().slice(0, 40)}" ${Math.round(el.getBoundingClientRect().height)}px`
			)
	);
}

test('at 800×1280: a one-row header, touch targets of at least 44 px, the current stage in view', async ({
	page
}) => {
	await page.setViewportSize({ width: 800, height: 1280 });
	await page.goto('/sign-in');
	const header = page.locator('header').first();
	await expect(header).toBeVisible();
	// The storage warning is the home screen's, not the sign-in page's.
	await expect(page.getByText('Storage is not guaranteed')).toHaveCount(0);
	await expect(page.getByTestId('storage-summary')).toHaveCount(0);
	await signIn(page, SHOPPER);
	await expect(page.getByTestId('assignment').first()).toBeVisible();
	expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
	expect(await smallTargets(page)).toEqual([]);

	// Shown once where it matters, dismissible, and remembered.
	const dismissStorage = page.getByTestId('storage-dismiss');
	if ((await dismissStorage.count()) > 0) {
		await dismissStorage.click();
		await page.reload();
		await expect(page.getByTestId('storage-summary')).toBeVisible();
		await expect(dismissStorage).toHaveCount(0);
	}

	const auditId = await startAudit(page);
	expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
	// Nothing of the row is pushed out of sight (Sign out stays on screen).
	expect(await header.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
	await expect(page.getByTestId('sign-out')).toBeInViewport({ ratio: 1 });
	expect(await smallTargets(page)).toEqual([]);

	// A notice sits below the header: neither covers the other, and its Dismiss button is reachable.
	await page.getByTestId('sign-out').click();
	const notice = page.getByRole('alert').filter({ hasText: 'You cannot sign out yet' });
	await expect(notice).toBeVisible();
	await page.mouse.wheel(0, 600);
	await page.waitForTimeout(200);
	const headerBox = (await header.boundingBox())!;
	const noticeBox = (await notice.boundingBox())!;
	expect(noticeBox.y).toBeGreaterThanOrEqual(headerBox.y + headerBox.height - 1);
	const dismiss = notice.getByRole('button', { name: 'Dismiss' });
	const hit = await dismiss.evaluate((button) => {
		const box = button.getBoundingClientRect();
		return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === button;
	});
	expect(hit).toBe(true);
	await dismiss.click();
	await expect(notice).toHaveCount(0);

	await page.goto(`/audits/${auditId}/stages/8`);
	await expect(page.getByTestId('stage-title')).toContainText(template.stages[8]!.title.en);
	const current = page.locator('[data-testid="stepper-stage"][aria-current="step"]');
	await expect(current).toHaveText(/^9/);
	await expect(current).toBeInViewport({ ratio: 1 });
	expect(await smallTargets(page)).toEqual([]);
});

test('on the narrowest tablet, offline with work waiting, every header control stays clickable', async ({
	page,
	context
}) => {
	// The Galaxy Tab's 640 px: the fullest header there is (pending count, "No connection — next
	// try", Sync now, Offline, language, name, Sign out) still fits one row without overlaps.
	await signIn(page, SHOPPER);
	await waitForServiceWorker(page);
	await startAudit(page);
	await goOffline(context);
	// An audit handed in offline: the sync engine tries, finds no connection, waits.
	await walkStages(page, template, {
		answerFor: (checkpoint) => plannedAnswer(checkpoint, { negative: '' })
	});
	await page.getByTestId('finish-visit').click();
	await page.getByTestId('mark-ready').click();
	await expect(page.getByTestId('audit-status')).toHaveText('Ready to submit');
	await page.goto('/');
	await expect(page.getByTestId('pending-summary')).toContainText('1 audit');
	await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'waiting', {
		timeout: 30_000
	});
	await page.screenshot({ path: test.info().outputPath('narrow-header.png') });
	const header = page.locator('header').first();
	expect(await header.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
	for (const control of [
		page.getByTestId('sign-out'),
		page.getByRole('button', { name: 'Sync now' }),
		page.getByRole('combobox', { name: 'Language' })
	]) {
		await expect(control).toBeInViewport({ ratio: 1 });
		const hit = await control.evaluate((element) => {
			const box = element.getBoundingClientRect();
			return element.contains(
				document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)
			);
		});
		expect(hit).toBe(true);
	}
});
