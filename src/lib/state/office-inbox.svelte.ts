import { createOfficeApi, type OfficeApi } from '$lib/client/api/office-api';
import { SERVER_AUDIT_STATES, type ServerAuditState } from '$lib/contract/sync';
import { type AuditListItem } from '$lib/contract/office';
import { dayRangeBounds, startOfLocalDay } from './day-range';

export interface InboxFilters {
	state: ServerAuditState | '';
	kind: 'own' | 'competitor' | '';
	template: string;
	/** First day received, `YYYY-MM-DD` in the browser's time zone; '' for no limit. */
	from: string;
	/** Last day received (inclusive), like `from`. */
	to: string;
}

/** Why the chosen days cannot be searched: a day that does not exist, or from after to. */
export type DateProblem = 'invalid' | 'reversed';

/** The ids the list endpoint accepts as a filter. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

const NO_FILTERS: InboxFilters = { state: '', kind: '', template: '', from: '', to: '' };

/**
 * The filters a page address carries (`?state=&kind=&template=&from=&to=`, days as
 * `YYYY-MM-DD`), so they survive a reload and can be bookmarked. Values that cannot be a filter
 * are dropped.
 */
export function filtersFromSearch(params: URLSearchParams): InboxFilters {
	const state = params.get('state') ?? '';
	const kind = params.get('kind') ?? '';
	const template = params.get('template') ?? '';
	const day = (name: string) => {
		const value = params.get(name) ?? '';
		return startOfLocalDay(value) === null ? '' : value;
	};
	return {
		state: (SERVER_AUDIT_STATES as readonly string[]).includes(state)
			? (state as ServerAuditState)
			: '',
		kind: kind === 'own' || kind === 'competitor' ? kind : '',
		template: ID.test(template) ? template : '',
		from: day('from'),
		to: day('to')
	};
}

/** The query string (without `?`; '' for no filter) that carries `filters` in the page address. */
export function queryOfFilters(filters: InboxFilters): string {
	const params = new URLSearchParams();
	for (const name of ['state', 'kind', 'template', 'from', 'to'] as const) {
		if (filters[name]) params.set(name, filters[name]);
	}
	return params.toString();
}

/** The manager's list of received audits, a page at a time. */
export class OfficeInbox {
	#api: Pick<OfficeApi, 'listAudits'>;
	#items = $state.raw<AuditListItem[]>([]);
	#next = $state<string | null>(null);
	#loading = $state(false);
	#failed = $state(false);
	/** Only the newest request may fill the list; a slower older answer is dropped. */
	#request = 0;
	/** What the list is narrowed to; change it, then `reload()`. */
	filters = $state<InboxFilters>({ ...NO_FILTERS });

	constructor(options: { filters?: InboxFilters; api?: Pick<OfficeApi, 'listAudits'> } = {}) {
		this.#api = options.api ?? createOfficeApi();
		if (options.filters) this.filters = { ...options.filters };
	}

	get items(): readonly AuditListItem[] {
		return this.#items;
	}

	get hasMore(): boolean {
		return this.#next !== null;
	}

	get loading(): boolean {
		return this.#loading;
	}

	get failed(): boolean {
		return this.#failed;
	}

	/** Why the chosen days cannot be searched, or null when they can (or none are chosen). */
	get dateProblem(): DateProblem | null {
		const range = dayRangeBounds(this.filters.from, this.filters.to);
		return range.ok ? null : range.problem;
	}

	get hasDates(): boolean {
		return this.filters.from !== '' || this.filters.to !== '';
	}

	/** The page address's query string (no `?`) for the current filters; see `filtersFromSearch`. */
	get query(): string {
		return queryOfFilters(this.filters);
	}

	/** Loads the first page again. */
	async reload(): Promise<void> {
		await this.#load(null, true);
	}

	async loadMore(): Promise<void> {
		if (this.#next) await this.#load(this.#next, false);
	}

	/** Drops the day filter and loads the first page again. */
	async clearDates(): Promise<void> {
		this.filters.from = '';
		this.filters.to = '';
		await this.reload();
	}

	async #load(cursor: string | null, replace: boolean): Promise<void> {
		const request = ++this.#request;
		const range = dayRangeBounds(this.filters.from, this.filters.to);
		if (!range.ok) {
			// Nothing to ask for: the page says what is wrong with the days instead.
			this.#items = [];
			this.#next = null;
			this.#failed = false;
			this.#loading = false;
			return;
		}
		this.#loading = true;
		this.#failed = false;
		try {
			const page = await this.#api.listAudits({
				cursor,
				limit: 50,
				state: this.filters.state || undefined,
				kind: this.filters.kind || undefined,
				template: this.filters.template || undefined,
				receivedFrom: range.bounds.from,
				receivedBefore: range.bounds.before
			});
			if (request !== this.#request) return;
			this.#items = replace ? page.items : [...this.#items, ...page.items];
			this.#next = page.nextCursor;
		} catch {
			if (request === this.#request) this.#failed = true;
		} finally {
			if (request === this.#request) this.#loading = false;
		}
	}
}
