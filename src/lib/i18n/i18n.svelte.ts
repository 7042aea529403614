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

/** The cookie carrying the chosen language to the server, which renders the office in it. */
export const LOCALE_COOKIE = 'shopwalk_locale';
/** The cookie carrying the browser's IANA time zone, so the office shows times and days in it. */
export const TIME_ZONE_COOKIE = 'shopwalk_tz';
const ONE_YEAR_S = 365 * 24 * 60 * 60;

const intlTags: Record<Locale, string> = { en: 'en-GB', da: 'da-DK', nb: 'nb-NO', pl: 'pl-PL' };

export function isUiLocale(value: unknown): value is UiLocale {
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

/** Whether `value` names a time zone this runtime knows (`Europe/Copenhagen`, `UTC`). */
export function isTimeZone(value: unknown): value is string {
	if (typeof value !== 'string' || value === '' || value.length > 64) return false;
	try {
		new Intl.DateTimeFormat('en', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}

class I18n {
	#locale = $state<UiLocale>('en');
	/** undefined: the runtime's own zone (the browser's, on the device). */
	#timeZone = $state<string | undefined>(undefined);

	get locale(): UiLocale {
		return this.#locale;
	}

	get timeZone(): string | undefined {
		return this.#timeZone;
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
		if (typeof document === 'undefined') return;
		try {
			localStorage.setItem(STORAGE_KEY, locale);
		} catch {
			// Not saved; it still applies to this session.
		}
		document.documentElement.lang = locale;
		document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${ONE_YEAR_S}; samesite=lax`;
	}

	/** Shows times in `timeZone` (the office, where the server chose it); undefined: the browser's. */
	setTimeZone(timeZone: string | undefined): void {
		this.#timeZone = timeZone;
	}

	/**
	 * Server rendering: the language and time zone of the request being rendered, set by the root
	 * layout before anything else renders.
	 *
	 * Why a shared singleton is safe here: Svelte's server `render()` is synchronous (this app does
	 * not enable `experimental.async`), and SvelteKit calls it once per request after every load
	 * has finished. Between this call at the top of the root layout and the end of the HTML string
	 * no other request's code can run — JavaScript runs one thing at a time and there is no `await`
	 * in between — so concurrent requests cannot see each other's language. Every server render
	 * passes through the root layout, so each one starts from its own values. The alternative, a
	 * translator per request provided through context, would make every shared component (used by
	 * the client-rendered field wing too) read context instead of this reactive singleton. If async
	 * SSR is ever enabled, this must become that context.
	 */
	renderWith(locale: UiLocale, timeZone: string): void {
		this.#locale = locale;
		this.#timeZone = timeZone;
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
			timeStyle: 'short',
			timeZone: this.#timeZone
		}).format(epochMs);
	}

	formatTime(epochMs: number): string {
		return new Intl.DateTimeFormat(this.intlTag, {
			timeStyle: 'short',
			timeZone: this.#timeZone
		}).format(epochMs);
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
