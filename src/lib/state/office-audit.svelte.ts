import { createOfficeApi } from '$lib/client/api/office-api';
import type { AuditDetail } from '$lib/contract/office';
import type { AnswerValue, JourneyTemplate } from '$lib/domain/types';
import { findTemplate } from './reference-data.svelte';

const api = createOfficeApi();

/** One received audit as the office reads it: the server's copy, its score and its photos. */
export class OfficeAudit {
	#detail = $state.raw<AuditDetail | null>(null);
	#template = $state.raw<JourneyTemplate | null>(null);
	#failed = $state(false);

	get detail(): AuditDetail | null {
		return this.#detail;
	}

	get template(): JourneyTemplate | null {
		return this.#template;
	}

	get failed(): boolean {
		return this.#failed;
	}

	get answers(): ReadonlyMap<string, AnswerValue> {
		return new Map(this.#detail?.content.answers.map((a) => [a.checkpointId, a.value]) ?? []);
	}

	get notes(): ReadonlyMap<string, string> {
		return new Map(this.#detail?.content.notes.map((n) => [n.checkpointId, n.text]) ?? []);
	}

	async load(id: string): Promise<void> {
		this.#failed = false;
		try {
			const detail = await api.getAudit(id);
			this.#template = await findTemplate(detail.template.id, detail.template.version);
			this.#detail = detail;
		} catch {
			this.#failed = true;
		}
	}
}
