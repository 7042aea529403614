import type { Tx } from './transaction';

// Apart from photo-writes.ts: status changes call this inside their own transactions (so it must
// be loaded already), while the photo writes themselves load with the first photo.

/**
 * Inside a transaction over `photoBytes`: forgets the unedited originals of one audit's edited
 * photos, once the server holds the audit and it is no longer editable here. The flattened JPEG
 * becomes the only copy, so a redaction cannot be undone on this device either; the edit list
 * stays for the record.
 */
export async function dropPhotoOriginals(tx: Tx<'readwrite'>, auditId: string): Promise<void> {
	let cursor = await tx.objectStore('photoBytes').index('by-audit').openCursor(auditId);
	while (cursor) {
		if (cursor.value.original !== undefined) {
			const rest = { ...cursor.value };
			delete rest.original;
			await cursor.update(rest);
		}
		cursor = await cursor.continue();
	}
}
