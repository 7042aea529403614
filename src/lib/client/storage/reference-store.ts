import * as v from 'valibot';
import { SessionUserSchema, type SessionUser } from '$lib/contract/auth';
import { PresenceConfigSchema, type PresenceConfig, type PullResponse } from '$lib/contract/sync';
import type { JourneyTemplate, Location } from '$lib/domain/types';
import { toBrief } from '$lib/domain/brief';
import type { AssignmentRecord, ReviewRecord, StoredAssignment, TemplateRecord } from './records';
import { applyReviewState } from './review-state';

/** A pull response whose templates have been checked to be whole JourneyTemplates. */
export type PulledData = Omit<PullResponse, 'templates'> & { templates: TemplateRecord[] };
import type { ShopwalkDb } from './schema';
import { requestAll, requests, runTransaction, type Tx } from './transaction';

const USER_KEY = 'sessionUser';

/**
 * Records a pull applies per IndexedDB transaction: bounded, so neither the requests in flight
 * nor one transaction's size grows with the organisation (a first pull can hold many thousands).
 */
export const PULL_APPLY_BATCH = 2000;
const CURSOR_KEY = 'pullCursor';
const PRESENCE_KEY = 'presenceConfig';
const ARCHIVED_TEMPLATES_KEY = 'archivedTemplateIds';
const ArchivedTemplateIdsSchema = v.array(v.string());
const consentKey = (userId: string) => `presenceConsent:${userId}`;

/** A shopper's answer to the presence check question on this device. */
export type PresenceConsent = 'granted' | 'denied';

/**
 * An assignment as the screens use it. A tablet may still hold one pulled before briefs had
 * languages (one string, perhaps the old "Danish, then EN: English" text): read as a LocalizedText.
 * The next pull that touches it stores the new shape.
 */
function fromStored(stored: StoredAssignment): AssignmentRecord {
	return { ...stored, brief: toBrief(stored.brief) };
}

/** The stores that hold what the device pulls, cleared together on sign-out. */
const REFERENCE_STORES = ['templates', 'locations', 'assignments', 'reviews'] as const;

/**
 * What the device pulls from the server (templates, locations, the shopper's assignments and
 * the review state of their audits), the pull cursor and the signed-in user. Readable offline.
 */
export class ReferenceStore {
	readonly #db: ShopwalkDb;

	constructor(db: ShopwalkDb) {
		this.#db = db;
	}

	/**
	 * Applies one pull in bounded batches, so a pull of any size fits the browser: templates, then
	 * locations, then assignments are upserted `PULL_APPLY_BATCH` records per transaction (cancelled
	 * and done assignments keep their status; an assignment never lands before its template). The
	 * last batch goes in one transaction with each audit's review state (see `applyReviewState`: a
	 * newer one is stored, a returned audit becomes a draft again, one the server holds as handed
	 * in at the device's revision becomes `received`) and the cursor. So a pull is applied whole or
	 * its cursor is not moved: after a failure the next pull asks from the old cursor and the server
	 * sends everything again (the upserts are idempotent; what earlier batches stored is the
	 * server's own data). The presence check and the archived template ids, sent whole, replace
	 * what was kept in that last transaction too, so they are never older or newer than the cursor. A pull of at most one batch is one transaction: all or nothing. The cursor
	 * never moves backwards, so a late, older pull cannot make the next one skip changes. Resolves
	 * with the ids of the audits whose status changed.
	 */
	async applyPull(pull: PulledData, now: number): Promise<string[]> {
		type Put = (tx: Tx<'readwrite'>) => Promise<unknown>;
		const puts: Put[] = [
			...pull.templates.map(
				(template) => (tx: Tx<'readwrite'>) => tx.objectStore('templates').put(template)
			),
			...pull.locations.map(
				(location) => (tx: Tx<'readwrite'>) => tx.objectStore('locations').put(location)
			),
			...pull.assignments.map(
				(assignment) => (tx: Tx<'readwrite'>) => tx.objectStore('assignments').put(assignment)
			)
		];
		const lastBatch = Math.max(0, Math.ceil(puts.length / PULL_APPLY_BATCH) - 1);
		for (let batch = 0; batch < lastBatch; batch++) {
			const slice = puts.slice(batch * PULL_APPLY_BATCH, (batch + 1) * PULL_APPLY_BATCH);
			await runTransaction(this.#db, [...REFERENCE_STORES], 'readwrite', (tx) =>
				requestAll(slice.map((put) => () => put(tx)))
			);
		}
		const final = puts.slice(lastBatch * PULL_APPLY_BATCH);
		const stores = [...REFERENCE_STORES, 'meta', 'audits', 'outbox', 'photoBytes'] as const;
		return runTransaction(this.#db, [...stores], 'readwrite', async (tx) => {
			const current = await tx.objectStore('meta').get(CURSOR_KEY);
			const cursor = typeof current === 'number' ? Math.max(current, pull.cursor) : pull.cursor;
			await requestAll([
				...final.map((put) => () => put(tx)),
				() => tx.objectStore('meta').put(cursor, CURSOR_KEY),
				// Sent whole with every pull: the newest replaces what was kept.
				...(pull.presence
					? [() => tx.objectStore('meta').put(JSON.stringify(pull.presence), PRESENCE_KEY)]
					: []),
				// An older server sends no list: the last one kept stays (none, on such a device).
				...(pull.archivedTemplateIds
					? [
							() =>
								tx
									.objectStore('meta')
									.put(JSON.stringify(pull.archivedTemplateIds), ARCHIVED_TEMPLATES_KEY)
						]
					: [])
			]);
			const changed: string[] = [];
			for (const review of pull.audits) {
				if (await applyReviewState(tx, review, now)) changed.push(review.id);
			}
			return changed;
		});
	}

	/** The cursor to send with the next pull; 0 before the first. */
	getCursor(): Promise<number> {
		return runTransaction(this.#db, ['meta'], 'readonly', async (tx) => {
			const cursor = await tx.objectStore('meta').get(CURSOR_KEY);
			return typeof cursor === 'number' ? cursor : 0;
		});
	}

	/**
	 * The organisation's presence check as last pulled: whether it is on, and the positions of the
	 * stores of the shopper's open assignments (the stores' positions, never the device's).
	 */
	getPresenceConfig(): Promise<PresenceConfig> {
		return runTransaction(this.#db, ['meta'], 'readonly', async (tx) => {
			const stored = await tx.objectStore('meta').get(PRESENCE_KEY);
			const parsed =
				typeof stored === 'string' ? v.safeParse(PresenceConfigSchema, safeJson(stored)) : null;
			return parsed?.success ? parsed.output : { enabled: false, stores: [] };
		});
	}

	/**
	 * The ids of the templates the organisation had archived at the last pull: not offered for a
	 * new audit. Empty before the first pull, or when what is stored cannot be read.
	 */
	getArchivedTemplateIds(): Promise<string[]> {
		return runTransaction(this.#db, ['meta'], 'readonly', async (tx) => {
			const stored = await tx.objectStore('meta').get(ARCHIVED_TEMPLATES_KEY);
			const parsed =
				typeof stored === 'string'
					? v.safeParse(ArchivedTemplateIdsSchema, safeJson(stored))
					: null;
			return parsed?.success ? parsed.output : [];
		});
	}

	/** The user's answer to the presence question on this device, or null when not yet asked. */
	getPresenceConsent(userId: string): Promise<PresenceConsent | null> {
		return runTransaction(this.#db, ['meta'], 'readonly', async (tx) => {
			const stored = await tx.objectStore('meta').get(consentKey(userId));
			return stored === 'granted' || stored === 'denied' ? stored : null;
		});
	}

	/** Records the user's answer (asked once; changed whenever they choose). */
	setPresenceConsent(userId: string, consent: PresenceConsent): Promise<void> {
		return runTransaction(this.#db, ['meta'], 'readwrite', async (tx) => {
			await tx.objectStore('meta').put(consent, consentKey(userId));
		});
	}

	/** The signed-in shopper's assignments (all statuses), earliest window first. */
	listAssignments(): Promise<AssignmentRecord[]> {
		return runTransaction(this.#db, ['assignments'], 'readonly', async (tx) =>
			(await tx.objectStore('assignments').index('by-windowStart').getAll()).map(fromStored)
		);
	}

	/** One assignment, or undefined. */
	getAssignment(id: string): Promise<AssignmentRecord | undefined> {
		return runTransaction(this.#db, ['assignments'], 'readonly', async (tx) => {
			const stored = await tx.objectStore('assignments').get(id);
			return stored && fromStored(stored);
		});
	}

	/** A template at one published version, or undefined. */
	getTemplate(id: string, version: number): Promise<JourneyTemplate | undefined> {
		return runTransaction(this.#db, ['templates'], 'readonly', (tx) =>
			tx.objectStore('templates').get([id, version])
		);
	}

	/** Every pulled template version, by id then version. */
	listTemplates(): Promise<JourneyTemplate[]> {
		return runTransaction(this.#db, ['templates'], 'readonly', (tx) =>
			tx.objectStore('templates').getAll()
		);
	}

	/** Every pulled location, by name. */
	listLocations(): Promise<Location[]> {
		return runTransaction(this.#db, ['locations'], 'readonly', async (tx) => {
			const locations = await tx.objectStore('locations').getAll();
			return locations.sort((a, b) => a.name.localeCompare(b.name) || cmp(a.id, b.id));
		});
	}

	/** The server's review state of one audit (comments included), or undefined. */
	getReview(auditId: string): Promise<ReviewRecord | undefined> {
		return runTransaction(this.#db, ['reviews'], 'readonly', (tx) =>
			tx.objectStore('reviews').get(auditId)
		);
	}

	/** The server's review state of every audit the device has heard of. */
	listReviews(): Promise<ReviewRecord[]> {
		return runTransaction(this.#db, ['reviews'], 'readonly', (tx) =>
			tx.objectStore('reviews').getAll()
		);
	}

	/** The user who last signed in on this device, or null. Kept offline until sign-out. */
	getUser(): Promise<SessionUser | null> {
		return runTransaction(this.#db, ['meta'], 'readonly', async (tx) => {
			const stored = await tx.objectStore('meta').get(USER_KEY);
			if (typeof stored !== 'string') return null;
			const parsed = v.safeParse(SessionUserSchema, safeJson(stored));
			return parsed.success ? parsed.output : null;
		});
	}

	/**
	 * Stores the signed-in user. A different user than the stored one starts from an empty
	 * reference set and cursor, so one shopper never sees another's assignments.
	 */
	setUser(user: SessionUser): Promise<void> {
		const stores = [...REFERENCE_STORES, 'meta'] as const;
		return runTransaction(this.#db, [...stores], 'readwrite', async (tx) => {
			const meta = tx.objectStore('meta');
			const stored = await meta.get(USER_KEY);
			const previous = typeof stored === 'string' ? safeJson(stored) : null;
			if (!isSameUser(previous, user)) await clearReference(tx);
			await meta.put(JSON.stringify(user), USER_KEY);
		});
	}

	/** Forgets the user, the cursor and everything pulled. Audits are not touched. */
	clearSession(): Promise<void> {
		const stores = [...REFERENCE_STORES, 'meta'] as const;
		return runTransaction(this.#db, [...stores], 'readwrite', async (tx) => {
			await requests(
				() => clearReference(tx),
				() => tx.objectStore('meta').delete(USER_KEY)
			);
		});
	}
}

async function clearReference(tx: Tx<'readwrite'>): Promise<void> {
	await requests(
		...REFERENCE_STORES.map((name) => () => tx.objectStore(name).clear()),
		() => tx.objectStore('meta').delete(CURSOR_KEY),
		() => tx.objectStore('meta').delete(PRESENCE_KEY),
		() => tx.objectStore('meta').delete(ARCHIVED_TEMPLATES_KEY)
	);
}

function isSameUser(previous: unknown, user: SessionUser): boolean {
	if (typeof previous !== 'object' || previous === null) return false;
	const { id, organisation } = previous as Partial<SessionUser>;
	return id === user.id && organisation?.id === user.organisation.id;
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}

function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
