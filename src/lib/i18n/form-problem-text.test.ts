import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FORM_PROBLEM_CODES } from '$lib/contract/form-problem';
import { i18n, loadMoreCatalogue } from './i18n.svelte';
import { formProblemText } from './form-problem-text';

describe('formProblemText', () => {
	// The form problems' texts are, like the refusals', among the "more" texts the office loads.
	beforeAll(async () => {
		for (const locale of ['en', 'da', 'pl'] as const) await loadMoreCatalogue(locale);
	});
	afterEach(async () => {
		await i18n.use('en');
	});

	it('words a problem in Danish and in Polish with the values its sentence names', async () => {
		const twice = {
			code: 'duplicate_location',
			params: { row: 3 },
			message: 'The same location as row 3.'
		};
		const archived = {
			code: 'location_archived',
			params: { name: 'Nørreport' },
			message: 'Nørreport is archived.'
		};
		await i18n.use('da');
		expect(formProblemText(twice)).toBe('Samme butik som række 3.');
		expect(formProblemText(archived)).toBe('Nørreport er arkiveret.');
		expect(formProblemText({ code: 'too_long', params: { max: 200 }, message: 'x' })).toBe(
			'Højst 200 tegn.'
		);
		await i18n.use('pl');
		expect(formProblemText(twice)).toBe('Ten sam sklep co w wierszu 3.');
		expect(formProblemText({ code: 'too_many_rows', params: { max: 2000 }, message: 'x' })).toBe(
			'Najwyżej 2000 sklepów w jednym pliku.'
		);
	});

	it('gives an English reader the service’s sentence, which its text matches', () => {
		const problem = {
			code: 'window_not_after_start',
			message: 'The window must end after it starts.'
		};
		expect(formProblemText(problem)).toBe(problem.message);
		expect(i18n.t('formProblem.window_not_after_start')).toBe(problem.message);
	});

	it('keeps, for English readers, a schema’s exact sentence over the general text', () => {
		const problem = {
			code: 'too_long',
			params: { max: 200 },
			message: 'Invalid length: Expected <=200 but received 201'
		};
		expect(formProblemText(problem)).toBe(problem.message);
	});

	it('falls back to the service’s message for an unknown code or none', async () => {
		await i18n.use('da');
		expect(formProblemText({ code: 'no_such_code', message: 'Something specific.' })).toBe(
			'Something specific.'
		);
		expect(formProblemText({ message: 'From an older server.' })).toBe('From an older server.');
		expect(formProblemText({ code: null, message: 'No code.' })).toBe('No code.');
	});

	it('has a text for every code the services give', () => {
		for (const code of FORM_PROBLEM_CODES) expect(i18n.has(`formProblem.${code}`), code).toBe(true);
	});
});
