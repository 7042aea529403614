import type { LocalizedText } from '$lib/domain/types';
import { instantOfLocal } from '$lib/domain/zoned-time';
import { parseLocationInput } from '../services/locations';

/** A text field of a form ('' when absent or a file). */
export function field(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

/** The location form as the API's LocationInput, validated by the same contract. */
export function locationFromForm(form: FormData) {
	return parseLocationInput({
		name: field(form, 'name'),
		kind: field(form, 'kind'),
		brand: field(form, 'brand'),
		region: field(form, 'region'),
		address: field(form, 'address'),
		timeZone: field(form, 'timeZone')
	});
}

/** The brief's languages: one textarea each, `brief.en`, `brief.da`, … */
export function briefFromForm(form: FormData): LocalizedText {
	const brief: LocalizedText = { en: field(form, 'brief.en') };
	for (const locale of ['da', 'nb', 'pl'] as const) {
		const text = field(form, `brief.${locale}`);
		if (text.trim()) brief[locale] = text;
	}
	return brief;
}

/** A `datetime-local` value read in the store's zone; -1 (refused by the contract) when malformed. */
export function instantFromForm(form: FormData, name: string, timeZone: string): number {
	return instantOfLocal(field(form, name), timeZone) ?? -1;
}

/** `templateId@version` as the template select sends it. */
export function templateFromForm(form: FormData): { templateId: string; templateVersion: number } {
	const [templateId = '', version = ''] = field(form, 'template').split('@');
	return { templateId, templateVersion: Number(version) || 0 };
}
