import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18n, loadMoreCatalogue } from './i18n.svelte';
import { refusalText } from './refusal-text';

describe('refusalText', () => {
	// The refusal texts are among the field's other screens' ("more"), which the office loads.
	beforeAll(async () => {
		for (const locale of ['en', 'da', 'pl'] as const) await loadMoreCatalogue(locale);
	});
	afterEach(async () => {
		await i18n.use('en');
	});

	it('gives the translation of a known code in Danish and in Polish', async () => {
		const refusal = { code: 'email_taken', message: 'This email already has an account.' };
		await i18n.use('da');
		expect(refusalText(refusal)).toBe('Denne e-mail har allerede en konto.');
		await i18n.use('pl');
		expect(refusalText(refusal)).toBe('Ten adres e-mail ma już konto.');
	});

	it('keeps the English text of a known code the service’s sentence, for English readers', () => {
		expect(refusalText({ code: 'visit_not_found', message: 'There is no such visit.' })).toBe(
			'There is no such visit.'
		);
	});

	it('keeps, for English readers, the exact sentence of a code whose text can only be general', async () => {
		const refusal = { code: 'invalid_visit', message: 'The window must end after it starts.' };
		expect(refusalText(refusal)).toBe('The window must end after it starts.');
		await i18n.use('da');
		expect(refusalText(refusal)).not.toBe(refusal.message);
		expect(refusalText(refusal)).toBe(i18n.t('refusal.invalid_visit'));
	});

	it('falls back to the service’s message for a code without a text', async () => {
		await i18n.use('da');
		expect(refusalText({ code: 'no_such_code', message: 'Something specific.' })).toBe(
			'Something specific.'
		);
	});

	it('shows the message as given when the page already put it into words (no code)', async () => {
		await i18n.use('pl');
		expect(refusalText({ code: null, message: 'Już przetłumaczone.' })).toBe('Już przetłumaczone.');
		expect(refusalText({ message: 'Already in words.' })).toBe('Already in words.');
	});

	it('gives the caller’s own fallback, when it has one, for a code without a text', () => {
		expect(refusalText({ code: 'internal_error', message: 'Internal' }, 'Try again.')).toBe(
			'Try again.'
		);
		// A code with a text: its text, never the fallback (in English its exact sentence).
		expect(refusalText({ code: 'forbidden', message: 'Only admins.' }, 'Try again.')).toBe(
			'Only admins.'
		);
		expect(refusalText({ code: 'template_not_found', message: '' }, 'Try again.')).toBe(
			i18n.t('refusal.template_not_found')
		);
	});
});
