import type { Db } from '../db/connect';

/** The ids of the locations a report reader may read, within their organisation. */
export async function listLocationIdsOfUser(
	db: Db,
	organisationId: string,
	userId: string
): Promise<string[]> {
	const rows = await db
		.selectFrom('user_locations')
		.select('location_id')
		.where('organisation_id', '=', organisationId)
		.where('user_id', '=', userId)
		.orderBy('location_id')
		.execute();
	return rows.map((row) => row.location_id);
}

/** Whether the user was given this location. */
export async function userHasLocation(
	db: Db,
	organisationId: string,
	userId: string,
	locationId: string
): Promise<boolean> {
	const row = await db
		.selectFrom('user_locations')
		.select('location_id')
		.where('organisation_id', '=', organisationId)
		.where('user_id', '=', userId)
		.where('location_id', '=', locationId)
		.executeTakeFirst();
	return row !== undefined;
}

/** Gives the user these locations (ids the caller checked belong to the organisation). */
export async function grantLocations(
	db: Db,
	organisationId: string,
	userId: string,
	locationIds: readonly string[]
): Promise<void> {
	if (locationIds.length === 0) return;
	await db
		.insertInto('user_locations')
		.values(
			locationIds.map((locationId) => ({
				user_id: userId,
				location_id: locationId,
				organisation_id: organisationId
			}))
		)
		.onConflict((oc) => oc.columns(['user_id', 'location_id']).doNothing())
		.execute();
}

/** Replaces the locations a report reader was given (ids the caller checked). */
export async function replaceLocationsOfUser(
	db: Db,
	organisationId: string,
	userId: string,
	locationIds: readonly string[]
): Promise<void> {
	await db
		.deleteFrom('user_locations')
		.where('organisation_id', '=', organisationId)
		.where('user_id', '=', userId)
		.execute();
	await grantLocations(db, organisationId, userId, locationIds);
}
