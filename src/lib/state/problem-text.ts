import type { TemplateProblemCode } from '$lib/domain/template-check';
import { i18n } from '$lib/i18n/i18n.svelte';

/**
 * The builder's problems in the reader's language: a template problem by its code (the domain's
 * English sentence is the API's), an import problem by its code and offending value.
 */
export function templateProblemText(code: TemplateProblemCode | string): string {
	const key = `builder.problem.${code}`;
	return i18n.has(key) ? i18n.t(key) : code;
}

export interface ImportProblemView {
	code?: string;
	value?: string;
	message: string;
	row?: number;
	column?: string | null;
	path?: string;
}

export function importProblemText(problem: ImportProblemView): string {
	if (!problem.code) return i18n.t('builder.import.structure');
	const csv = `builder.csv.${problem.code}`;
	if (i18n.has(csv)) return i18n.t(csv, { value: problem.value ?? '' });
	return templateProblemText(problem.code);
}
