/** The part of `localStorage` the journal needs; injectable for tests. */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const key = (auditId: string) => `shopwalk.stageTime.${auditId}`;

/**
 * Stage time of a page that is going away (a reload, a typed address, the tab closed). An
 * IndexedDB write that must read the audit first cannot finish once the page is unloaded, so the
 * time is written here synchronously and added to the audit in IndexedDB the next time the audit
 * is opened (`AuditSession.load`).
 */
export function journalStageTime(
	storage: JournalStorage,
	auditId: string,
	stageId: string,
	ms: number
): void {
	if (!(ms > 0)) return;
	try {
		const times = readStageJournal(storage, auditId);
		times[stageId] = (times[stageId] ?? 0) + ms;
		storage.setItem(key(auditId), JSON.stringify(times));
	} catch {
		// Storage full or disabled: this visit's time on the stage is lost, nothing else.
	}
}

/** The journalled milliseconds per stage of an audit (empty when none). */
export function readStageJournal(storage: JournalStorage, auditId: string): Record<string, number> {
	try {
		const parsed: unknown = JSON.parse(storage.getItem(key(auditId)) ?? '{}');
		if (!parsed || typeof parsed !== 'object') return {};
		return Object.fromEntries(
			Object.entries(parsed).filter(
				(entry): entry is [string, number] =>
					typeof entry[1] === 'number' && Number.isFinite(entry[1]) && entry[1] > 0
			)
		);
	} catch {
		return {};
	}
}

export function clearStageJournal(storage: JournalStorage, auditId: string): void {
	try {
		storage.removeItem(key(auditId));
	} catch {
		// Nothing to do: a journal that cannot be removed could not have been written either.
	}
}

/** The page's localStorage, when there is one. */
export function browserJournal(): JournalStorage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}
