import { parseStoredBrief } from '$lib/domain/brief';
import type { LocalizedText, Location } from '$lib/domain/types';
import { runsAudits } from '$lib/domain/roles';
import type { Db } from '../db/connect';
import type { AssignmentTable } from '../db/schema';
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
