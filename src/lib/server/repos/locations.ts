import type { Location } from '$lib/domain/types';
import type { Db } from '../db/connect';
import type { LocationTable } from '../db/schema';
import { ServiceError } from '../service-error';
import { relabelScoreRows } from './score-rows';

/** A location as stored: the domain Location plus its organisation and change time. */
export interface LocationRecord extends Location {
	organisationId: string;
	updatedAt: number;
}

/** Maps a row (of this table or a join selecting its columns) to the domain Location. */
export function toLocation(row: Omit<LocationTable, 'organisation_id' | 'updated_at'>): Location {
	return {
		id: row.id,
		name: row.name,
		kind: row.kind,
		brand: row.brand,
		address: row.address,
		region: row.region
	};
}

/**
 * Inserts or updates a location of this organisation. An id that belongs to another
 * organisation is refused (409), never overwritten.
 */
export async function saveLocation(
	db: Db,
	organisationId: string,
	location: Location,
	now: number
): Promise<LocationRecord> {
	const values = {
		id: location.id,
		organisation_id: organisationId,
		name: location.name,
		kind: location.kind,
		brand: location.brand,
		address: location.address,
		region: location.region,
		updated_at: now
	};
	const row = await db
		.insertInto('locations')
		.values(values)
		.onConflict((oc) =>
			oc
				.column('id')
				.doUpdateSet({
					name: values.name,
					kind: values.kind,
					brand: values.brand,
					address: values.address,
					region: values.region,
					updated_at: now
				})
				.where('locations.organisation_id', '=', organisationId)
		)
		.returning('id')
		.executeTakeFirst();
	if (!row)
		throw new ServiceError('conflict', 'location_id_taken', 'This location id is already in use.');
	// Score rows carry the location's kind, region and brand; an edit moves them along.
	await relabelScoreRows(db, organisationId, location);
	return { ...toLocation(values), organisationId, updatedAt: now };
}

/** The organisation's locations changed after `since` (all with 0), oldest change first. */
export async function listLocations(
	db: Db,
	organisationId: string,
	since = 0
): Promise<LocationRecord[]> {
	const rows = await db
		.selectFrom('locations')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.where('updated_at', '>', since)
		.orderBy('updated_at')
		.orderBy('id')
		.execute();
	return rows.map((row) => ({
		...toLocation(row),
		organisationId: row.organisation_id,
		updatedAt: Number(row.updated_at)
	}));
}

/** The organisation's location with this id, or undefined (also for another tenant's id). */
export async function getLocation(
	db: Db,
	organisationId: string,
	id: string
): Promise<LocationRecord | undefined> {
	const row = await db
		.selectFrom('locations')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.where('id', '=', id)
		.executeTakeFirst();
	return (
		row && {
			...toLocation(row),
			organisationId: row.organisation_id,
			updatedAt: Number(row.updated_at)
		}
	);
}
