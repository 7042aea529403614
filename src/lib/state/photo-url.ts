import { getAuditStore } from './app-services';

/**
 * An object URL for a stored photo's full bytes; the caller revokes it. A photo whose bytes were
 * released after the server received its audit shows its thumbnail instead. Null when it is gone.
 */
export async function loadPhotoUrl(photoId: string): Promise<string | null> {
	const store = await getAuditStore();
	const stored = await store.getPhotoBytes(photoId);
	if (stored) return URL.createObjectURL(new Blob([stored.bytes], { type: stored.type }));
	const meta = await store.getPhoto(photoId);
	if (meta?.released === undefined) return null;
	return URL.createObjectURL(new Blob([meta.thumb], { type: meta.thumbType }));
}
