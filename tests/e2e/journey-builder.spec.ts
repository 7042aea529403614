import AxeBuilder from '@axe-core/playwright';
import { devices, expect, test, type Locator, type Page } from '@playwright/test';
import type { JourneyTemplate, ResponseType } from '../../src/lib/domain/types';
import { localOfInstant } from '../../src/lib/domain/zoned-time';
import { goOffline, uiText, waitForServiceWorker, walkStages } from './field-walk';
import { pdfToText } from './pdf-text';
import { MANAGER, SHOPPER, signIn } from './sign-in';

// The journey builder end to end, on a tablet: a manager builds a template in the office editor
// with every response type and a condition, in English and Danish, reorders stages by keyboard
// and by drag, checks the preview and the scoring, publishes it — and the demo shopper's tablet,
// in Danish, pulls it, walks its stages in Danish and hands the audit in (the journey archived
// meanwhile); synced, the tablet stops offering the archived journey for a new audit, and offers
// it again once restored. axe finds nothing on the builder's pages.

async function violations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page })
		.options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
		.analyze();
	return result.violations.map(
		(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
}

const TYPES: ResponseType[] = [
	'yes_no',
	'yes_no_na',
	'scale',
	'single_choice',
	'multiple_choice',
	'number',
	'text',
	'time'
];

async function fillTexts(field: Locator, en: string, da: string): Promise<void> {
	await field.locator('[data-locale="en"]').fill(en);
	await field.locator('[data-locale="da"]').fill(da);
}

const COMPETITOR = 'ByteHuset Fisketorvet';
const BRIEF_EN = 'Ask about the new journey, and pay by card.';
const BRIEF_DA = 'Spørg til den nye rejse, og betal med kort.';

test('a manager builds and publishes a journey, plans a competitor visit of it with a brief; the shopper’s tablet runs it offline in Danish and its report shows it', async ({
	page,
	browser
}) => {
	test.setTimeout(240_000);
	await signIn(page, MANAGER);
	await page.getByTestId('office-nav-templates').click();
	await expect(page.getByTestId('template-list')).toBeVisible();
	expect.soft(await violations(page), 'template list').toEqual([]);

	// A spreadsheet with two mistakes: both named by row and column, nothing imported.
	const csvForm = page.getByTestId('import-csv');
	await csvForm.locator('input[type="file"]').setInputFiles({
		name: 'questionnaire.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			'stage_key,stage_en,type,prompt_en,weight\ns,S,essay,P,1\ns,,yes_no,Q,heavy\n'
		)
	});
	await csvForm.locator('input[name="name_en"]').fill('Broken questionnaire');
	await csvForm.locator('button[type="submit"]').click();
	await expect(page.getByTestId('import-problem')).toHaveText([
		'Row 2, column type — Unknown type “essay”.',
		'Row 3, column weight — “heavy” is not a number.'
	]);
	await expect(page.getByTestId('template-list')).not.toContainText('Broken questionnaire');
	expect.soft(await violations(page), 'import refused').toEqual([]);

	const name = `Builder journey ${Date.now()}`;
	await page.getByTestId('create-blank').locator('input[name="name"]').fill(name);
	await page.getByTestId('create-blank').getByRole('button').click();
	await page.waitForURL(/\/office\/templates\/tpl-[0-9a-f]+$/);
	const templateId = page.url().split('/').pop()!;
	await expect(page.getByTestId('template-editor')).toBeVisible();
	// A blank template is not publishable yet, and the editor says why.
	await expect(page.getByTestId('problem-count')).not.toHaveAttribute('data-count', '0');
	await expect(page.getByTestId('publish')).toBeDisabled();

	await page.getByTestId('template-name').locator('[data-locale="da"]').fill(`${name} (da)`);
	await fillTexts(page.getByTestId('stage-title'), 'Arrival', 'Ankomst');
	await page.getByTestId('stage-description-toggle').check();
	await fillTexts(page.getByTestId('stage-description'), 'Walk in slowly.', 'Gå langsomt ind.');

	// One checkpoint of every type, in English and Danish.
	for (const [index, type] of TYPES.entries()) {
		await page.getByTestId('new-checkpoint-type').selectOption(type);
		await page.getByTestId('add-checkpoint').click();
		const editor = page.getByTestId('checkpoint-editor').nth(index);
		await fillTexts(editor.getByTestId('checkpoint-prompt'), `Q ${type} en`, `Q ${type} da`);
		if (type === 'single_choice' || type === 'multiple_choice') {
			const options = editor.getByTestId('option');
			await fillTexts(options.nth(0), 'Good', 'God');
			await fillTexts(options.nth(1), 'Poor', 'Dårlig');
		}
		if (type === 'scale') {
			await editor.getByTestId('scale-labels-toggle').check();
			await fillTexts(editor.getByTestId('scale-min'), 'Very poor', 'Meget dårlig');
			await fillTexts(editor.getByTestId('scale-max'), 'Excellent', 'Fremragende');
		}
		if (type === 'number') {
			await editor.getByTestId('number-min').fill('0');
			await editor.getByTestId('number-max').fill('60');
			await editor.getByTestId('number-pass-max').fill('5');
			await editor.getByTestId('checkpoint-weight').fill('2');
			await editor.getByTestId('number-unit-toggle').check();
			await fillTexts(editor.getByTestId('number-unit'), 'minutes', 'minutter');
		}
	}
	// The time checkpoint shows only when the yes/no one was answered yes.
	const timeEditor = page.getByTestId('checkpoint-editor').nth(TYPES.indexOf('time'));
	await timeEditor.getByTestId('condition-target').selectOption({ label: 'Q yes_no en' });
	await expect(timeEditor.getByTestId('condition-op')).toHaveValue('equals');
	await expect(timeEditor.getByTestId('condition-value')).toHaveValue('yes');
	// Untranslated languages are shown.
	await expect(timeEditor.getByTestId('untranslated').first()).toContainText('NB, PL');

	// A second stage, then reordering: by keyboard, and back by drag.
	await page.getByTestId('add-stage').click();
	await fillTexts(page.getByTestId('stage-title'), 'Checkout', 'Kassen');
	await page.getByTestId('new-checkpoint-type').selectOption('yes_no');
	await page.getByTestId('add-checkpoint').click();
	await fillTexts(
		page.getByTestId('checkpoint-editor').first().getByTestId('checkpoint-prompt'),
		'Receipt offered?',
		'Blev kvittering tilbudt?'
	);
	const stageItems = page.getByTestId('stage-item');
	const keys = async () => stageItems.evaluateAll((els) => els.map((e) => e.dataset.stageId));
	const [firstKey, secondKey] = await keys();
	await stageItems.nth(1).getByTestId('stage-select').focus();
	await page.keyboard.press('Alt+ArrowUp');
	expect(await keys()).toEqual([secondKey, firstKey]);
	await expect(stageItems.nth(0)).toContainText('Checkout');
	await stageItems.nth(1).dragTo(stageItems.nth(0));
	expect(await keys()).toEqual([firstKey, secondKey]);
	// Renaming keeps the key.
	await stageItems.nth(0).getByTestId('stage-select').click();
	await page.getByTestId('stage-title').locator('[data-locale="en"]').fill('Arrival and entrance');
	expect(await keys()).toEqual([firstKey, secondKey]);

	await expect(page.getByTestId('problem-count')).toHaveAttribute('data-count', '0');
	await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', {
		timeout: 15_000
	});
	expect.soft(await violations(page), 'editor').toEqual([]);

	// The shopper's stage screen, with conditions live; and the scoring preview.
	await page.getByTestId('view-preview').click();
	const preview = page.getByTestId('stage-preview');
	await expect(preview.getByTestId('preview-checkpoint')).toHaveCount(TYPES.length - 1);
	await preview
		.getByTestId('preview-checkpoint')
		.first()
		.getByRole('button', { name: 'Yes', exact: true })
		.click();
	await expect(preview.getByTestId('preview-checkpoint')).toHaveCount(TYPES.length);
	await preview.getByTestId('preview-language').selectOption('da');
	await expect(preview.getByRole('heading', { name: 'Q time da' })).toBeVisible();
	expect.soft(await violations(page), 'preview').toEqual([]);
	await page.getByTestId('view-scoring').click();
	await expect(page.getByTestId('scoring-stage')).toHaveCount(2);
	// Stage 1: yes/no, yes/no/na, scale, two choices at 1 each and the number at 2 = 7 points.
	await expect(page.getByTestId('stage-points').first()).toHaveText('7');
	await expect(page.getByTestId('stage-share').first()).toHaveText('50 %');
	expect.soft(await violations(page), 'scoring').toEqual([]);

	await page.getByTestId('publish').click();
	await expect(page.getByTestId('published')).toBeVisible();
	await expect(page.getByTestId('latest-version')).toHaveText('Version 1 published');
	await page.getByTestId('diff-link').click();
	await expect(page.getByTestId('diff-empty')).toBeVisible();
	expect.soft(await violations(page), 'diff').toEqual([]);

	const exported = await page.request.get(`/api/templates/${templateId}/versions/1`);
	expect(exported.status()).toBe(200);
	const template = (await exported.json()).template as JourneyTemplate;
	expect(template.stages.map((s) => s.id)).toEqual([firstKey, secondKey]);
	expect(template.stages[0]!.description).toEqual({
		en: 'Walk in slowly.',
		da: 'Gå langsomt ind.'
	});
	expect(template.stages[0]!.checkpoints.map((c) => c.response.type)).toEqual(TYPES);

	// The manager plans a visit of the new journey for the demo shopper at a competitor store,
	// with a brief in English and Danish; the shopper's tablet (Danish) pulls it, goes offline,
	// runs exactly that journey, and hands it in when back online.
	const baseURL = test.info().project.use.baseURL;
	const tablet = await browser.newContext({
		...devices['Galaxy Tab S9'],
		locale: 'da-DK',
		timezoneId: 'Europe/Copenhagen',
		baseURL,
		serviceWorkers: 'allow'
	});
	const shopper = await tablet.newPage();
	await signIn(shopper, SHOPPER);
	const shopperId = ((await (await shopper.request.get('/api/me')).json()) as { id: string }).id;

	await page.goto('/office/visits/new');
	const form = page.getByTestId('visit-form');
	await form.getByTestId('visit-template').selectOption(`${templateId}@1`);
	const store = form.getByTestId('visit-location');
	await store.selectOption(
		(await store.locator('option', { hasText: COMPETITOR }).getAttribute('value'))!
	);
	await form.getByTestId('visit-shopper').selectOption(shopperId);
	await form
		.getByTestId('visit-start')
		.fill(localOfInstant(Date.now() - 60 * 60 * 1000, 'Europe/Copenhagen'));
	await form
		.getByTestId('visit-end')
		.fill(localOfInstant(Date.now() + 2 * 24 * 60 * 60 * 1000, 'Europe/Copenhagen'));
	await form.getByTestId('brief-en').fill(BRIEF_EN);
	await form.getByTestId('brief-da').fill(BRIEF_DA);
	await form.getByTestId('visit-save').click();
	await expect(page.getByTestId('visits-planned')).toBeVisible();

	await shopper.reload();
	const card = shopper.getByTestId('assignment').filter({ hasText: BRIEF_DA });
	await expect(card).toBeVisible({ timeout: 30_000 });
	await expect(card).toContainText(COMPETITOR);
	await waitForServiceWorker(shopper);
	await goOffline(tablet);
	await shopper.reload();
	await card.getByTestId('start-assignment').click();
	await shopper.waitForURL(/\/stages\/0$/);
	const auditId = shopper.url().split('/audits/')[1]!.split('/')[0]!;
	await expect(shopper.getByTestId('stage-title')).toContainText('Ankomst');
	// The manager archives the journey while the visit is under way: the audit is finished and
	// handed in all the same (archiving stops new audits on it, nothing started).
	await page.goto(`/office/templates/${templateId}`);
	await page.getByTestId('archive').click();
	await expect(page.getByTestId('archived')).toBeVisible();
	await walkStages(shopper, template, { locale: 'da' });
	await shopper.getByTestId('finish-visit').click();
	await expect(shopper.getByTestId('ready-state')).toHaveText(uiText('da', 'overview.ready'));
	await shopper.getByTestId('mark-ready').click();
	await expect(shopper.getByTestId('audit-status')).toHaveText(uiText('da', 'status.queued'));
	await tablet.unrouteAll({ behavior: 'wait' });
	await tablet.setOffline(false);
	await expect(shopper.getByTestId('audit-status')).toHaveText(uiText('da', 'status.received'), {
		timeout: 60_000
	});

	// Its report: the new journey's stages, at the visit's store, in Danish.
	let pdf: Buffer | undefined;
	await expect(async () => {
		const answer = await page.request.get(`/api/audits/${auditId}/report`);
		expect(answer.status()).toBe(200);
		pdf = await answer.body();
	}).toPass({ timeout: 60_000 });
	const text = (await pdfToText(pdf!)).replace(/\s+/g, ' ');
	expect(text).toContain('Ankomst');
	expect(text).toContain('Kassen');
	expect(text).toContain(COMPETITOR);

	// Synced, the tablet's new-audit screen no longer offers the archived journey at any store;
	// restored in the office, it is offered again after the next pull. (Opening the screen
	// starts the app, which pulls; the screen reads what the pull stored, so try until it has.)
	const offersJourney = (offered: boolean) =>
		expect(async () => {
			await shopper.goto('/audits/new');
			await shopper.locator('label.choice', { hasText: COMPETITOR }).click();
			await expect(shopper.locator('input[name="template"]').first()).toBeVisible();
			await expect(shopper.locator(`input[name="template"][value="${templateId}"]`)).toHaveCount(
				offered ? 1 : 0,
				{ timeout: 1000 }
			);
		}).toPass({ timeout: 30_000 });
	await offersJourney(false);
	await page.getByTestId('restore').click();
	await expect(page.getByTestId('archived')).toHaveCount(0);
	await offersJourney(true);
	await tablet.close();

	// The office has it, on version 1 of the new template.
	const list = await page.request.get(`/api/audits?template=${templateId}`);
	expect(list.status()).toBe(200);
	const body = (await list.json()) as {
		items: { template: { id: string; version: number }; state: string }[];
	};
	expect(body.items.map((item) => [item.template.id, item.template.version, item.state])).toEqual([
		[templateId, 1, 'submitted']
	]);
	expect(body.items).toHaveLength(1);
});
