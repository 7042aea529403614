import type { PresenceTarget } from '$lib/contract/sync';
import { presenceOutcome, type PresenceOutcome } from '$lib/domain/presence';

/** How long the one reading may take before the outcome is `unavailable`. */
export const PRESENCE_TIMEOUT_MS = 10_000;

/**
 * Reads the device's position once and compares it with `store`; resolves with the outcome and
 * accuracy band only. The position lives in this function's scope and nowhere else: it is not
 * returned, stored, logged or sent. A refusal, a timeout or no geolocation at all is
 * `unavailable`.
 */
export function readPresence(
	store: PresenceTarget,
	checkedAt: number,
	geolocation: Geolocation | undefined = globalThis.navigator?.geolocation
): Promise<PresenceOutcome> {
	const unavailable: PresenceOutcome = { outcome: 'unavailable', accuracy: null, checkedAt };
	if (!geolocation) return Promise.resolve(unavailable);
	return new Promise((resolve) => {
		geolocation.getCurrentPosition(
			({ coords }) =>
				resolve(
					presenceOutcome(
						{ latitude: coords.latitude, longitude: coords.longitude, accuracy: coords.accuracy },
						store,
						checkedAt
					)
				),
			() => resolve(unavailable),
			{ enableHighAccuracy: true, timeout: PRESENCE_TIMEOUT_MS, maximumAge: 0 }
		);
	});
}
