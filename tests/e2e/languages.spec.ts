import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { isNegativeAnswer } from '../../src/lib/domain/answer-rules';
import { getBuiltinTemplate } from '../../src/lib/domain/builtin-templates/index';
import { localize } from '../../src/lib/domain/text';
import type { AnswerValue, JourneyTemplate } from '../../src/lib/domain/types';
import { visibleCheckpointIds } from '../../src/lib/domain/visibility';
import type { UiLocale } from '../../src/lib/i18n/locales';
import { reportLabels } from '../../src/lib/domain/report-model';
import { DEMO_VISITS } from '../../src/lib/server/seed/demo-assignments';
import { answer, plannedAnswer, uiText, waitForServiceWorker } from './field-walk';
import { pdfToText } from './pdf-text';
import { signIn } from './sign-in';

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

async function walkAllStages(page: Page, locale: UiLocale, shots: string): Promise<void> {
	const given = new Map<string, AnswerValue>();
	for (const [index, stage] of template.stages.entries()) {
		await expect(page.getByTestId('stage-title')).toContainText(localize(stage.title, locale));
		if (index === 0) {
			await page.setViewportSize({ width: 800, height: 1280 });
			await page.screenshot({ path: `${shots}-stage-800.png` });
		}
		for (;;) {
			const visible = visibleCheckpointIds(template, given);
			const next = stage.checkpoints.find((c) => visible.has(c.id) && !given.has(c.id));
			if (!next) break;
			const card = page.locator(`[data-checkpoint-id="${next.id}"]`);
			// One negative answer with its note, so the report has a note in the shopper's language.
			const value =
				next.id === 'presenting.easy-to-find' ? 'no' : plannedAnswer(next, { negative: '' });
			await answer(card, next, value, locale);
			given.set(next.id, value);
			if (isNegativeAnswer(next.response, value) && next.evidence.noteOnNegative) {
				await card.getByTestId('note').fill(NOTES[locale]);
				await card.getByTestId('note').blur();
			}
		}
		await expect(page.getByTestId('save-state')).toHaveText(uiText(locale, 'common.savedOnDevice'));
		await page
			.getByTestId(index < template.stages.length - 1 ? 'next-stage' : 'finish-stages')
			.click();
	}
}

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
			await walkAllStages(page, locale, shots);
			await page.getByTestId('finish-visit').click();
			await expect(page.getByTestId('ready-state')).toHaveText(uiText(locale, 'overview.ready'));
			await page.getByTestId('mark-ready').click();
			await expect(page.getByTestId('audit-status')).toHaveText(uiText(locale, 'status.queued'));

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
