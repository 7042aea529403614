import { en, type MessageKey as FieldMessageKey, type Messages } from './messages/en';
import type { MoreMessageKey, MoreMessages } from './more-messages/en';
import type { OfficeMessageKey, OfficeMessages } from './office-messages/en';
import {
	INTL_TAGS,
	isUiLocale,
	negotiateLocale,
	pluralText,
	type Message,
	type UiLocale
} from './locales';

export { isUiLocale, negotiateLocale, UI_LOCALES, LOCALE_NAMES } from './locales';
export type { Message, PluralMessage, UiLocale } from './locales';
export type MessageParams = Record<string, string | number>;

/**
 * The catalogues other than English, each its own chunk: the browser loads only the language in
 * use (English is bundled as the fallback). The service worker precaches every chunk Kit lists,
 * so switching language works offline too.
 */
const loaders: Record<Exclude<UiLocale, 'en'>, () => Promise<Messages>> = {
	da: () => import('./messages/da').then((m) => m.da),
	nb: () => import('./messages/nb').then((m) => m.nb),
	pl: () => import('./messages/pl').then((m) => m.pl)
};
const loaded: Partial<Record<UiLocale, Messages>> = { en };

/**
 * The texts beyond the core catalogue, so each screen downloads only what it shows (see
 * scripts/split-messages.js): "more" holds the field's screens other than the stage runner (home,
 * summary, sign-in…), loaded by the root layout for every route but the runner; "office" holds
 * the office pages', loaded by the office layout. Each language is its own chunk, English's loaded
 * as the fallback; the service worker precaches them all, so they load offline too.
 */
const extraLoaders = {
	more: {
		en: () => import('./more-messages/en').then((m) => m.moreEn),
		da: () => import('./more-messages/da').then((m) => m.moreDa),
		nb: () => import('./more-messages/nb').then((m) => m.moreNb),
		pl: () => import('./more-messages/pl').then((m) => m.morePl)
	},
	office: {
		en: () => import('./office-messages/en').then((m) => m.officeEn),
		da: () => import('./office-messages/da').then((m) => m.officeDa),
		nb: () => import('./office-messages/nb').then((m) => m.officeNb),
		pl: () => import('./office-messages/pl').then((m) => m.officePl)
	}
} satisfies Record<string, Record<UiLocale, () => Promise<MoreMessages | OfficeMessages>>>;
type ExtraCatalogue = keyof typeof extraLoaders;
const loadedExtras: Record<ExtraCatalogue, Partial<Record<UiLocale, AnyCatalogue>>> = {
	more: {},
	office: {}
};

/** Every key of the interface: the core's (always loaded), the field screens' and the office's. */
export type MessageKey = FieldMessageKey | MoreMessageKey | OfficeMessageKey;
type AnyCatalogue = Partial<Record<MessageKey, Message>>;

async function loadExtra(which: ExtraCatalogue, locale: UiLocale): Promise<void> {
	await Promise.all(
		[...new Set<UiLocale>(['en', locale])].map(async (tag) => {
			loadedExtras[which][tag] ??= await extraLoaders[which][tag]();
		})
	);
}

/** Loads the field screens' texts of `locale` (and English's), once; kept for language switches. */
export async function loadMoreCatalogue(locale: UiLocale): Promise<void> {
	moreWanted = true;
	await loadExtra('more', locale);
	i18n.refreshExtras();
}

/** Loads the office's texts of `locale` (and English's), once. */
export async function loadOfficeCatalogue(locale: UiLocale): Promise<void> {
	await loadExtra('office', locale);
	i18n.refreshExtras();
}

/** Whether a screen beyond the runner asked for the "more" texts (a switch then loads them too). */
let moreWanted = false;

/** Loads the catalogue of `locale` once; later calls resolve at once. */
export async function loadCatalogue(locale: UiLocale): Promise<Messages> {
	const known = loaded[locale];
	if (known) return known;
	const messages = await loaders[locale as Exclude<UiLocale, 'en'>]();
	loaded[locale] = messages;
	return messages;
}

/** Whether `locale`'s catalogue is in memory (English always is). */
export function isCatalogueLoaded(locale: UiLocale): boolean {
	return loaded[locale] !== undefined;
}

const STORAGE_KEY = 'shopwalk.locale';

/** The cookie carrying the chosen language to the server, which renders the office in it. */
export const LOCALE_COOKIE = 'shopwalk_locale';
/** The cookie carrying the browser's IANA time zone, so the office shows times and days in it. */
export const TIME_ZONE_COOKIE = 'shopwalk_tz';
const ONE_YEAR_S = 365 * 24 * 60 * 60;

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
	/** The active language's catalogue; English until another one is loaded and applied. */
	#messages = $state.raw<Messages>(en);
	/** The active language's texts of the extra catalogues loaded so far (see `extraLoaders`). */
	#extras = $state.raw<AnyCatalogue>({});
	#initialized: Promise<void> | null = null;
	/** undefined: the runtime's own zone (the browser's, on the device). */
	#timeZone = $state<string | undefined>(undefined);

	get locale(): UiLocale {
		return this.#locale;
	}

	get timeZone(): string | undefined {
		return this.#timeZone;
	}

	get intlTag(): string {
		return INTL_TAGS[this.#locale];
	}

	/**
	 * The device's saved choice, else one negotiated from the browser's languages: loads its
	 * catalogue and applies it. The field app awaits this before its first render.
	 */
	init(): Promise<void> {
		this.#initialized ??= this.#init();
		return this.#initialized;
	}

	async #init(): Promise<void> {
		let saved: string | null = null;
		try {
			saved = localStorage.getItem(STORAGE_KEY);
		} catch {
			// Storage can be blocked; the browser's language is a fine default then.
		}
		await this.use(isUiLocale(saved) ? saved : negotiateLocale(navigator.languages ?? []));
	}

	/** Loads `locale`'s catalogue (once) and switches to it; English if it cannot be loaded. */
	async use(locale: UiLocale): Promise<void> {
		try {
			await Promise.all([loadCatalogue(locale), moreWanted ? loadExtra('more', locale) : null]);
		} catch {
			// A chunk that cannot be fetched (offline before the service worker cached it): the
			// interface stays readable in the fallback until the next try.
			return;
		}
		this.setLocale(locale);
	}

	/**
	 * Switches to `locale`, whose catalogue must already be loaded (`use` loads it); remembers the
	 * choice on the device and in the cookie the office reads.
	 */
	setLocale(locale: UiLocale): void {
		const messages = loaded[locale];
		if (!messages) throw new Error(`The ${locale} catalogue is not loaded`);
		this.#locale = locale;
		this.#messages = messages;
		this.refreshExtras();
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
		// The office's universal layout load has loaded the catalogue; English if not.
		const messages = loaded[locale];
		this.#locale = messages ? locale : 'en';
		this.#messages = messages ?? en;
		this.#timeZone = timeZone;
		this.refreshExtras();
	}

	/** Picks up the extra texts of the active language (after they were loaded). */
	refreshExtras(): void {
		const { more, office } = loadedExtras;
		this.#extras = { ...more.en, ...office.en, ...more[this.#locale], ...office[this.#locale] };
	}

	/** Whether `key` names a text of a catalogue loaded now (for keys made from codes). */
	has(key: string): key is MessageKey {
		return key in this.#messages || key in en || key in this.#extras;
	}

	t(key: MessageKey, params?: MessageParams): string {
		const message: Message | undefined =
			(this.#messages as AnyCatalogue)[key] ?? (en as AnyCatalogue)[key] ?? this.#extras[key];
		// A text whose catalogue has not arrived: the key, visibly, rather than a crash.
		if (message === undefined) return key;
		if (typeof message === 'string') return interpolate(message, params);
		return interpolate(pluralText(message, Number(params?.count ?? 0), this.#locale), params);
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
