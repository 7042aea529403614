import type { Locale } from '$lib/domain/types';
import { en, type MessageKey, type Messages } from './messages/en';
import { da } from './messages/da';

/** A message is a plain string or, where a count decides the wording, one per plural category. */
export type Message = string | { one: string; other: string };
export type MessageParams = Record<string, string | number>;

/** Languages with a complete translation of the interface. */
export const UI_LOCALES = ['en', 'da'] as const satisfies readonly Locale[];
export type UiLocale = (typeof UI_LOCALES)[number];

const catalogues: Record<UiLocale, Messages> = { en, da };
const STORAGE_KEY = 'shopwalk.locale';

const intlTags: Record<Locale, string> = { en: 'en-GB', da: 'da-DK', nb: 'nb-NO', pl: 'pl-PL' };

function isUiLocale(value: unknown): value is UiLocale {
	return typeof value === 'string' && (UI_LOCALES as readonly string[]).includes(value);
}

/** Picks the first supported language from the browser's list, English otherwise. */
export function negotiateLocale(preferred: readonly string[]): UiLocale {
	for (const tag of preferred) {
		const base = tag.toLowerCase().split('-')[0];
		if (isUiLocale(base)) return base;
		// Norwegian Bokmål readers understand Danish better than English in a store checklist.
		if (base === 'nb' || base === 'no' || base === 'nn') return 'da';
	}
	return 'en';
}

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing param is noticed. */
export function interpolate(text: string, params: MessageParams | undefined): string {
	if (!params) return text;
	return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}

class I18n {
	#locale = $state<UiLocale>('en');

	get locale(): UiLocale {
		return this.#locale;
	}

	get intlTag(): string {
		return intlTags[this.#locale];
	}

	/** Restores the saved choice, or negotiates one from the browser. */
	init(): void {
		let saved: string | null = null;
		try {
			saved = localStorage.getItem(STORAGE_KEY);
		} catch {
			// Storage can be blocked; the browser's language is a fine default then.
		}
		this.setLocale(isUiLocale(saved) ? saved : negotiateLocale(navigator.languages ?? []));
	}

	setLocale(locale: UiLocale): void {
		this.#locale = locale;
		try {
			localStorage.setItem(STORAGE_KEY, locale);
		} catch {
			// Not saved; it still applies to this session.
		}
		if (typeof document !== 'undefined') document.documentElement.lang = locale;
	}

	t(key: MessageKey, params?: MessageParams): string {
		const message: Message = catalogues[this.#locale][key] ?? en[key];
		if (typeof message === 'string') return interpolate(message, params);
		const count = Number(params?.count ?? 0);
		const category = new Intl.PluralRules(this.intlTag).select(count) === 'one' ? 'one' : 'other';
		return interpolate(message[category], params);
	}

	formatDateTime(epochMs: number): string {
		return new Intl.DateTimeFormat(this.intlTag, {
			dateStyle: 'medium',
			timeStyle: 'short'
		}).format(epochMs);
	}

	formatTime(epochMs: number): string {
		return new Intl.DateTimeFormat(this.intlTag, { timeStyle: 'short' }).format(epochMs);
	}

	formatPercent(value: number): string {
		return new Intl.NumberFormat(this.intlTag, { maximumFractionDigits: 1 }).format(value) + ' %';
	}

	formatDuration(ms: number): string {
		const minutes = Math.round(ms / 60_000);
		if (minutes < 60) return this.t('duration.minutes', { count: minutes });
		return this.t('duration.hoursMinutes', {
			hours: Math.floor(minutes / 60),
			minutes: minutes % 60
		});
	}

	formatBytes(bytes: number): string {
		const mb = bytes / (1024 * 1024);
		const fmt = new Intl.NumberFormat(this.intlTag, { maximumFractionDigits: mb < 10 ? 1 : 0 });
		return mb >= 1 ? `${fmt.format(mb)} MB` : `${fmt.format(bytes / 1024)} KB`;
	}
}

/** The one i18n instance; components read `i18n.t(...)` so a language switch re-renders them. */
export const i18n = new I18n();

export type { MessageKey };
