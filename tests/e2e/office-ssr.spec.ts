import {
	expect,
	test,
	type APIRequestContext,
	type Browser,
	type BrowserContext,
	type Page
} from '@playwright/test';
import { randomUUID } from 'node:crypto';
import {
	API,
	CONTENT_SHA256_HEADER,
	IDEMPOTENCY_KEY_HEADER
} from '../../src/lib/contract/api-paths';
import { getBuiltinTemplate } from '../../src/lib/domain/builtin-templates/index';
import { DEMO_LOCATIONS } from '../../src/lib/domain/demo-locations';
import { roundPercent, scoreAudit } from '../../src/lib/domain/scoring';
import type { JourneyTemplate } from '../../src/lib/domain/types';
import {
	buildCompleteAudit,
	devicePhoto,
	submitRequestOf,
	type BuiltAudit
} from '../../src/lib/server/testing/complete-audit';
import { DEMO_PASSWORD, MANAGER, SHOPPER } from './sign-in';

// The office wing renders on the server: everything here runs with JavaScript disabled unless a
// test says otherwise. The audits are made the way a device makes them, through the API.

const template = getBuiltinTemplate('retail-store-visit', 1) as JourneyTemplate;
const location = DEMO_LOCATIONS.find((l) => l.kind === 'own')!;
const checkpoints = template.stages.flatMap((s) => s.checkpoints);
// One failed checkpoint (with the note its rule asks for) so the page has something to flag.
const failing = checkpoints.find(
	(c) =>
		c.response.type === 'yes_no' &&
		!c.critical &&
		!c.visibleWhen &&
		!checkpoints.some((other) => JSON.stringify(other.visibleWhen ?? null).includes(`"${c.id}"`))
)!;
const FAIL_NOTE = 'Nobody greeted me for four minutes; æ ø å.';
const percent = (value: number | null, tag = 'en-GB') =>
	value === null
		? '–'
		: new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(value) + ' %';

async function apiSignIn(request: APIRequestContext, email: string, origin: string) {
	const response = await request.post(API.signIn, {
		data: { email, password: DEMO_PASSWORD },
		headers: { origin }
	});
	expect(response.status(), `sign-in of ${email}`).toBe(200);
}

async function noScriptContext(browser: Browser, origin: string, email?: string) {
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL: origin });
	if (email) await apiSignIn(context.request, email, origin);
	return context;
}

/** Uploads and submits a complete audit as the shopper, as the device's sync does. */
async function submitAudit(request: APIRequestContext, origin: string): Promise<BuiltAudit> {
	const built = buildCompleteAudit({
		template,
		location,
		now: Date.now(),
		photoBytes: [devicePhoto('checkout-portrait.jpg'), devicePhoto('receipt.jpg')]
	});
	const answers = built.upload.answers.map((a) =>
		a.checkpointId === failing.id ? { ...a, value: 'no' as const } : a
	);
	const notes = [
		...built.upload.notes.filter((n) => n.checkpointId !== failing.id),
		{ checkpointId: failing.id, text: FAIL_NOTE, updatedAt: Date.now() }
	];
	built.upload = { ...built.upload, answers, notes };
	const put = await request.put(API.audit(built.id), { data: built.upload, headers: { origin } });
	expect(put.status(), await put.text()).toBe(200);
	for (const photo of built.photos) {
		const upload = await request.put(API.auditPhoto(built.id, photo.entry.id), {
			data: Buffer.from(photo.bytes),
			headers: {
				origin,
				'content-type': 'image/jpeg',
				[CONTENT_SHA256_HEADER]: photo.entry.sha256
			}
		});
		expect(upload.ok(), await upload.text()).toBe(true);
	}
	const submit = await request.post(API.submit(built.id), {
		data: submitRequestOf(built),
		headers: { origin, [IDEMPOTENCY_KEY_HEADER]: randomUUID() }
	});
	expect(submit.ok(), await submit.text()).toBe(true);
	return built;
}

test.describe('the office, rendered on the server', () => {
	let older: BuiltAudit;
	let newer: BuiltAudit;

	test.beforeAll(async ({ browser, baseURL }) => {
		const shopper = await noScriptContext(browser, baseURL!, SHOPPER);
		older = await submitAudit(shopper.request, baseURL!);
		newer = await submitAudit(shopper.request, baseURL!);
		await shopper.close();
	});

	test('a visitor who is not signed in is sent to sign-in, with the way back', async ({
		browser,
		baseURL
	}) => {
		const context = await noScriptContext(browser, baseURL!);
		const direct = await context.request.get(`/office/audits/${older.id}`, { maxRedirects: 0 });
		expect(direct.status()).toBe(303);
		expect(direct.headers().location).toBe(
			`/sign-in?return=${encodeURIComponent(`/office/audits/${older.id}`)}`
		);
		const page = await context.newPage();
		await page.goto('/office?kind=own');
		await expect(page).toHaveURL(/\/sign-in\?return=%2Foffice%3Fkind%3Down$/);
		await context.close();
	});

	test('a shopper is refused with a page that says why and leads back to their app', async ({
		browser,
		baseURL
	}) => {
		const context = await noScriptContext(browser, baseURL!, SHOPPER);
		const page = await context.newPage();
		for (const path of ['/office', `/office/audits/${older.id}`]) {
			const response = await page.goto(path);
			expect(response?.status()).toBe(403);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'The office is for reviewers and report readers'
			);
			await expect(page.getByTestId('office-forbidden')).toContainText('shopper’s app');
			await expect(page.getByRole('link', { name: 'Go to my audits' })).toHaveAttribute(
				'href',
				'/'
			);
			// Nothing of the office shows: no inbox, no header with its navigation.
			await expect(page.getByTestId('office-audits')).toHaveCount(0);
			await expect(page.getByTestId('office-nav-inbox')).toHaveCount(0);
		}
		// The shopper's audit data is not reachable through the office either.
		// (SvelteKit answers a data request 200 with each load's outcome; the page's is an error.)
		const data = await (await context.request.get(`/office/audits/${older.id}/__data.json`)).text();
		expect(data).toContain('"status":403');
		expect(data).not.toContain(older.upload.narrative);
		expect(data).not.toContain(location.name);
		await context.close();
	});

	test('the manager reads, filters and pages the inbox and reads an audit without JavaScript', async ({
		browser,
		baseURL
	}) => {
		const context = await noScriptContext(browser, baseURL!, MANAGER);
		const page = await context.newPage();
		const response = await page.goto('/office');
		expect(response?.status()).toBe(200);
		// Rendered on the server: the list is in the HTML itself.
		expect(await response!.text()).toContain(`data-audit-id="${newer.id}"`);
		await expect(page.getByTestId('office-organisation')).toHaveText('Nordlys Elektronik');
		await expect(page.getByTestId('office-nav-inbox')).toHaveText('Inbox');

		const expected = scoreAudit(
			template,
			new Map(newer.upload.answers.map((a) => [a.checkpointId, a.value]))
		);
		const row = page.locator(`[data-audit-id="${newer.id}"]`);
		await expect(row).toContainText(location.name);
		await expect(row).toContainText('Retail store visit');
		await expect(row.getByTestId('office-audit-state')).toHaveText('Submitted');
		await expect(row.getByTestId('office-audit-score')).toHaveText(
			percent(roundPercent(expected.totalPercent))
		);
		// Template names for the filter come from the server.
		await expect(page.getByTestId('filter-template').locator('option')).toContainText([
			'All',
			'Retail store visit'
		]);

		// The GET form filters on the server, and keeps the choice in the address and the form.
		await page.getByTestId('filter-kind').selectOption('competitor');
		await page.getByTestId('filter-apply').click();
		await expect(page).toHaveURL(/[?&]kind=competitor/);
		await expect(row).toHaveCount(0);
		// Only competitor visits are left (other specs may have handed some in), none at own stores.
		await expect(page.getByTestId('office-audit').filter({ hasText: location.name })).toHaveCount(
			0
		);
		await expect(page.getByTestId('filter-kind')).toHaveValue('competitor');
		await page.getByTestId('filter-kind').selectOption('own');
		// Without JavaScript the days count in UTC, and the page says so.
		const today = new Date().toISOString().slice(0, 10);
		await page.getByTestId('filter-from').fill(today);
		await page.getByTestId('filter-to').fill(today);
		await page.getByTestId('filter-apply').click();
		await expect(page.getByTestId('filter-time-zone')).toContainText('UTC');
		await expect(row).toBeVisible();
		await page.goto('/office?from=2025-02-30');
		await expect(page.getByTestId('filter-dates-problem')).toHaveText(
			'Enter a real date from 1970 on.'
		);

		// Pages of one: newest first, then "Older audits" as a plain link with a cursor.
		await page.goto('/office?limit=1');
		await expect(page.getByTestId('office-audit')).toHaveCount(1);
		await expect(row).toBeVisible();
		await page.getByTestId('office-older').click();
		await expect(page).toHaveURL(/cursor=/);
		await expect(page.getByTestId('office-audit')).toHaveCount(1);
		await expect(page.locator(`[data-audit-id="${older.id}"]`)).toBeVisible();
		await page.getByTestId('office-newest').click();
		await expect(row).toBeVisible();

		// The audit's page, from its row.
		await row.getByRole('link', { name: location.name }).click();
		await expect(page).toHaveURL(`/office/audits/${newer.id}`);
		await expect(page.getByTestId('office-detail-location')).toContainText(location.name);
		await expect(page.getByTestId('office-detail-total')).toHaveText(
			percent(roundPercent(expected.totalPercent))
		);
		await expect(page.getByTestId('office-detail-state')).toHaveText('Submitted');
		await expect(page.getByTestId('office-detail-revision')).toHaveText('Revision 1');
		await expect(page.getByTestId('office-review')).toBeVisible();
		// Every visible checkpoint with its answer; the failed one flagged with its note.
		await expect(page.getByTestId('office-checkpoint')).toHaveCount(newer.upload.answers.length);
		const failed = page.locator(`[data-checkpoint-id="${failing.id}"]`);
		await expect(failed).toHaveAttribute('data-failed', 'true');
		await expect(failed.getByTestId('office-answer')).toHaveText('No');
		await expect(failed).toContainText('Failed');
		await expect(page.getByText(FAIL_NOTE)).toBeVisible();
		await expect(page.locator('[data-failed="true"]')).toHaveCount(1);
		await expect(page.getByTestId('office-narrative')).toHaveText(newer.upload.narrative);
		// Stage scores with points and percent.
		const firstStage = expected.stages[0]!;
		const stageRow = page.locator(
			`[data-testid="stage-score"][data-stage-id="${firstStage.stageId}"]`
		);
		await expect(stageRow.getByTestId('stage-percent')).toContainText(
			percent(roundPercent(firstStage.percent))
		);
		await expect(stageRow.getByTestId('stage-points')).toContainText(
			`${firstStage.points} of ${firstStage.maxPoints}`
		);
		// Photos: the receipt in its own section, each a link to the photo itself without JS.
		const receipt = newer.photos.find((p) => p.entry.kind === 'receipt')!;
		const receiptLink = page.getByTestId('office-receipt').getByTestId('office-photo');
		await expect(receiptLink).toHaveAttribute('href', `/api/photos/${receipt.entry.id}`);
		const checkpointPhotos = newer.photos.filter((p) => p.entry.kind === 'checkpoint');
		for (const photo of checkpointPhotos) {
			await expect(
				page
					.locator(`[data-checkpoint-id="${photo.entry.checkpointId}"] + tr`)
					.locator(`a[href="/api/photos/${photo.entry.id}"]`)
			).toBeVisible();
		}
		const photoResponse = await context.request.get(`/api/photos/${receipt.entry.id}`);
		expect(photoResponse.headers()['content-type']).toBe('image/jpeg');
		await expect(page.getByTestId('office-detail-report')).toBeVisible();

		// An audit that does not exist is a 404 page of the office, not an endless "Loading…".
		const missing = await page.goto(`/office/audits/${randomUUID()}`);
		expect(missing?.status()).toBe(404);
		await expect(page.getByTestId('office-error')).toContainText('not yours to see');

		// Office sign-out ends the session on the server (the manager runs audits, so the office
		// leads to the field app's sign-out instead; the admin signs out here).
		await expect(page.getByTestId('sign-out')).toHaveAttribute('href', '/sign-out');
		await context.close();
	});

	test('an admin without field work signs out of the office with a form', async ({
		browser,
		baseURL
	}) => {
		const context = await noScriptContext(browser, baseURL!, 'admin@nordlys.example');
		const page = await context.newPage();
		await page.goto('/office');
		await page.getByTestId('sign-out').click();
		await expect(page).toHaveURL(/\/sign-in$/);
		const after = await context.request.get('/office', { maxRedirects: 0 });
		expect(after.status()).toBe(303);
		await context.close();
	});

	test('each request renders in its own language, even when they interleave', async ({
		browser,
		baseURL
	}) => {
		const context = await noScriptContext(browser, baseURL!, MANAGER);
		const cookies = await context.cookies();
		const session = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
		const render = (locale: 'en' | 'da') =>
			context.request
				.get('/office', { headers: { cookie: `${session}; shopwalk_locale=${locale}` } })
				.then(async (r) => ({ locale, html: await r.text() }));
		const pages = await Promise.all(
			Array.from({ length: 12 }, (_, i) => render(i % 2 ? 'da' : 'en'))
		);
		for (const { locale, html } of pages) {
			expect(html).toContain(locale === 'da' ? 'Modtagne audits' : 'Received audits');
			expect(html).not.toContain(locale === 'da' ? 'Received audits' : 'Modtagne audits');
		}
		// Without the cookie, the browser's languages decide.
		const danish = await context.request.get('/office', {
			headers: { cookie: session, 'accept-language': 'da-DK,da;q=0.9,en;q=0.5' }
		});
		expect(await danish.text()).toContain('Indbakke');
		// The picker works without JavaScript: a form post that sets the cookie and comes back.
		const page = await context.newPage();
		await page.goto(`/office/audits/${older.id}`);
		await page.getByTestId('office-language').selectOption('da');
		await page.getByRole('button', { name: 'Change' }).click();
		await expect(page).toHaveURL(`/office/audits/${older.id}`);
		await expect(page.getByTestId('office-detail-state')).toHaveText('Indsendt');
		await context.close();
	});

	test('with JavaScript, photos open in a lightbox that keys and Escape drive', async ({
		browser,
		baseURL
	}) => {
		const context: BrowserContext = await browser.newContext({ baseURL });
		await apiSignIn(context.request, MANAGER, baseURL!);
		const page = await context.newPage();
		await page.goto(`/office/audits/${newer.id}`);
		const thumbs = page.getByTestId('office-photo');
		const count = await thumbs.count();
		expect(count).toBe(newer.photos.length);
		await thumbs.first().click();
		const dialog = page.getByTestId('photo-lightbox');
		await expect(dialog).toBeVisible();
		await expect(dialog).toContainText(`1 of ${count}`);
		await expect(page.getByTestId('lightbox-photo')).toHaveJSProperty('complete', true);
		await page.keyboard.press('ArrowRight');
		await expect(dialog).toContainText(`2 of ${count}`);
		await page.keyboard.press('ArrowLeft');
		await page.keyboard.press('ArrowLeft');
		await expect(dialog).toContainText(`${count} of ${count}`);
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(page).toHaveURL(`/office/audits/${newer.id}`);
		await context.close();
	});

	// Screenshots for people to look at (in the test's output, or OFFICE_SCREENSHOTS=<folder>);
	// the check is that nothing is wider than the screen at either tablet orientation.
	test('a reviewer returns one audit and approves another with plain form posts, no script', async ({
		browser,
		baseURL
	}) => {
		const context = await noScriptContext(browser, baseURL!, MANAGER);
		const page = await context.newPage();

		await page.goto(`/office/audits/${older.id}`);
		const row = page.locator(`[data-comment-for="${failing.id}"]`);
		await row.getByTestId('checkpoint-comment-toggle').click();
		await row.getByTestId('checkpoint-comment').fill('Which employee, and how long did you wait?');
		await page.getByTestId('return-comment').fill('Tell us more about the greeting.');
		await page.getByTestId('return').click();
		await expect(page.getByTestId('review-decided')).toContainText('Returned to the shopper');
		await expect(page.getByTestId('office-detail-state')).toHaveText('Returned');
		await expect(page.getByTestId('office-checkpoint-comment')).toContainText(
			'Which employee, and how long did you wait?'
		);
		await expect(page.getByTestId('office-overall-comment')).toContainText(
			'Tell us more about the greeting.'
		);
		await expect(page.getByTestId('approve')).toHaveCount(0);
		await expect(page.locator('[data-testid="trail-event"][data-kind="returned"]')).toContainText(
			'Reviewer 1'
		);

		await page.goto(`/office/audits/${newer.id}`);
		await page.getByTestId('approve').click();
		await expect(page.getByTestId('review-decided')).toContainText('Approved');
		await expect(page.getByTestId('office-detail-state')).toHaveText('Approved');
		await context.close();
	});

	test('the inbox and an audit fit tablet screens both ways', async ({
		browser,
		baseURL
	}, info) => {
		const folder = process.env.OFFICE_SCREENSHOTS ?? info.outputDir;
		const fits = (page: Page) =>
			page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
		for (const [width, height] of [
			[800, 1280],
			[1280, 800]
		] as const) {
			const context = await browser.newContext({
				baseURL,
				viewport: { width, height },
				deviceScaleFactor: 1
			});
			await apiSignIn(context.request, MANAGER, baseURL!);
			const page = await context.newPage();
			await page.goto('/office');
			expect(await fits(page), `inbox at ${width}×${height}`).toBe(true);
			await page.screenshot({ path: `${folder}/inbox-${width}.png` });
			await page.goto(`/office/audits/${newer.id}`);
			expect(await fits(page), `audit at ${width}×${height}`).toBe(true);
			await page.screenshot({ path: `${folder}/audit-${width}-top.png` });
			await page.locator(`[data-checkpoint-id="${failing.id}"]`).scrollIntoViewIfNeeded();
			await page.screenshot({ path: `${folder}/audit-${width}-stage.png` });
			await page.getByTestId('office-receipt').scrollIntoViewIfNeeded();
			await page.screenshot({ path: `${folder}/audit-${width}-receipt.png` });
			await page.getByTestId('office-photo').first().click();
			await expect(page.getByTestId('lightbox-photo')).toHaveJSProperty('complete', true);
			await page.screenshot({ path: `${folder}/lightbox-${width}.png` });
			await context.close();
		}
	});
});
