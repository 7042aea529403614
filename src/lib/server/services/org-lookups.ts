import type { Selectable } from 'kysely';
import type { JourneyTemplate } from '$lib/domain/types';
import type { Db } from '../db/connect';
import type { AssignmentTable, LocationTable } from '../db/schema';
import { getTemplate } from '../repos/templates';

/*
 * Reads of organisation data (templates, locations, assignments) that the sync services need.
 * Kept here, on the tables directly, until the organisation repos take them over.
 */

export type LocationRow = Selectable<LocationTable>;
export type AssignmentRow = Selectable<AssignmentTable>;

/** The published template version of this organisation, or undefined. */
export const findPublishedTemplate = getTemplate;

/** Template versions of the organisation published at or after `since`. */
export async function listTemplatesSince(
	db: Db,
	organisationId: string,
	since: number
): Promise<JourneyTemplate[]> {
	const rows = await db
		.selectFrom('templates')
		.select('definition')
		.where('organisation_id', '=', organisationId)
		.where('published_at', '>=', since)
		.orderBy('id')
		.orderBy('version')
		.execute();
	return rows.map((row) => JSON.parse(row.definition) as JourneyTemplate);
}

/** The location, only when it belongs to the organisation. */
export async function findLocation(
	db: Db,
	organisationId: string,
	id: string
): Promise<LocationRow | undefined> {
	return db
		.selectFrom('locations')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.where('id', '=', id)
		.executeTakeFirst();
}

/** The organisation's locations changed at or after `since`. */
export async function listLocationsSince(
	db: Db,
	organisationId: string,
	since: number
): Promise<LocationRow[]> {
	return db
		.selectFrom('locations')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.where('updated_at', '>=', since)
		.orderBy('id')
		.execute();
}

/** The assignment, only when it belongs to the organisation. */
export async function findAssignment(
	db: Db,
	organisationId: string,
	id: string
): Promise<AssignmentRow | undefined> {
	return db
		.selectFrom('assignments')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.where('id', '=', id)
		.executeTakeFirst();
}

/** Assignments changed at or after `since`, with their location; one shopper's, or all. */
export async function listAssignmentsSince(
	db: Db,
	organisationId: string,
	since: number,
	shopperId: string | null,
	/**
	 * Only open visits and those whose window ended at or after this time (a first pull sends what
	 * the device needs, not the whole history); undefined: every changed one.
	 */
	openOrEndedFrom?: number
): Promise<{ assignment: AssignmentRow; location: LocationRow }[]> {
	let query = db
		.selectFrom('assignments')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.where('updated_at', '>=', since);
	if (shopperId !== null) query = query.where('shopper_id', '=', shopperId);
	if (openOrEndedFrom !== undefined) {
		query = query.where((eb) =>
			eb.or([eb('status', '=', 'open'), eb('window_end', '>=', openOrEndedFrom)])
		);
	}
	const assignments = await query.orderBy('id').execute();
	const locationIds = [...new Set(assignments.map((a) => a.location_id))];
	const locations =
		locationIds.length === 0
			? []
			: await db
					.selectFrom('locations')
					.selectAll()
					.where('organisation_id', '=', organisationId)
					.where('id', 'in', locationIds)
					.execute();
	const byId = new Map(locations.map((location) => [location.id, location]));
	return assignments.flatMap((assignment) => {
		const location = byId.get(assignment.location_id);
		return location ? [{ assignment, location }] : [];
	});
}

/** Marks an open assignment done once its audit is submitted, so devices learn it on pull. */
export async function completeAssignment(
	db: Db,
	organisationId: string,
	id: string,
	now: number
): Promise<void> {
	await db
		.updateTable('assignments')
		.set({ status: 'done', updated_at: now })
		.where('organisation_id', '=', organisationId)
		.where('id', '=', id)
		.where('status', '=', 'open')
		.execute();
}

/** Names of template versions of the organisation, keyed `${id}@${version}`. */
export async function findTemplateNames(
	db: Db,
	organisationId: string,
	templateIds: readonly string[]
): Promise<Map<string, JourneyTemplate['name']>> {
	if (templateIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('templates')
		.select(['id', 'version', 'definition'])
		.where('organisation_id', '=', organisationId)
		.where('id', 'in', [...new Set(templateIds)])
		.execute();
	return new Map(
		rows.map((row) => [
			`${row.id}@${row.version}`,
			(JSON.parse(row.definition) as JourneyTemplate).name
		])
	);
}
