/**
 * Presence without tracking: at time-in the device reads its position once, compares it with the
 * store's coordinates and radius, and keeps only the outcome and an accuracy band. Pure.
 */

/** What a presence check kept at time-in: the outcome and the accuracy band, never a position. */
export interface PresenceOutcome {
	outcome: 'within' | 'outside' | 'unavailable';
	/** How precise the reading was: within 50 m, within 200 m, worse; null when unavailable. */
	accuracy: 'le50' | 'le200' | 'gt200' | null;
	/** When the check was made (epoch ms). */
	checkedAt: number;
}

/** The accuracy band of a position reading's accuracy radius in metres. */
export function accuracyBand(accuracyM: number): 'le50' | 'le200' | 'gt200' {
	if (accuracyM <= 50) return 'le50';
	if (accuracyM <= 200) return 'le200';
	return 'gt200';
}

/** Great-circle distance in metres between two WGS-84 points (haversine, mean Earth radius). */
export function distanceMetres(
	a: { latitude: number; longitude: number },
	b: { latitude: number; longitude: number }
): number {
	const rad = Math.PI / 180;
	const dLat = (b.latitude - a.latitude) * rad;
	const dLon = (b.longitude - a.longitude) * rad;
	const h =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
	return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The outcome of one reading against a store: within when the reading's distance to the store is
 * at most the radius, else outside. Only the outcome and the band are returned, never the position.
 */
export function presenceOutcome(
	reading: { latitude: number; longitude: number; accuracy: number },
	store: { latitude: number; longitude: number; radiusM: number },
	checkedAt: number
): PresenceOutcome {
	const distance = distanceMetres(reading, store);
	return {
		outcome: distance <= store.radiusM ? 'within' : 'outside',
		accuracy: accuracyBand(reading.accuracy),
		checkedAt
	};
}
