import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnswerValue, Checkpoint } from '../../src/lib/domain/types';

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

function label(checkpoint: Checkpoint, optionId: string): string {
	const spec = checkpoint.response;
	if (spec.type !== 'single_choice' && spec.type !== 'multiple_choice') return optionId;
	return spec.options.find((o) => o.id === optionId)!.label.en;
}

/** Gives `value` on a checkpoint card, as a person would (English labels). */
export async function answer(
	card: Locator,
	checkpoint: Checkpoint,
	value: AnswerValue
): Promise<void> {
	const spec = checkpoint.response;
	const group = card.getByRole('group');
	switch (spec.type) {
		case 'yes_no':
		case 'yes_no_na':
			await group
				.getByRole('button', {
					name: { yes: 'Yes', no: 'No', na: 'N/A' }[value as 'yes'],
					exact: true
				})
				.click();
			break;
		case 'scale':
			await group.getByRole('button', { name: `${value} of 5` }).click();
			break;
		case 'single_choice':
			await group
				.getByRole('button', { name: label(checkpoint, value as string), exact: true })
				.click();
			break;
		case 'multiple_choice':
			for (const id of value as string[]) {
				await group.getByRole('button', { name: label(checkpoint, id), exact: true }).click();
				await expect(card.getByText('Saving…')).toHaveCount(0);
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
