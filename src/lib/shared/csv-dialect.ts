import type { UiLocale } from '$lib/i18n/locales';

/**
 * The CSV dialect of an export per language, chosen for the spreadsheet programs people open it
 * in. Excel splits a CSV by the list separator of the computer's regional settings and reads
 * numbers with its decimal separator: in Danish, Norwegian and Polish settings those are `;` and
 * `,`, in English ones `,` and `.`. So a file is written in the convention of its language. (The
 * server writes a UTF-8 byte-order mark so Excel reads æøå and ąęł; no `sep=` line, because with
 * one Excel ignores the mark.) Shared so the office can say which delimiter a file will have.
 */
export const CSV_DIALECT: Record<UiLocale, { delimiter: ',' | ';'; decimal: '.' | ',' }> = {
	en: { delimiter: ',', decimal: '.' },
	da: { delimiter: ';', decimal: ',' },
	nb: { delimiter: ';', decimal: ',' },
	pl: { delimiter: ';', decimal: ',' }
};
