import type { Audit, AuditStatus } from '$lib/domain/types';
import { dropPhotoOriginals } from './photo-originals';
import { newSubmitEntry, requireAudit, submitEntryId } from './records';
import type { ShopwalkDb } from './schema';
import { StorageError } from './storage-errors';
import { requests, runTransaction, type Tx } from './transaction';

/** One status change of the device-side lifecycle and what it does to the submit entry. */
export interface Transition {
	from: readonly AuditStatus[];
	to: AuditStatus;
	/** Statuses where the call is a repeat and changes nothing. */
	repeatFrom: readonly AuditStatus[];
	outbox: 'ensure' | 'remove' | 'keep';
	refusal: 'read_only' | 'conflict';
	strict?: boolean;
}

/** The lifecycle moves `AuditStore` offers; see its methods for the contract of each. */
export const TRANSITIONS = {
	submit: {
		from: ['draft'],
		to: 'queued',
		repeatFrom: ['queued', 'uploading', 'received'],
		outbox: 'ensure',
		refusal: 'conflict',
		strict: true
	},
	reopen: {
		from: ['queued'],
		to: 'draft',
		repeatFrom: ['draft'],
		outbox: 'remove',
		refusal: 'read_only'
	},
	uploading: {
		from: ['queued'],
		to: 'uploading',
		repeatFrom: ['uploading'],
		outbox: 'keep',
		refusal: 'conflict'
	},
	uploadFailed: {
		from: ['uploading'],
		to: 'queued',
		repeatFrom: ['queued'],
		outbox: 'keep',
		refusal: 'conflict'
	},
	received: {
		from: ['queued', 'uploading'],
		to: 'received',
		repeatFrom: ['received'],
		outbox: 'remove',
		refusal: 'conflict'
	},
	returned: {
		from: ['received'],
		to: 'draft',
		repeatFrom: ['draft'],
		outbox: 'remove',
		refusal: 'conflict'
	}
} satisfies Record<string, Transition>;

/**
 * Moves an audit from one status to another in one transaction with its outbox change.
 * A repeat (current status in `repeatFrom`) changes nothing; any other status outside `from`
 * throws the rule's refusal. The revision is kept: a status is not content.
 */
export function transitionStatus(
	db: ShopwalkDb,
	auditId: string,
	now: number,
	rule: Transition
): Promise<void> {
	const options = rule.strict ? { durability: 'strict' as const } : undefined;
	return runTransaction(
		db,
		// Received: the audit is not editable any more, so edited photos' originals go.
		rule.to === 'received' ? ['audits', 'outbox', 'photoBytes'] : ['audits', 'outbox'],
		'readwrite',
		async (tx) => {
			const audit = requireAudit(await tx.objectStore('audits').get(auditId), auditId);
			if (rule.repeatFrom.includes(audit.status)) {
				if (audit.status === rule.to) await applyOutbox(tx, audit, rule, now);
				return;
			}
			if (!rule.from.includes(audit.status)) {
				throw new StorageError(
					rule.refusal,
					`Audit ${auditId} is ${audit.status}; it cannot become ${rule.to}`
				);
			}
			await requests(
				() => tx.objectStore('audits').put({ ...audit, status: rule.to, updatedAt: now }),
				() => applyOutbox(tx, audit, rule, now)
			);
			if (rule.to === 'received') await dropPhotoOriginals(tx, auditId);
		},
		options
	);
}

async function applyOutbox(
	tx: Tx<'readwrite'>,
	audit: Audit,
	rule: Transition,
	now: number
): Promise<void> {
	const outbox = tx.objectStore('outbox');
	const id = submitEntryId(audit.id);
	if (rule.outbox === 'remove') {
		await outbox.delete(id);
	} else if (rule.outbox === 'ensure') {
		// An existing entry stays untouched so its place in the queue does not move.
		if ((await outbox.getKey(id)) === undefined) {
			await outbox.put(newSubmitEntry(audit, now));
		}
	}
}
