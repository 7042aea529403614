import { PhotoProcessor } from '$lib/client/photos/photo-processor';
import { AuditStore } from '$lib/client/storage/audit-store';
import { openShopwalkDb } from '$lib/client/storage/open-db';

let store: Promise<AuditStore> | null = null;
let processor: PhotoProcessor | null = null;

/** The device's audit store, opened once per page. */
export function getAuditStore(): Promise<AuditStore> {
	store ??= openShopwalkDb().then((db) => new AuditStore(db));
	// A failed open (private mode, blocked upgrade) may succeed on the next try.
	store.catch(() => (store = null));
	return store;
}

/** The photo pipeline: one worker, one photo at a time. */
export function getPhotoProcessor(): PhotoProcessor {
	processor ??= new PhotoProcessor();
	return processor;
}
