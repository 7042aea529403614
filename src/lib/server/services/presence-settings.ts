import type { SessionUser } from '$lib/contract/auth';
import { reviewsAudits } from '$lib/domain/roles';
import {
	getPresenceCheck,
	setPresenceCheck,
	setStorePosition,
	storePositionsPageQuery,
	type StorePosition
} from '../repos/presence';
import { ServiceError } from '../service-error';
import type { ServiceContext } from './context';

/** Locations per page of the store positions list. */
export const STORE_POSITIONS_PAGE = 50;

export interface StorePositionRow {
	id: string;
	name: string;
	address: string;
	position: StorePosition | null;
}

export interface PresenceSettings {
	enabled: boolean;
	/** Only admins turn the check on or off; managers set store positions. */
	mayToggle: boolean;
	stores: StorePositionRow[];
	/** The id to continue after, when there are more. */
	nextAfter: string | null;
}

function requireManagerOrAdmin(user: SessionUser): void {
	if (!reviewsAudits(user)) {
		throw new ServiceError(
			'forbidden',
			'forbidden',
			'Only managers and admins change these settings.'
		);
	}
}

/** The presence setting and one page of the organisation's store positions (managers, admins). */
export async function getPresenceSettings(
	ctx: ServiceContext,
	user: SessionUser,
	after: string | null
): Promise<PresenceSettings> {
	requireManagerOrAdmin(user);
	const organisationId = user.organisation.id;
	const [enabled, rows] = await Promise.all([
		getPresenceCheck(ctx.db, organisationId),
		storePositionsPageQuery(ctx.db, organisationId, after, STORE_POSITIONS_PAGE + 1).execute()
	]);
	const page = rows.slice(0, STORE_POSITIONS_PAGE);
	return {
		enabled,
		mayToggle: user.role === 'admin',
		stores: page.map((row) => ({
			id: row.id,
			name: row.name,
			address: row.address,
			position:
				row.latitude === null || row.longitude === null || row.presence_radius_m === null
					? null
					: {
							latitude: Number(row.latitude),
							longitude: Number(row.longitude),
							radiusM: Number(row.presence_radius_m)
						}
		})),
		nextAfter: rows.length > STORE_POSITIONS_PAGE ? (page.at(-1)?.id ?? null) : null
	};
}

/** Turns the organisation's presence check on or off: admins only. */
export async function changePresenceCheck(
	ctx: ServiceContext,
	user: SessionUser,
	on: boolean
): Promise<void> {
	if (user.role !== 'admin') {
		throw new ServiceError(
			'forbidden',
			'forbidden',
			'Only admins turn the presence check on or off.'
		);
	}
	await setPresenceCheck(ctx.db, user.organisation.id, on);
}

/**
 * Parses the position form: all three fields empty clears the position; otherwise a latitude in
 * −90…90, a longitude in −180…180 and a whole radius of 10…5000 m, or invalid `invalid_position`.
 */
export function parseStorePosition(fields: {
	latitude: string;
	longitude: string;
	radius: string;
}): StorePosition | null {
	const [latitude, longitude, radius] = [fields.latitude, fields.longitude, fields.radius].map(
		(value) => value.trim().replace(',', '.')
	);
	if (latitude === '' && longitude === '' && radius === '') return null;
	const lat = Number(latitude);
	const lon = Number(longitude);
	const radiusM = Number(radius);
	const valid =
		latitude !== '' &&
		longitude !== '' &&
		radius !== '' &&
		Number.isFinite(lat) &&
		Math.abs(lat) <= 90 &&
		Number.isFinite(lon) &&
		Math.abs(lon) <= 180 &&
		Number.isInteger(radiusM) &&
		radiusM >= 10 &&
		radiusM <= 5000;
	if (!valid) {
		throw new ServiceError(
			'invalid',
			'invalid_position',
			'Give a latitude (−90 to 90), a longitude (−180 to 180) and a radius of 10 to 5000 m, or leave all three empty.'
		);
	}
	return { latitude: lat, longitude: lon, radiusM };
}

/** Sets or clears one of the organisation's store positions (managers, admins); 404 for others'. */
export async function changeStorePosition(
	ctx: ServiceContext,
	user: SessionUser,
	locationId: string,
	position: StorePosition | null,
	now: number
): Promise<void> {
	requireManagerOrAdmin(user);
	if (!(await setStorePosition(ctx.db, user.organisation.id, locationId, position, now))) {
		throw new ServiceError('not_found', 'location_not_found', 'No such location.');
	}
}
