import { describe, expect, it } from 'vitest';
import { briefFromText, isLocalizedText, parseStoredBrief, toBrief } from './brief';
import { localize } from './text';

const OLD_SEED =
	'Returnér et par hovedtelefoner, købt for tre uger siden.\n\nEN: Return a pair of headphones bought three weeks ago.';

describe('briefs', () => {
	it('splits the old seed format into Danish and English', () => {
		expect(briefFromText(OLD_SEED)).toEqual({
			en: 'Return a pair of headphones bought three weeks ago.',
			da: 'Returnér et par hovedtelefoner, købt for tre uger siden.'
		});
	});

	it('reads any other string as English', () => {
		expect(briefFromText('Ask about the warranty.')).toEqual({ en: 'Ask about the warranty.' });
		expect(briefFromText('Two paragraphs.\n\nStill English.')).toEqual({
			en: 'Two paragraphs.\n\nStill English.'
		});
		expect(briefFromText('')).toEqual({ en: '' });
	});

	it('reads a stored column: JSON of a LocalizedText, else an old string', () => {
		expect(parseStoredBrief('{"en":"Ask","pl":"Zapytaj"}')).toEqual({ en: 'Ask', pl: 'Zapytaj' });
		expect(parseStoredBrief(OLD_SEED).da).toContain('hovedtelefoner');
		expect(parseStoredBrief('42')).toEqual({ en: '42' });
		expect(parseStoredBrief('{"da":"uden engelsk"}')).toEqual({ en: '{"da":"uden engelsk"}' });
	});

	it('knows a LocalizedText when it sees one', () => {
		expect(isLocalizedText({ en: 'a', nb: 'b' })).toBe(true);
		expect(isLocalizedText({ en: 'a', fr: 'b' })).toBe(false);
		expect(isLocalizedText({ en: 1 })).toBe(false);
		expect(isLocalizedText(['en'])).toBe(false);
		expect(toBrief({ en: 'a', da: 'b' })).toEqual({ en: 'a', da: 'b' });
	});

	it('is shown in the shopper’s language, else in English', () => {
		const brief = toBrief({ en: 'Ask about the warranty.', pl: 'Zapytaj o gwarancję.' });
		expect(localize(brief, 'pl')).toBe('Zapytaj o gwarancję.');
		expect(localize(brief, 'nb')).toBe('Ask about the warranty.');
		expect(localize(toBrief(OLD_SEED), 'da')).toContain('hovedtelefoner');
	});
});
