import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isNegativeAnswer } from '../../src/lib/domain/answer-rules';
import { localize } from '../../src/lib/domain/text';
import type { AnswerValue, Checkpoint, JourneyTemplate } from '../../src/lib/domain/types';
import { visibleCheckpointIds } from '../../src/lib/domain/visibility';
import type { UiLocale } from '../../src/lib/i18n/locales';
import { da } from '../../src/lib/i18n/messages/da';
import { en, type Messages } from '../../src/lib/i18n/messages/en';
import { nb } from '../../src/lib/i18n/messages/nb';
import { pl } from '../../src/lib/i18n/messages/pl';
import { moreDa } from '../../src/lib/i18n/more-messages/da';
import { moreEn, type MoreMessages } from '../../src/lib/i18n/more-messages/en';
import { moreNb } from '../../src/lib/i18n/more-messages/nb';
import { morePl } from '../../src/lib/i18n/more-messages/pl';
import { officeDa } from '../../src/lib/i18n/office-messages/da';
import { officeEn, type OfficeMessages } from '../../src/lib/i18n/office-messages/en';
import { officeNb } from '../../src/lib/i18n/office-messages/nb';
import { officePl } from '../../src/lib/i18n/office-messages/pl';

// What the end-to-end walks through the shopper's app share: fixture photos, the answers a
// shopper gives, answering a checkpoint card, and going offline for real.

const photos = join(import.meta.dirname, '../../../shared/fixtures/photos');

/** A fixture photo as Playwright's `setInputFiles` takes it. */
export const fixture = (name: string) => ({
	name,
	mimeType: name.endsWith('.png') ? 'image/png' : 'image/jpeg',
	buffer: readFileSync(join(photos, name))
});

/** A percentage as the app shows it in English. */
export const percent = (value: number | null) =>
	value === null
		? '–'
		: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(value) + ' %';

/** The text a shopper types into a text answer. */
export const TEXT_PL =
	'Sprzedawca zaproponował gwarancję — źle, że nie wyjaśnił warunków. Łódź, żółć.';

/**
 * The answer the shopper gives to each checkpoint type: `no` for `negative`, `na` for `na`, else
 * a good answer.
 */
export function plannedAnswer(
	checkpoint: Checkpoint,
	special: { negative?: string; na?: string } = {}
): AnswerValue {
	const spec = checkpoint.response;
	if (checkpoint.id === special.negative) return 'no';
	if (checkpoint.id === special.na) return 'na';
	switch (spec.type) {
		case 'yes_no':
		case 'yes_no_na':
			return 'yes';
		case 'scale':
			return 4;
		case 'single_choice':
			return spec.options[0]!.id;
		case 'multiple_choice':
			return spec.options.slice(0, 2).map((o) => o.id);
		case 'number':
			return spec.pass?.max ?? spec.pass?.min ?? spec.max ?? spec.min ?? 3;
		case 'text':
			return TEXT_PL;
		case 'time':
			return '10:15';
	}
}

/** The interface text of each language, as the app shows it: the field's and the office's. */
export const CATALOGUES: Record<UiLocale, Messages & MoreMessages & OfficeMessages> = {
	en: { ...en, ...moreEn, ...officeEn },
	da: { ...da, ...moreDa, ...officeDa },
	nb: { ...nb, ...moreNb, ...officeNb },
	pl: { ...pl, ...morePl, ...officePl }
};

/** A plain (not counted) interface text in `locale`. */
export function uiText(
	locale: UiLocale,
	key: keyof Messages | keyof MoreMessages | keyof OfficeMessages
): string {
	const message = CATALOGUES[locale][key];
	if (typeof message !== 'string') throw new Error(`${key} is a plural message`);
	return message;
}

function label(checkpoint: Checkpoint, optionId: string, locale: UiLocale): string {
	const spec = checkpoint.response;
	if (spec.type !== 'single_choice' && spec.type !== 'multiple_choice') return optionId;
	return localize(spec.options.find((o) => o.id === optionId)!.label, locale);
}

/** Gives `value` on a checkpoint card, as a person would, reading the labels in `locale`. */
export async function answer(
	card: Locator,
	checkpoint: Checkpoint,
	value: AnswerValue,
	locale: UiLocale = 'en'
): Promise<void> {
	const spec = checkpoint.response;
	const group = card.getByRole('group');
	const text = (key: keyof Messages | keyof MoreMessages) => uiText(locale, key);
	switch (spec.type) {
		case 'yes_no':
		case 'yes_no_na':
			await group
				.getByRole('button', {
					name: { yes: text('answer.yes'), no: text('answer.no'), na: text('answer.na') }[
						value as 'yes'
					],
					exact: true
				})
				.click();
			break;
		case 'scale':
			await group
				.getByRole('button', { name: text('answer.scaleLabel').replace('{n}', String(value)) })
				.click();
			break;
		case 'single_choice':
			await group
				.getByRole('button', { name: label(checkpoint, value as string, locale), exact: true })
				.click();
			break;
		case 'multiple_choice':
			for (const id of value as string[]) {
				await group
					.getByRole('button', { name: label(checkpoint, id, locale), exact: true })
					.click();
				await expect(card.getByText(text('common.saving'))).toHaveCount(0);
			}
			break;
		case 'number':
			await group.locator('input').fill(String(value));
			await group.locator('input').press('Tab');
			break;
		case 'text':
			await group.locator('textarea').fill(value as string);
			await group.locator('textarea').blur();
			break;
		case 'time':
			await group.locator('input[type="time"]').fill(value as string);
			await group.locator('input[type="time"]').dispatchEvent('change');
			break;
	}
}

/** Offline for real: the page's requests and the service worker's own. */
export async function goOffline(context: BrowserContext): Promise<void> {
	await context.setOffline(true);
	await context.route('**', (route) =>
		route.request().serviceWorker() ? route.abort('internetdisconnected') : route.fallback()
	);
}

export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready);
	if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/**
 * Walks every stage of `template` on the stage screens, answering each visible checkpoint (with
 * `answerFor`, by default `plannedAnswer`), writing `note` where a negative answer needs one and
 * attaching the fixture `photo` where a photo is required; `onStage` runs as each stage opens.
 * Returns what was answered.
 */
export async function walkStages(
	page: Page,
	template: JourneyTemplate,
	options: {
		locale?: UiLocale;
		answerFor?: (checkpoint: Checkpoint) => AnswerValue;
		note?: string;
		photo?: string;
		onStage?: (index: number) => Promise<void>;
	} = {}
): Promise<Map<string, AnswerValue>> {
	const locale = options.locale ?? 'en';
	const answerFor = options.answerFor ?? ((checkpoint: Checkpoint) => plannedAnswer(checkpoint));
	const given = new Map<string, AnswerValue>();
	for (const [index, stage] of template.stages.entries()) {
		await expect(page.getByTestId('stage-title')).toContainText(localize(stage.title, locale));
		await options.onStage?.(index);
		// Answering may reveal follow-up checkpoints; keep going until every visible one is done.
		for (;;) {
			const visible = visibleCheckpointIds(template, given);
			const next = stage.checkpoints.find((c) => visible.has(c.id) && !given.has(c.id));
			if (!next) break;
			const card = page.locator(`[data-checkpoint-id="${next.id}"]`);
			const value = answerFor(next);
			await answer(card, next, value, locale);
			given.set(next.id, value);
			if (isNegativeAnswer(next.response, value) && next.evidence.noteOnNegative) {
				await card.getByTestId('note').fill(options.note ?? 'Needed a note.');
				await card.getByTestId('note').blur();
			}
			if (next.evidence.photo === 'required') {
				await card
					.getByTestId('photo-input')
					.setInputFiles(fixture(options.photo ?? 'receipt.jpg'));
				await expect(card.getByTestId('photo-strip')).toHaveAttribute('data-photo-count', '1', {
					timeout: 30_000
				});
			}
		}
		await expect(page.getByTestId('save-state')).toHaveText(uiText(locale, 'common.savedOnDevice'));
		await page
			.getByTestId(index < template.stages.length - 1 ? 'next-stage' : 'finish-stages')
			.click();
	}
	return given;
}
