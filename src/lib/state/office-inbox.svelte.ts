import { createOfficeApi } from '$lib/client/api/office-api';
import type { AuditListItem, ServerAuditState } from '$lib/contract/sync';

export interface InboxFilters {
	state: ServerAuditState | '';
	kind: 'own' | 'competitor' | '';
	template: string;
}

const api = createOfficeApi();

/** The manager's list of received audits, a page at a time. */
export class OfficeInbox {
	#items = $state.raw<AuditListItem[]>([]);
	#next = $state<string | null>(null);
	#loading = $state(false);
	#failed = $state(false);
	/** What the list is narrowed to; change it, then `reload()`. */
	filters = $state<InboxFilters>({ state: '', kind: '', template: '' });

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

	/** Loads the first page again. */
	async reload(): Promise<void> {
		await this.#load(null, true);
	}

	async loadMore(): Promise<void> {
		if (this.#next) await this.#load(this.#next, false);
	}

	async #load(cursor: string | null, replace: boolean): Promise<void> {
		this.#loading = true;
		this.#failed = false;
		try {
			const page = await api.listAudits({
				cursor,
				limit: 50,
				state: this.filters.state || undefined,
				kind: this.filters.kind || undefined,
				template: this.filters.template || undefined
			});
			this.#items = replace ? page.items : [...this.#items, ...page.items];
			this.#next = page.nextCursor;
		} catch {
			this.#failed = true;
		} finally {
			this.#loading = false;
		}
	}
}
