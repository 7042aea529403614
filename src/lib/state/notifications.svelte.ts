import type { MessageKey } from '$lib/i18n/i18n.svelte';
import type { MessageParams } from '$lib/i18n/i18n.svelte';
import { describeError } from './describe-error';

export interface Notice {
	id: number;
	kind: 'error' | 'info';
	key: MessageKey;
	params?: MessageParams;
}

/** Messages shown at the top of the screen: the one place errors reach the user. */
class Notifications {
	#items = $state<Notice[]>([]);
	#next = 1;

	get items(): readonly Notice[] {
		return this.#items;
	}

	info(key: MessageKey, params?: MessageParams): void {
		this.#push({ id: this.#next++, kind: 'info', key, params });
	}

	/** A message that stays until dismissed: the user must act on it. */
	warn(key: MessageKey, params?: MessageParams): void {
		this.#push({ id: this.#next++, kind: 'error', key, params });
	}

	/** Reports any thrown value in words the user can act on; the detail goes to the console. */
	error(error: unknown): void {
		console.error(error);
		const { key, params } = describeError(error);
		this.#push({ id: this.#next++, kind: 'error', key, params });
	}

	/** Takes back every notice with this message (the trouble it reported is over). */
	withdraw(key: MessageKey): void {
		this.#items = this.#items.filter((item) => item.key !== key);
	}

	dismiss(id: number): void {
		this.#items = this.#items.filter((item) => item.id !== id);
	}

	#push(notice: Notice): void {
		// The same message twice in a row says nothing new.
		this.#items = [...this.#items.filter((item) => item.key !== notice.key), notice].slice(-4);
		if (notice.kind === 'info') setTimeout(() => this.dismiss(notice.id), 5000);
	}
}

export const notifications = new Notifications();
