/** The parts of `navigator.storage` this module uses; each may be missing in older browsers. */
export interface StorageManagerLike {
	persisted?: () => Promise<boolean>;
	persist?: () => Promise<boolean>;
	estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

export interface SpaceEstimate {
	usage: number;
	quota: number;
	/** quota − usage, never below 0. */
	free: number;
}

export type RoomForPhoto = { ok: true } | { ok: false; reason: 'low_space'; free: number };

/** Share of the quota the app allows itself to fill. */
const MAX_QUOTA_SHARE = 0.9;

function defaultStorage(): StorageManagerLike | undefined {
	return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/**
 * Asks the browser to exempt the app's data from eviction. `persisted`: already exempt or
 * granted now; `denied`: the browser said no (warn the shopper); `unsupported`: no Storage API.
 */
export async function requestPersistentStorage(
	storage: StorageManagerLike | undefined = defaultStorage()
): Promise<'persisted' | 'denied' | 'unsupported'> {
	try {
		if (storage?.persisted && (await storage.persisted())) return 'persisted';
	} catch {
		// Some browsers throw here in private modes; asking may still work.
	}
	if (!storage?.persist) return 'unsupported';
	try {
		return (await storage.persist()) ? 'persisted' : 'denied';
	} catch {
		return 'denied';
	}
}

/** Usage and quota of this origin in bytes, or null when the browser cannot tell. */
export async function estimateFreeSpace(
	storage: StorageManagerLike | undefined = defaultStorage()
): Promise<SpaceEstimate | null> {
	if (!storage?.estimate) return null;
	try {
		const { usage = 0, quota } = await storage.estimate();
		if (!quota) return null;
		return { usage, quota, free: Math.max(0, quota - usage) };
	} catch {
		return null;
	}
}

/**
 * Whether a photo of `bytesNeeded` bytes may be stored: refused when the free space after the
 * write would drop below `floor` or usage would pass 90% of the quota. When the browser cannot
 * estimate, the photo is allowed; a write that then hits the quota fails as `quota_exceeded`.
 */
export async function checkRoomForPhoto(
	bytesNeeded: number,
	floor = 200 * 1024 * 1024,
	storage: StorageManagerLike | undefined = defaultStorage()
): Promise<RoomForPhoto> {
	const estimate = await estimateFreeSpace(storage);
	if (!estimate) return { ok: true };
	const { usage, quota, free } = estimate;
	if (free - bytesNeeded < floor || usage + bytesNeeded > quota * MAX_QUOTA_SHARE) {
		return { ok: false, reason: 'low_space', free };
	}
	return { ok: true };
}
