import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/connect';
import type { PhotoTable } from '../db/schema';

export type PhotoRow = Selectable<PhotoTable>;

/** Every photo row of one audit, by id. */
export async function listPhotosOfAudit(db: Db, auditId: string): Promise<PhotoRow[]> {
	return db
		.selectFrom('photos')
		.selectAll()
		.where('audit_id', '=', auditId)
		.orderBy('id')
		.execute();
}

/**
 * The organisation's photo rows with these ids, whichever of its audits they belong to. Photo
 * ids are scoped to the organisation: another organisation's rows are never seen.
 */
export async function findPhotosByIds(
	db: Db,
	organisationId: string,
	ids: readonly string[]
): Promise<PhotoRow[]> {
	if (ids.length === 0) return [];
	return db
		.selectFrom('photos')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.where('id', 'in', ids)
		.execute();
}

/** The organisation's photo with this id, in whichever audit; callers check the audit. */
export async function findPhoto(
	db: Db,
	organisationId: string,
	id: string
): Promise<PhotoRow | undefined> {
	return db
		.selectFrom('photos')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.where('id', '=', id)
		.executeTakeFirst();
}

/**
 * Inserts manifest rows; an id the organisation already has is left alone (the caller
 * re-reads).
 */
export async function insertPhotos(db: Db, rows: Insertable<PhotoTable>[]): Promise<void> {
	if (rows.length === 0) return;
	await db
		.insertInto('photos')
		.values(rows)
		.onConflict((oc) => oc.columns(['organisation_id', 'id']).doNothing())
		.execute();
}

/**
 * Updates what the device may change about one of an audit's photos after taking it (and, while
 * its bytes have not arrived, the size and dimensions it declared).
 */
export async function updatePhotoDetails(
	db: Db,
	auditId: string,
	id: string,
	details: Pick<PhotoRow, 'checkpoint_id' | 'kind' | 'caption' | 'captured_at'> &
		Partial<Pick<PhotoRow, 'byte_length' | 'width' | 'height'>>
): Promise<void> {
	await db
		.updateTable('photos')
		.set(details)
		.where('audit_id', '=', auditId)
		.where('id', '=', id)
		.execute();
}

/** Deletes these photo rows of one audit. */
export async function deletePhotos(db: Db, auditId: string, ids: readonly string[]): Promise<void> {
	if (ids.length === 0) return;
	await db.deleteFrom('photos').where('audit_id', '=', auditId).where('id', 'in', ids).execute();
}

/**
 * Marks the bytes as stored, only while the row still belongs to this audit with this hash.
 * Returns false when the row is gone (removed from the manifest meanwhile) or changed.
 */
export async function markPhotoStored(
	db: Db,
	photo: { id: string; auditId: string; sha256: string },
	storedAt: number
): Promise<boolean> {
	const result = await db
		.updateTable('photos')
		.set({ stored_at: storedAt })
		.where('id', '=', photo.id)
		.where('audit_id', '=', photo.auditId)
		.where('sha256', '=', photo.sha256)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}
