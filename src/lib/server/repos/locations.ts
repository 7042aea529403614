import { sql } from 'kysely';
import type { Location } from '$lib/domain/types';
import type { Db } from '../db/connect';
import type { LocationTable } from '../db/schema';
import { LEGACY_TIME_ZONE } from '../db/migrations/009-programme';
import { ServiceError } from '../service-error';
import { relabelAudits } from './audits';
import { relabelScoreRows } from './score-rows';

/** A location as stored: the domain Location plus its organisation and change time. */
export interface LocationRecord extends Location {
	organisationId: string;
	updatedAt: number;
	/** IANA zone: reports and the office show the store's times in it. */
	timeZone: string;
	/** When it was archived (no new visits; its audits stay), or null. */
	archivedAt: number | null;
}

/** What the search matches: name, brand and region, lower-cased. */
export function searchTextOf(location: Pick<Location, 'name' | 'brand' | 'region'>): string {
	return [location.name, location.brand, location.region].join(' ').toLocaleLowerCase('en');
}

type StoredLocationRow = Omit<
	LocationTable,
	'time_zone' | 'archived_at' | 'search_text' | 'latitude' | 'longitude' | 'presence_radius_m'
> & {
	time_zone: string;
	archived_at: number | null;
};

/** Maps a stored row to a LocationRecord. */
export function toLocationRecord(row: StoredLocationRow): LocationRecord {
	return {
		...toLocation(row),
		organisationId: row.organisation_id,
		updatedAt: Number(row.updated_at),
		timeZone: row.time_zone,
		archivedAt: row.archived_at === null ? null : Number(row.archived_at)
	};
}

/** Maps a row (of this table or a join selecting its columns) to the domain Location. */
export function toLocation(
	row: Pick<LocationTable, 'id' | 'name' | 'kind' | 'brand' | 'address' | 'region'>
): Location {
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
	now: number,
	timeZone = LEGACY_TIME_ZONE
): Promise<LocationRecord> {
	const values = {
		id: location.id,
		organisation_id: organisationId,
		name: location.name,
		kind: location.kind,
		brand: location.brand,
		address: location.address,
		region: location.region,
		updated_at: now,
		time_zone: timeZone,
		search_text: searchTextOf(location)
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
					updated_at: now,
					time_zone: timeZone,
					search_text: values.search_text
				})
				.where('locations.organisation_id', '=', organisationId)
		)
		.returning(['id', 'archived_at'])
		.executeTakeFirst();
	if (!row)
		throw new ServiceError('conflict', 'location_id_taken', 'This location id is already in use.');
	// Audits carry the location's kind, score rows its kind, region and brand: an edit moves them.
	await relabelAudits(db, organisationId, location);
	await relabelScoreRows(db, organisationId, location);
	return {
		...toLocation(values),
		organisationId,
		updatedAt: now,
		timeZone,
		archivedAt: row.archived_at === null ? null : Number(row.archived_at)
	};
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
	return rows.map(toLocationRecord);
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
	return row && toLocationRecord(row);
}

/** Sets a location's archive mark (null: in use again) and bumps its change time. */
export async function setLocationArchived(
	db: Db,
	organisationId: string,
	id: string,
	archivedAt: number | null,
	now: number
): Promise<boolean> {
	const result = await db
		.updateTable('locations')
		.set({ archived_at: archivedAt, updated_at: now })
		.where('organisation_id', '=', organisationId)
		.where('id', '=', id)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** A page of the office's location list: by name, then id. */
export interface LocationPageQuery {
	/** Lower-cased words that must all appear in name, brand or region. */
	words: string[];
	kind: 'own' | 'competitor' | null;
	includeArchived: boolean;
	after: { name: string; id: string } | null;
	limit: number;
}

/** Escapes LIKE's wildcards (the pattern uses `\\` as its escape character). */
function likeEscape(text: string): string {
	return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** One page of the organisation's locations ordered by (name, id), served by locations_org_name_id. */
export async function pageLocations(
	db: Db,
	organisationId: string,
	query: LocationPageQuery
): Promise<LocationRecord[]> {
	const rows = await locationPageQuery(db, organisationId, query).execute();
	return rows.map(toLocationRecord);
}

/** The query of `pageLocations` (query-plans.test.ts asks the planners about it). */
export function locationPageQuery(db: Db, organisationId: string, query: LocationPageQuery) {
	let select = db
		.selectFrom('locations')
		.select([
			'id',
			'organisation_id',
			'name',
			'kind',
			'brand',
			'address',
			'region',
			'updated_at',
			'time_zone',
			'archived_at'
		])
		.where('organisation_id', '=', organisationId);
	for (const word of query.words) {
		select = select.where(
			sql<boolean>`search_text like ${'%' + likeEscape(word) + '%'} escape '\\'`
		);
	}
	if (query.kind) select = select.where('kind', '=', query.kind);
	if (!query.includeArchived) select = select.where('archived_at', 'is', null);
	const after = query.after;
	if (after) {
		select = select.where((eb) =>
			eb.or([
				eb('name', '>', after.name),
				eb.and([eb('name', '=', after.name), eb('id', '>', after.id)])
			])
		);
	}
	return select.orderBy('name').orderBy('id').limit(query.limit);
}
