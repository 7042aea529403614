import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { getBuiltinTemplate } from '../../src/lib/domain/builtin-templates/index';
import { localize } from '../../src/lib/domain/text';
import type { JourneyTemplate } from '../../src/lib/domain/types';
import type { UiLocale } from '../../src/lib/i18n/locales';
import { reportLabels } from '../../src/lib/domain/report-model';
import { DEMO_VISITS } from '../../src/lib/server/seed/demo-assignments';
import { goOffline, plannedAnswer, uiText, waitForServiceWorker, walkStages } from './field-walk';
import { pdfToText } from './pdf-text';
import { MANAGER, signIn } from './sign-in';

// A shopper whose browser speaks Polish, and one whose browser speaks Norwegian, use the app in
// their language from the first screen: their visit's brief, the journey, the answer buttons.
// The audit they start is in that language, and so is its report.

const template = getBuiltinTemplate('complaint-handling', 1) as JourneyTemplate;
const NOTES: Record<UiLocale, string> = {
	en: 'Needed a note.',
	da: 'Der skulle en note til.',
	nb: 'Medarbeideren ba meg komme tilbake i morgen; ingen løsning på stedet. Blåbær og ærfugl.',
	pl: 'Sprzedawca poprosił, żebym wrócił jutro; brak rozwiązania na miejscu. Źdźbło, żółć.'
};

const cases = [
	{ browserLocale: 'pl-PL', locale: 'pl', shopper: 'shopper23@nordlys.example' },
	{ browserLocale: 'nb-NO', locale: 'nb', shopper: 'shopper17@nordlys.example' }
] as const;

for (const { browserLocale, locale, shopper } of cases) {
	test.describe(`a ${browserLocale} browser`, () => {
		test.use({ locale: browserLocale });

		test(`shows the app in ${locale}, and the audit and its report are in ${locale}`, async ({
			page
		}) => {
			test.setTimeout(240_000);
			const shots = `test-results/languages-${locale}`;
			await page.goto('/');
			await waitForServiceWorker(page);
			await signIn(page, shopper);

			// The interface in the browser's language, with nothing to choose.
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expect(page.getByRole('heading', { name: uiText(locale, 'home.title') })).toBeVisible();
			await expect(page.getByTestId('language-picker')).toHaveValue(locale);
			// The visit's brief in the shopper's language.
			const own = DEMO_VISITS.filter((visit) => visit.shopperEmail === shopper);
			const briefs = page.getByTestId('assignment-brief');
			await expect(briefs).toHaveCount(own.length);
			expect((await briefs.allTextContents()).map((t) => t.trim()).sort()).toEqual(
				own.map((visit) => visit.brief[locale]!).sort()
			);
			await expect(page.getByText(own[0]!.brief.en)).toHaveCount(0);

			// A new audit of the complaint journey, named and walked in the shopper's language.
			await page.goto('/audits/new');
			await expect(
				page.getByRole('heading', { name: uiText(locale, 'newAudit.title') })
			).toBeVisible();
			await page.getByText('Nordlys Elektronik Strøget').click();
			await page.getByText(localize(template.name, locale), { exact: true }).click();
			await page.getByTestId('start-audit').click();
			await page.waitForURL(/\/audits\/[0-9a-f-]{36}\/stages\/0$/);
			await walkStages(page, template, {
				locale,
				// One negative answer with its note, so the report has a note in the shopper's language.
				answerFor: (checkpoint) =>
					checkpoint.id === 'presenting.easy-to-find'
						? 'no'
						: plannedAnswer(checkpoint, { negative: '' }),
				note: NOTES[locale],
				onStage: async (index) => {
					if (index !== 0) return;
					await page.setViewportSize({ width: 800, height: 1280 });
					await page.screenshot({ path: `${shots}-stage-800.png` });
				}
			});
			await page.getByTestId('finish-visit').click();
			await expect(page.getByTestId('ready-state')).toHaveText(uiText(locale, 'overview.ready'));
			await page.getByTestId('mark-ready').click();
			// Online, it may already be sent by the time the badge is read: queued or received.
			const queuedOrSent = [uiText(locale, 'status.queued'), uiText(locale, 'status.received')];
			await expect(page.getByTestId('audit-status')).toHaveText(
				new RegExp(`^(${queuedOrSent.join('|')})$`)
			);

			// Sent; the home list offers the report, which is in the shopper's language.
			await page.goto('/');
			const item = page.getByTestId('audit-item').first();
			await expect(item).toHaveAttribute('data-status', 'received', { timeout: 60_000 });
			await expect(item.getByTestId('audit-status')).toHaveText(uiText(locale, 'status.received'));
			await page.screenshot({ path: `${shots}-home-800.png`, fullPage: true });
			const reportButton = item.getByTestId('audit-report-download');
			await expect(reportButton).toBeEnabled();
			let pdf: Buffer | undefined;
			await expect(async () => {
				const download = page.waitForEvent('download', { timeout: 3_000 });
				await reportButton.click();
				pdf = readFileSync(await (await download).path());
			}).toPass({ timeout: 60_000 });
			const text = (await pdfToText(pdf!)).replace(/\s+/g, ' ');
			const labels = reportLabels(locale);
			expect(text).toContain(labels.reportTitle);
			expect(text).toContain(labels.totalScore);
			expect(text).toContain(localize(template.name, locale));
			expect(text).toContain(localize(template.stages[0]!.title, locale));
			expect(text).toContain(NOTES[locale].replace(/\s+/g, ' '));
			if (locale === 'pl') {
				expect(text).toContain('Raport');
				expect(text).toContain('Obsługa reklamacji');
			}
			expect(text).not.toContain(reportLabels('en').totalScore);
		});
	});
}

test('the office renders in each of the four languages and hydrates in the same one', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await signIn(page, MANAGER);
	// The session alone: the device's picker has set a language cookie of its own by now.
	const session = (await context.cookies())
		.filter((c) => c.name !== 'shopwalk_locale')
		.map((c) => `${c.name}=${c.value}`)
		.join('; ');
	// Server renders, interleaved: each in its own language.
	const locales = ['en', 'da', 'nb', 'pl'] as const;
	const pages = await Promise.all(
		Array.from({ length: 12 }, (_, i) => locales[i % 4]!).map((locale) =>
			context.request
				.get('/office', { headers: { cookie: `${session}; shopwalk_locale=${locale}` } })
				.then(async (r) => ({ locale, html: await r.text() }))
		)
	);
	for (const { locale, html } of pages) {
		expect(html).toContain(`>${uiText(locale, 'office.title')}<`);
		for (const other of locales.filter((l) => l !== locale)) {
			expect(html).not.toContain(`>${uiText(other, 'office.title')}<`);
		}
	}
	// Without the cookie, a Polish Accept-Language decides.
	const polish = await context.request.get('/office', {
		headers: { cookie: session, 'accept-language': 'pl-PL,pl;q=0.9,en;q=0.5' }
	});
	expect(await polish.text()).toContain(uiText('pl', 'office.nav.inbox'));

	// With JavaScript: the page hydrates in the language it was rendered in, and the picker
	// (which offers every language in its own name) switches it.
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error' || /hydration/i.test(message.text()))
			errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	await context.addCookies([{ name: 'shopwalk_locale', value: 'pl', url: baseURL! }]);
	await page.goto('/office');
	await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
	await expect(page.getByRole('heading', { name: uiText('pl', 'office.title') })).toBeVisible();
	const picker = page.getByTestId('office-language');
	await expect(picker.locator('option')).toHaveText(['English', 'Dansk', 'Norsk bokmål', 'Polski']);
	await expect(picker).toHaveValue('pl');
	await picker.selectOption('nb');
	await expect(page.getByRole('heading', { name: uiText('nb', 'office.title') })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
	expect(errors).toEqual([]);
	await context.close();
});

test('switching language works offline: every catalogue is precached', async ({
	page,
	context
}) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	await signIn(page, 'shopper23@nordlys.example');
	await expect(page.getByRole('heading', { name: uiText('en', 'home.title') })).toBeVisible();
	// Only English has been loaded so far; the others must come from the service worker's cache.
	await goOffline(context);
	for (const locale of ['pl', 'nb', 'da'] as const) {
		await page.getByTestId('language-picker').selectOption(locale);
		await expect(page.getByRole('heading', { name: uiText(locale, 'home.title') })).toBeVisible();
	}
	// The choice is remembered: a cold start offline opens in it.
	await page.reload();
	await expect(page.getByRole('heading', { name: uiText('da', 'home.title') })).toBeVisible();
	await page.getByTestId('language-picker').selectOption('en');
	await expect(page.getByRole('heading', { name: uiText('en', 'home.title') })).toBeVisible();
});
