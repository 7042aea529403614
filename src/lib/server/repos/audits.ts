import {
	sql,
	type Expression,
	type ExpressionBuilder,
	type Insertable,
	type Selectable,
	type SqlBool
} from 'kysely';
import type { Db } from '../db/connect';
import type { AuditTable, Database } from '../db/schema';

export type AuditRow = Selectable<AuditTable>;
export type AuditState = AuditTable['state'];

/** States in which the shopper may still change the content. */
export const EDITABLE_STATES: readonly AuditState[] = ['draft', 'returned'];

/** The audit with this id, whoever owns it; callers check the owner. */
export async function findAudit(db: Db, id: string): Promise<AuditRow | undefined> {
	return db.selectFrom('audits').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Inserts the audit, or replaces its content when the stored row has the same owner, a lower
 * revision and an editable state — one statement, so concurrent uploads end at the highest
 * revision on SQLite and PostgreSQL alike (PostgreSQL re-checks the condition on the row it
 * locked). `received_at` and `state` of an existing row are kept. Returns the written row, or
 * undefined when nothing was written.
 */
export async function upsertAuditIfNewer(
	db: Db,
	row: Insertable<AuditTable>
): Promise<AuditRow | undefined> {
	return db
		.insertInto('audits')
		.values((eb) => ({
			...row,
			// The kind of its location's record, read in the same statement (see schema).
			location_kind: eb
				.selectFrom('locations')
				.select('locations.kind')
				.where('locations.id', '=', row.location_id)
				.where('locations.organisation_id', '=', row.organisation_id)
		}))
		.onConflict((oc) =>
			oc
				.column('id')
				.doUpdateSet((eb) => ({
					assignment_id: eb.ref('excluded.assignment_id'),
					template_id: eb.ref('excluded.template_id'),
					template_version: eb.ref('excluded.template_version'),
					location_id: eb.ref('excluded.location_id'),
					location_kind: eb.ref('excluded.location_kind'),
					revision: eb.ref('excluded.revision'),
					content: eb.ref('excluded.content'),
					score: eb.ref('excluded.score'),
					total_percent: eb.ref('excluded.total_percent'),
					updated_at: eb.ref('excluded.updated_at')
				}))
				.where((eb) =>
					eb.and([
						eb('audits.organisation_id', '=', eb.ref('excluded.organisation_id')),
						eb('audits.shopper_id', '=', eb.ref('excluded.shopper_id')),
						eb('audits.revision', '<', eb.ref('excluded.revision')),
						eb('audits.state', 'in', EDITABLE_STATES)
					])
				)
		)
		.returningAll()
		.executeTakeFirst();
}

/** Keeps the audits' copy of their location's kind in step with its record (see schema). */
export async function relabelAudits(
	db: Db,
	organisationId: string,
	location: { id: string; kind: 'own' | 'competitor' }
): Promise<void> {
	await db
		.updateTable('audits')
		.set({ location_kind: location.kind })
		.where('organisation_id', '=', organisationId)
		.where('location_id', '=', location.id)
		.where((eb) =>
			eb.or([eb('location_kind', 'is', null), eb('location_kind', '!=', location.kind)])
		)
		.execute();
}

/**
 * Takes the audit's row lock for the rest of the transaction with a write that changes nothing
 * (portable: PostgreSQL locks the row, SQLite takes its write lock). Returns whether it exists.
 */
export async function lockAudit(db: Db, id: string): Promise<boolean> {
	const result = await db
		.updateTable('audits')
		.set((eb) => ({ revision: eb.ref('revision') }))
		.where('id', '=', id)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

/** Records a submission: the new review state, the server's score and the time. */
export async function markSubmitted(
	db: Db,
	id: string,
	change: {
		state: AuditState;
		score: string;
		totalPercent: number | null;
		submittedAt: number;
	}
): Promise<void> {
	await db
		.updateTable('audits')
		.set({
			state: change.state,
			score: change.score,
			total_percent: change.totalPercent,
			submitted_at: change.submittedAt,
			updated_at: change.submittedAt
		})
		.where('id', '=', id)
		.execute();
}

/**
 * Moves an audit from one review state to another only while it is still in `from` at
 * `revision` (optimistic concurrency: of two reviewers acting at once, one statement matches and
 * the other finds nothing). Returns whether it moved.
 */
export async function changeReviewState(
	db: Db,
	change: {
		id: string;
		organisationId: string;
		from: AuditState;
		revision: number;
		to: AuditState;
		now: number;
	}
): Promise<boolean> {
	const result = await db
		.updateTable('audits')
		.set({ state: change.to, updated_at: change.now })
		.where('id', '=', change.id)
		.where('organisation_id', '=', change.organisationId)
		.where('state', '=', change.from)
		.where('revision', '=', change.revision)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

/** One page of an organisation's review queue. */
export interface ReviewQueueFilter {
	organisationId: string;
	/** Keyset position: rows strictly after (handed in later than) this one. */
	after?: { submittedAt: number; id: string };
	/** Leave out this audit (the one on screen, for "next audit"). */
	excludeId?: string;
	limit: number;
}

/**
 * Audits waiting for review (submitted or resubmitted), oldest hand-in first; served by the
 * partial index `audits_review_queue` in that order.
 */
export async function listReviewQueue(db: Db, filter: ReviewQueueFilter): Promise<AuditListRow[]> {
	return reviewQueueQuery(db, filter).execute();
}

/** The review queue's query (see `listReviewQueue`), for running or explaining. */
export function reviewQueueQuery(db: Db, filter: ReviewQueueFilter) {
	let query = listQuery(db)
		.where('audits.organisation_id', '=', filter.organisationId)
		// Literals, not parameters: the partial index's predicate must be provable from the query
		// (SQLite proves it only from constants).
		.where(sql<boolean>`audits.state in ('submitted', 'resubmitted')`)
		.where('audits.submitted_at', 'is not', null);
	const after = filter.after;
	if (after) {
		// A row-value comparison: one range of the index, where an OR of two conditions is not.
		query = query.where((eb) =>
			eb(
				eb.refTuple('audits.submitted_at', 'audits.id'),
				'>',
				eb.tuple(after.submittedAt, after.id)
			)
		);
	}
	if (filter.excludeId !== undefined) query = query.where('audits.id', '!=', filter.excludeId);
	return query
		.orderBy('audits.submitted_at', 'asc')
		.orderBy('audits.id', 'asc')
		.limit(filter.limit);
}

/** A shopper's audits changed at or after `since` and no longer drafts (review state to sync). */
export async function listReviewedAuditsSince(
	db: Db,
	shopperId: string,
	organisationId: string,
	since: number,
	/** Only audits changed at or after this time, or still returned (they wait for the shopper). */
	changedOrReturnedFrom?: number
): Promise<Pick<AuditRow, 'id' | 'state' | 'revision'>[]> {
	let query = db
		.selectFrom('audits')
		.select(['id', 'state', 'revision'])
		.where('shopper_id', '=', shopperId)
		.where('organisation_id', '=', organisationId)
		.where('updated_at', '>=', since)
		.where('state', '!=', 'draft');
	if (changedOrReturnedFrom !== undefined) {
		query = query.where((eb) =>
			eb.or([eb('updated_at', '>=', changedOrReturnedFrom), eb('state', '=', 'returned')])
		);
	}
	return query.orderBy('id').execute();
}

export interface AuditListFilter {
	organisationId: string;
	/** Only this shopper's audits (a shopper reading their own). */
	shopperId?: string;
	state?: AuditState;
	/** Only audits at these locations (a report reader's); an empty list matches nothing. */
	locationIds?: readonly string[];
	/** Own stores or competitors, by the audit's location. */
	kind?: 'own' | 'competitor';
	templateId?: string;
	locationId?: string;
	/** Only audits received at or after this time (epoch ms). */
	receivedFrom?: number;
	/** Only audits received before this time (epoch ms, exclusive). */
	receivedBefore?: number;
	/** Keyset position: rows strictly after (older than) this one. */
	after?: { receivedAt: number; id: string };
	limit: number;
}

export interface AuditListRow {
	id: string;
	location_id: string;
	location_name: string | null;
	location_kind: 'own' | 'competitor' | null;
	template_id: string;
	template_version: number;
	shopper_pseudonym: string | null;
	received_at: number;
	submitted_at: number | null;
	state: AuditState;
	revision: number;
	total_percent: number | null;
}

/** The list row of one audit (joined with its location and shopper), or undefined. */
export async function findAuditListRow(db: Db, id: string): Promise<AuditListRow | undefined> {
	return listQuery(db).where('audits.id', '=', id).executeTakeFirst();
}

/** One page of an organisation's audits, newest received first. */
export async function listAudits(db: Db, filter: AuditListFilter): Promise<AuditListRow[]> {
	if (filter.locationIds?.length === 0) return [];
	return auditListQuery(db, filter).execute();
}

/** The list's query (see `listAudits`), for running or explaining. */
export function auditListQuery(db: Db, filter: AuditListFilter) {
	return listQuery(db)
		.where((eb) => listConditions(eb, filter))
		.orderBy('audits.received_at', 'desc')
		.orderBy('audits.id', 'desc')
		.limit(filter.limit);
}

/**
 * The list's filter and keyset position, shared by the inbox and the export. Every condition is
 * on the audits row, so each filter with the list's order is one range of an index ending in
 * (received_at, id): 007's by state and template, 003's by location, 013's by location kind.
 */
function listConditions(eb: ExpressionBuilder<Database, 'audits'>, filter: AuditListFilter) {
	const conditions: Expression<SqlBool>[] = [
		eb('audits.organisation_id', '=', filter.organisationId)
	];
	if (filter.shopperId !== undefined)
		conditions.push(eb('audits.shopper_id', '=', filter.shopperId));
	if (filter.state !== undefined) conditions.push(eb('audits.state', '=', filter.state));
	if (filter.locationIds !== undefined) {
		conditions.push(
			filter.locationIds.length === 0
				? sql<boolean>`1 = 0`
				: eb('audits.location_id', 'in', filter.locationIds)
		);
	}
	if (filter.kind !== undefined) conditions.push(eb('audits.location_kind', '=', filter.kind));
	if (filter.templateId !== undefined)
		conditions.push(eb('audits.template_id', '=', filter.templateId));
	if (filter.locationId !== undefined)
		conditions.push(eb('audits.location_id', '=', filter.locationId));
	if (filter.receivedFrom !== undefined)
		conditions.push(eb('audits.received_at', '>=', filter.receivedFrom));
	if (filter.receivedBefore !== undefined)
		conditions.push(eb('audits.received_at', '<', filter.receivedBefore));
	const after = filter.after;
	if (after) {
		conditions.push(
			eb(eb.refTuple('audits.received_at', 'audits.id'), '<', eb.tuple(after.receivedAt, after.id))
		);
	}
	return eb.and(conditions);
}

function listQuery(db: Db) {
	return db
		.selectFrom('audits')
		.leftJoin('locations', 'locations.id', 'audits.location_id')
		.leftJoin('users', 'users.id', 'audits.shopper_id')
		.select([
			'audits.id',
			'audits.location_id',
			'locations.name as location_name',
			'audits.location_kind',
			'audits.template_id',
			'audits.template_version',
			'users.pseudonym as shopper_pseudonym',
			'audits.received_at',
			'audits.submitted_at',
			'audits.state',
			'audits.revision',
			'audits.total_percent'
		]);
}

/** One audit as an export reads it: the list's facts, its content and score, its place. */
export interface AuditExportRow {
	id: string;
	location_id: string;
	location_name: string | null;
	location_kind: 'own' | 'competitor' | null;
	location_brand: string | null;
	location_region: string | null;
	template_id: string;
	template_version: number;
	shopper_pseudonym: string | null;
	received_at: number;
	submitted_at: number | null;
	state: AuditState;
	revision: number;
	total_percent: number | null;
	content: string;
	score: string;
}

/**
 * One batch of an export: the audits `auditListQuery` would list for `filter`, newest received
 * first, with their content and score. Keyset-paged like the list, so a whole export is one pass
 * over the index that serves the list's order and memory holds one batch at a time.
 */
export function auditExportQuery(db: Db, filter: AuditListFilter) {
	return db
		.selectFrom('audits')
		.leftJoin('locations', 'locations.id', 'audits.location_id')
		.leftJoin('users', 'users.id', 'audits.shopper_id')
		.select([
			'audits.id',
			'audits.location_id',
			'locations.name as location_name',
			'audits.location_kind',
			'locations.brand as location_brand',
			'locations.region as location_region',
			'audits.template_id',
			'audits.template_version',
			'users.pseudonym as shopper_pseudonym',
			'audits.received_at',
			'audits.submitted_at',
			'audits.state',
			'audits.revision',
			'audits.total_percent',
			'audits.content',
			'audits.score'
		])
		.where((eb) => listConditions(eb, filter))
		.orderBy('audits.received_at', 'desc')
		.orderBy('audits.id', 'desc')
		.limit(filter.limit);
}
