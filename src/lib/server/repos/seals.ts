import type { Selectable } from 'kysely';
import type { Db } from '../db/connect';
import type { AuditSealTable } from '../db/schema';

export type SealRow = Selectable<AuditSealTable>;

/** Adds a seal; the (audit_id, version) and code constraints refuse a second of either. */
export async function insertSeal(db: Db, seal: SealRow): Promise<void> {
	await db.insertInto('audit_seals').values(seal).execute();
}

/** The newest seal of an audit (highest version), or undefined. */
export async function latestSealOf(db: Db, auditId: string): Promise<SealRow | undefined> {
	return db
		.selectFrom('audit_seals')
		.selectAll()
		.where('audit_id', '=', auditId)
		.orderBy('version', 'desc')
		.limit(1)
		.executeTakeFirst();
}

/** The seal of one report version of an audit, or undefined. */
export async function sealOfVersion(
	db: Db,
	auditId: string,
	version: number
): Promise<SealRow | undefined> {
	return db
		.selectFrom('audit_seals')
		.selectAll()
		.where('audit_id', '=', auditId)
		.where('version', '=', version)
		.executeTakeFirst();
}

/** Every seal of an audit, oldest first (at most one per report version: a short list). */
export async function listSealsOfAudit(
	db: Db,
	organisationId: string,
	auditId: string
): Promise<SealRow[]> {
	return db
		.selectFrom('audit_seals')
		.selectAll()
		.where('audit_id', '=', auditId)
		.where('organisation_id', '=', organisationId)
		.orderBy('version', 'asc')
		.limit(1000)
		.execute();
}

/** The seal printed with this verification code, in any organisation (the public verify page). */
export async function findSealByCode(db: Db, code: string): Promise<SealRow | undefined> {
	return db.selectFrom('audit_seals').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Records the SHA-256 of the PDF made for a seal's report version. */
export async function setSealReportSha256(
	db: Db,
	auditId: string,
	version: number,
	sha256: string
): Promise<void> {
	await db
		.updateTable('audit_seals')
		.set({ report_sha256: sha256 })
		.where('audit_id', '=', auditId)
		.where('version', '=', version)
		.execute();
}

/** An organisation's public key by fingerprint. */
export async function findSealKey(
	db: Db,
	id: string
): Promise<{ id: string; organisation_id: string; public_key: string } | undefined> {
	return db
		.selectFrom('seal_keys')
		.select(['id', 'organisation_id', 'public_key'])
		.where('id', '=', id)
		.executeTakeFirst();
}

/** Records a public key once; a second instance recording the same key changes nothing. */
export async function saveSealKey(
	db: Db,
	key: { id: string; organisation_id: string; public_key: string; created_at: number }
): Promise<void> {
	await db
		.insertInto('seal_keys')
		.values(key)
		.onConflict((oc) => oc.column('id').doNothing())
		.execute();
}
