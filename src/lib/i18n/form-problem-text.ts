import { SCHEMA_PROBLEM_CODES } from '$lib/contract/form-problem';
import { i18n, type MessageParams } from './i18n.svelte';

/** What the office knows of one problem of a refused form or import (`details.problems[]`). */
export interface FormProblemLike {
	/** The service's stable code (`FORM_PROBLEM_CODES`); absent from an older server's answer. */
	code?: string | null;
	/** The values the sentence names (a row, a name, a limit). */
	params?: MessageParams | null;
	/** The service's English sentence. */
	message: string;
}

/**
 * Codes whose service sentence is written per value (a schema check, the CSV parser): their
 * English text can only be general ("At most {max} characters."), so an English reader keeps the
 * service's more exact sentence, and English stays what the service says.
 */
const SPECIFIC_IN_ENGLISH = new Set<string>([...SCHEMA_PROBLEM_CODES, 'csv_unreadable']);

/**
 * A form problem in the reader's language: the `formProblem.<code>` text with its params when the
 * catalogue has one, else the service's sentence, so a problem is never shown blank. Kept apart
 * from `refusal-text.ts`, which the office error page (a core screen) imports: these keys must stay
 * out of the stage runner's core catalogue.
 */
export function formProblemText(problem: FormProblemLike): string {
	const code = problem.code ?? '';
	const key = code ? `formProblem.${code}` : '';
	if (!key || !i18n.has(key)) return problem.message;
	if (i18n.locale === 'en' && SPECIFIC_IN_ENGLISH.has(code) && problem.message)
		return problem.message;
	return i18n.t(key, problem.params ?? undefined);
}
