import type { Db } from '../db/connect';

/** A store's position for the presence check: WGS-84 degrees and a radius in metres. */
export interface StorePosition {
	latitude: number;
	longitude: number;
	radiusM: number;
}

/** Whether the organisation checks presence at time-in. */
export async function getPresenceCheck(db: Db, organisationId: string): Promise<boolean> {
	const row = await db
		.selectFrom('organisations')
		.select('presence_check')
		.where('id', '=', organisationId)
		.executeTakeFirst();
	return Number(row?.presence_check ?? 0) === 1;
}

/** Turns the organisation's presence check on or off. */
export async function setPresenceCheck(db: Db, organisationId: string, on: boolean): Promise<void> {
	await db
		.updateTable('organisations')
		.set({ presence_check: on ? 1 : 0 })
		.where('id', '=', organisationId)
		.execute();
}

/**
 * Sets (or, with null, clears) a location's position; only the organisation's own. Bumps
 * `updated_at`, as every change of a location does. Resolves false when no such location is the
 * organisation's.
 */
export async function setStorePosition(
	db: Db,
	organisationId: string,
	locationId: string,
	position: StorePosition | null,
	now: number
): Promise<boolean> {
	const result = await db
		.updateTable('locations')
		.set({
			latitude: position?.latitude ?? null,
			longitude: position?.longitude ?? null,
			presence_radius_m: position?.radiusM ?? null,
			updated_at: now
		})
		.where('organisation_id', '=', organisationId)
		.where('id', '=', locationId)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** The positions of the locations of a shopper's open assignments (at most 500), for their device. */
export async function listPresenceTargets(
	db: Db,
	organisationId: string,
	shopperId: string
): Promise<({ locationId: string } & StorePosition)[]> {
	const rows = await db
		.selectFrom('assignments')
		.innerJoin('locations', 'locations.id', 'assignments.location_id')
		.select([
			'locations.id as location_id',
			'locations.latitude',
			'locations.longitude',
			'locations.presence_radius_m'
		])
		.distinct()
		.where('assignments.shopper_id', '=', shopperId)
		.where('assignments.organisation_id', '=', organisationId)
		.where('assignments.status', '=', 'open')
		.where('locations.organisation_id', '=', organisationId)
		.where('locations.latitude', 'is not', null)
		.where('locations.longitude', 'is not', null)
		.where('locations.presence_radius_m', 'is not', null)
		.limit(500)
		.execute();
	return rows.map((row) => ({
		locationId: row.location_id,
		latitude: Number(row.latitude),
		longitude: Number(row.longitude),
		radiusM: Number(row.presence_radius_m)
	}));
}

/** One page of the organisation's locations by id, with their positions (keyset: after `after`). */
export function storePositionsPageQuery(
	db: Db,
	organisationId: string,
	after: string | null,
	limit: number
) {
	let query = db
		.selectFrom('locations')
		.select(['id', 'name', 'address', 'latitude', 'longitude', 'presence_radius_m'])
		.where('organisation_id', '=', organisationId);
	if (after !== null) query = query.where('id', '>', after);
	return query.orderBy('organisation_id').orderBy('id').limit(limit);
}
