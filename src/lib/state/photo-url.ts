import { getAuditStore } from './app-services';

/** An object URL for a stored photo's full bytes; the caller revokes it. Null when it is gone. */
export async function loadPhotoUrl(photoId: string): Promise<string | null> {
	const store = await getAuditStore();
	const stored = await store.getPhotoBytes(photoId);
	if (!stored) return null;
	return URL.createObjectURL(new Blob([stored.bytes], { type: stored.type }));
}
