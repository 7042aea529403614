import { parseStoredBrief } from '$lib/domain/brief';
import type { LocalizedText, Location } from '$lib/domain/types';
import { runsAudits } from '$lib/domain/roles';
import type { Db } from '../db/connect';
import type { ExpressionBuilder } from 'kysely';
import type { AssignmentTable, Database } from '../db/schema';
import { ServiceError } from '../service-error';
import { getLocation, toLocation } from './locations';
import { getTemplate } from './templates';
import { getUser } from './users';

export type AssignmentStatus = AssignmentTable['status'];

/** What a manager plans: template version + location + shopper + time window + scenario brief. */
export interface NewAssignment {
	id: string;
	organisationId: string;
	templateId: string;
	templateVersion: number;
	locationId: string;
	shopperId: string;
	windowStart: number;
	windowEnd: number;
	/** The scenario brief per language (stored as JSON); the shopper reads it in theirs. */
	brief: LocalizedText;
	status: AssignmentStatus;
	updatedAt: number;
}

/** An assignment as read back, with its location (the device needs both). */
export interface AssignmentRecord extends NewAssignment {
	location: Location;
}

/**
 * Inserts an assignment after checking that its template version, location and shopper all
 * belong to its organisation (422 otherwise): an assignment never points across tenants.
 */
export async function createAssignment(db: Db, input: NewAssignment): Promise<AssignmentRecord> {
	const org = input.organisationId;
	const [template, location, shopper] = await Promise.all([
		getTemplate(db, org, input.templateId, input.templateVersion),
		getLocation(db, org, input.locationId),
		getUser(db, org, input.shopperId)
	]);
	if (!template || !location || !shopper || !runsAudits(shopper)) {
		throw new ServiceError(
			'invalid',
			'invalid_assignment',
			'The template version, location and shopper must belong to the organisation.'
		);
	}
	if (!(input.windowEnd > input.windowStart)) {
		throw new ServiceError(
			'invalid',
			'invalid_assignment',
			'The time window must end after it starts.'
		);
	}
	await db
		.insertInto('assignments')
		.values({
			id: input.id,
			organisation_id: org,
			template_id: input.templateId,
			template_version: input.templateVersion,
			location_id: input.locationId,
			shopper_id: input.shopperId,
			window_start: input.windowStart,
			window_end: input.windowEnd,
			brief: JSON.stringify(input.brief),
			status: input.status,
			updated_at: input.updatedAt
		})
		.execute();
	return { ...input, location: toLocation(location) };
}

function selectAssignments(db: Db, organisationId: string) {
	return db
		.selectFrom('assignments')
		.innerJoin('locations', (join) =>
			join
				.onRef('locations.id', '=', 'assignments.location_id')
				.onRef('locations.organisation_id', '=', 'assignments.organisation_id')
		)
		.selectAll('assignments')
		.select([
			'locations.name',
			'locations.kind',
			'locations.brand',
			'locations.address',
			'locations.region'
		])
		.where('assignments.organisation_id', '=', organisationId);
}

type AssignmentRow = AssignmentTable & Omit<Location, 'id'>;

function toRecord(row: AssignmentRow): AssignmentRecord {
	return {
		id: row.id,
		organisationId: row.organisation_id,
		templateId: row.template_id,
		templateVersion: Number(row.template_version),
		locationId: row.location_id,
		shopperId: row.shopper_id,
		windowStart: Number(row.window_start),
		windowEnd: Number(row.window_end),
		brief: parseStoredBrief(row.brief),
		status: row.status,
		updatedAt: Number(row.updated_at),
		location: toLocation({ ...row, id: row.location_id })
	};
}

/** The shopper's assignments in this organisation changed after `since` (all with 0), oldest first. */
export async function listAssignmentsForShopper(
	db: Db,
	organisationId: string,
	shopperId: string,
	since = 0
): Promise<AssignmentRecord[]> {
	const rows = await selectAssignments(db, organisationId)
		.where('assignments.shopper_id', '=', shopperId)
		.where('assignments.updated_at', '>', since)
		.orderBy('assignments.updated_at')
		.orderBy('assignments.id')
		.execute();
	return rows.map(toRecord);
}

/** Every assignment of the organisation, by window start. */
export async function listAssignments(db: Db, organisationId: string): Promise<AssignmentRecord[]> {
	const rows = await selectAssignments(db, organisationId)
		.orderBy('assignments.window_start')
		.orderBy('assignments.id')
		.execute();
	return rows.map(toRecord);
}

/** The organisation's assignment with this id, or undefined (also for another tenant's id). */
export async function getAssignment(
	db: Db,
	organisationId: string,
	id: string
): Promise<AssignmentRecord | undefined> {
	const row = await selectAssignments(db, organisationId)
		.where('assignments.id', '=', id)
		.executeTakeFirst();
	return row && toRecord(row);
}

/** Inserts assignments the caller has checked (the wave's rows: one statement). */
export async function insertAssignments(db: Db, rows: readonly NewAssignment[]): Promise<void> {
	if (rows.length === 0) return;
	await db
		.insertInto('assignments')
		.values(
			rows.map((input) => ({
				id: input.id,
				organisation_id: input.organisationId,
				template_id: input.templateId,
				template_version: input.templateVersion,
				location_id: input.locationId,
				shopper_id: input.shopperId,
				window_start: input.windowStart,
				window_end: input.windowEnd,
				brief: JSON.stringify(input.brief),
				status: input.status,
				updated_at: input.updatedAt
			}))
		)
		.execute();
}

/**
 * Changes an open assignment that no audit has started yet (one conditional update); false when
 * it is not open, was started meanwhile, or is not the organisation's.
 */
export async function updateUnstartedAssignment(
	db: Db,
	organisationId: string,
	id: string,
	changes: Partial<
		Pick<
			NewAssignment,
			| 'templateId'
			| 'templateVersion'
			| 'locationId'
			| 'shopperId'
			| 'windowStart'
			| 'windowEnd'
			| 'brief'
			| 'status'
		>
	>,
	now: number
): Promise<boolean> {
	const result = await db
		.updateTable('assignments')
		.set({
			...(changes.templateId !== undefined && { template_id: changes.templateId }),
			...(changes.templateVersion !== undefined && { template_version: changes.templateVersion }),
			...(changes.locationId !== undefined && { location_id: changes.locationId }),
			...(changes.shopperId !== undefined && { shopper_id: changes.shopperId }),
			...(changes.windowStart !== undefined && { window_start: changes.windowStart }),
			...(changes.windowEnd !== undefined && { window_end: changes.windowEnd }),
			...(changes.brief !== undefined && { brief: JSON.stringify(changes.brief) }),
			...(changes.status !== undefined && { status: changes.status }),
			updated_at: now
		})
		.where('organisation_id', '=', organisationId)
		.where('id', '=', id)
		.where('status', '=', 'open')
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('audits')
						.select('audits.id')
						.whereRef('audits.assignment_id', '=', 'assignments.id')
						.whereRef('audits.organisation_id', '=', 'assignments.organisation_id')
				)
			)
		)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** An assignment row for the office's list: with its location and its newest audit's facts. */
export interface VisitRow extends AssignmentRecord {
	timeZone: string;
	shopperPseudonym: string;
	/** The newest audit made for it (its review state and times), or null. */
	audit: { id: string; state: string; timeIn: number | null; submittedAt: number | null } | null;
}

/** Filters of the office's visit list; `state` is the derived VisitState. */
export interface VisitPageQuery {
	state: 'open' | 'in_progress' | 'done' | 'overdue' | 'cancelled' | null;
	locationId: string | null;
	shopperId: string | null;
	after: { at: number; id: string } | null;
	limit: number;
	now: number;
}

/** One page of the organisation's visits by (window_start, id), served by assignments_org_window_id. */
export async function pageVisits(
	db: Db,
	organisationId: string,
	query: VisitPageQuery
): Promise<VisitRow[]> {
	const rows = await visitPageQuery(db, organisationId, query).execute();
	const audits = await newestAuditsOf(
		db,
		organisationId,
		rows.map((row) => row.id)
	);
	return rows.map((row) => ({
		...toRecord(row),
		timeZone: row.time_zone,
		shopperPseudonym: row.pseudonym,
		audit: audits.get(row.id) ?? null
	}));
}

/** The query of `pageVisits` (query-plans.test.ts asks the planners about it). */
export function visitPageQuery(db: Db, organisationId: string, query: VisitPageQuery) {
	const started = (eb: ExpressionBuilder<Database, 'assignments'>) =>
		eb.exists(
			eb
				.selectFrom('audits')
				.select('audits.id')
				.whereRef('audits.assignment_id', '=', 'assignments.id')
				.whereRef('audits.organisation_id', '=', 'assignments.organisation_id')
		);
	let select = db
		.selectFrom('assignments')
		.innerJoin('locations', (join) =>
			join
				.onRef('locations.id', '=', 'assignments.location_id')
				.onRef('locations.organisation_id', '=', 'assignments.organisation_id')
		)
		.innerJoin('users', 'users.id', 'assignments.shopper_id')
		.selectAll('assignments')
		.select([
			'locations.name',
			'locations.kind',
			'locations.brand',
			'locations.address',
			'locations.region',
			'locations.time_zone',
			'users.pseudonym'
		])
		.where('assignments.organisation_id', '=', organisationId);
	if (query.locationId) select = select.where('assignments.location_id', '=', query.locationId);
	if (query.shopperId) select = select.where('assignments.shopper_id', '=', query.shopperId);
	const now = query.now;
	switch (query.state) {
		case 'cancelled':
		case 'done':
			select = select.where('assignments.status', '=', query.state);
			break;
		case 'overdue':
			select = select
				.where('assignments.status', '=', 'open')
				.where('assignments.window_end', '<', now);
			break;
		case 'open':
			select = select
				.where('assignments.status', '=', 'open')
				.where('assignments.window_end', '>=', now)
				.where((eb) => eb.not(started(eb)));
			break;
		case 'in_progress':
			select = select
				.where('assignments.status', '=', 'open')
				.where('assignments.window_end', '>=', now)
				.where((eb) => started(eb));
			break;
	}
	const after = query.after;
	if (after) {
		select = select.where((eb) =>
			eb.or([
				eb('assignments.window_start', '>', after.at),
				eb.and([eb('assignments.window_start', '=', after.at), eb('assignments.id', '>', after.id)])
			])
		);
	}
	return select.orderBy('assignments.window_start').orderBy('assignments.id').limit(query.limit);
}

/** The newest audit (by received time) made for each of these assignments. */
export async function newestAuditsOf(
	db: Db,
	organisationId: string,
	assignmentIds: readonly string[]
): Promise<Map<string, NonNullable<VisitRow['audit']>>> {
	const found = new Map<string, NonNullable<VisitRow['audit']>>();
	if (assignmentIds.length === 0) return found;
	const rows = await db
		.selectFrom('audits')
		.select(['id', 'assignment_id', 'state', 'content', 'submitted_at', 'received_at'])
		.where('organisation_id', '=', organisationId)
		.where('assignment_id', 'in', assignmentIds)
		.orderBy('received_at')
		.execute();
	for (const row of rows) {
		let timeIn: number | null = null;
		try {
			const content = JSON.parse(row.content) as { timeIn?: unknown };
			if (typeof content.timeIn === 'number') timeIn = content.timeIn;
		} catch {
			// An unreadable content has no time-in to compare.
		}
		found.set(row.assignment_id!, {
			id: row.id,
			state: row.state,
			timeIn,
			submittedAt: row.submitted_at === null ? null : Number(row.submitted_at)
		});
	}
	return found;
}
