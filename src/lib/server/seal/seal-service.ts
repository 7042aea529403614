import { createPublicKey, randomBytes, randomUUID, sign, verify } from 'node:crypto';
import {
	formatVerificationCode,
	parseVerificationCode,
	sealDigest,
	sha256HexOf,
	statementBytes,
	type SealSource,
	type SealStatement
} from '$lib/domain/seal';
import type { Db } from '../db/connect';
import type { AuditRow } from '../repos/audits';
import { listPhotosOfAudit, type PhotoRow } from '../repos/photos';
import {
	findSealByCode,
	findSealKey,
	insertSeal,
	latestSealOf,
	type SealRow
} from '../repos/seals';
import { parseContent, type AuditContent } from '../services/audit-content';
import type { SigningKey } from './signing-keys';

/** What the seal covers of a stored revision: the stored content, references and photo manifest. */
export function sealSourceOf(
	audit: Pick<AuditRow, 'revision' | 'template_id' | 'template_version' | 'assignment_id'>,
	content: AuditContent,
	photos: readonly Pick<
		PhotoRow,
		'id' | 'checkpoint_id' | 'kind' | 'caption' | 'captured_at' | 'sha256'
	>[]
): SealSource {
	return {
		revision: Number(audit.revision),
		templateId: audit.template_id,
		templateVersion: Number(audit.template_version),
		assignmentId: audit.assignment_id,
		location: content.location,
		locale: content.locale,
		timeIn: content.timeIn,
		timeOut: content.timeOut,
		stageTimeMs: content.stageTimeMs,
		narrative: content.narrative,
		answers: content.answers,
		notes: content.notes,
		photos: photos.map((photo) => ({
			id: photo.id,
			checkpointId: photo.checkpoint_id,
			kind: photo.kind,
			caption: photo.caption,
			capturedAt: Number(photo.captured_at),
			sha256: photo.sha256
		})),
		presence: content.presence ?? null
	};
}

/** The server's seal digest of the audit's stored revision (the same function the device runs). */
export async function serverSealDigest(db: Db, audit: AuditRow): Promise<string> {
	const photos = await listPhotosOfAudit(db, audit.id);
	return sealDigest(audit.id, sealSourceOf(audit, parseContent(audit.content), photos));
}

/** The statement a stored seal signed. */
export function statementOf(row: SealRow): SealStatement {
	return {
		id: row.id,
		organisationId: row.organisation_id,
		auditId: row.audit_id,
		version: Number(row.version),
		state: row.state,
		revision: Number(row.revision),
		digest: row.digest,
		previousId: row.previous_id,
		previousHash: row.previous_hash,
		sealedAt: Number(row.sealed_at),
		keyId: row.key_id
	};
}

/**
 * Seals report version `version` of `audit` (the row as changed in this transaction: its state is
 * the one the version shows) with the organisation's key: the digest of the stored revision,
 * chained to the audit's newest seal by its id and the SHA-256 of its statement. Call in the
 * transaction that queues the version, holding the audit's row lock.
 */
export async function sealReportVersion(
	db: Db,
	key: SigningKey,
	audit: AuditRow,
	version: number,
	now: number,
	digest?: string
): Promise<SealRow> {
	const [previous, sealed] = await Promise.all([
		latestSealOf(db, audit.id),
		digest === undefined ? serverSealDigest(db, audit) : Promise.resolve(digest)
	]);
	const statement: SealStatement = {
		id: randomUUID(),
		organisationId: audit.organisation_id,
		auditId: audit.id,
		version,
		state: audit.state,
		revision: Number(audit.revision),
		digest: sealed,
		previousId: previous?.id ?? null,
		previousHash: previous ? await sha256HexOf(statementBytes(statementOf(previous))) : null,
		sealedAt: now,
		keyId: key.keyId
	};
	const signature = sign(null, statementBytes(statement), key.privateKey).toString('base64');
	const row: SealRow = {
		id: statement.id,
		organisation_id: statement.organisationId,
		audit_id: statement.auditId,
		version,
		code: formatVerificationCode(randomBytes(8)),
		state: statement.state,
		revision: statement.revision,
		digest: statement.digest,
		previous_id: statement.previousId,
		previous_hash: statement.previousHash,
		key_id: statement.keyId,
		signature,
		sealed_at: now,
		report_sha256: null
	};
	await insertSeal(db, row);
	return row;
}

/** Whether the stored seal's signature holds under its organisation's recorded public key. */
export function signatureHolds(row: SealRow, publicKeyBase64: string): boolean {
	try {
		const publicKey = createPublicKey({
			key: Buffer.from(publicKeyBase64, 'base64'),
			format: 'der',
			type: 'spki'
		});
		return verify(
			null,
			statementBytes(statementOf(row)),
			publicKey,
			Buffer.from(row.signature, 'base64')
		);
	} catch {
		return false;
	}
}

/**
 * The verify page's answer. It names only whether the code (or file) is genuine, which version of
 * its chain it is, when that version was sealed and whether a newer version exists — nothing of
 * the store, the shopper, the organisation or the scores.
 */
export type VerifyAnswer =
	| { kind: 'unknown' }
	| {
			kind: 'genuine' | 'file_differs' | 'file_unconfirmed';
			code: string;
			version: number;
			sealedAt: number;
			latestVersion: number;
	  };

/**
 * Checks a verification code, and when `fileSha256` is given, that the file is the very PDF issued
 * under it. `unknown`: no such code, a malformed one, or a seal whose signature does not hold
 * (tampered in the database) — answered alike. `file_differs`: the code is genuine but the file is
 * not the report issued with it (altered, or another report carrying this code);
 * `file_unconfirmed`: genuine code, but its report has not been made yet, so the file cannot be
 * matched.
 */
export async function verifySealCode(
	db: Db,
	typedCode: string,
	fileSha256?: string
): Promise<VerifyAnswer> {
	const code = parseVerificationCode(typedCode);
	if (code === null) return { kind: 'unknown' };
	const row = await findSealByCode(db, code);
	if (!row) return { kind: 'unknown' };
	const key = await findSealKey(db, row.key_id);
	if (!key || key.organisation_id !== row.organisation_id || !signatureHolds(row, key.public_key)) {
		return { kind: 'unknown' };
	}
	const latest = await latestSealOf(db, row.audit_id);
	const facts = {
		code,
		version: Number(row.version),
		sealedAt: Number(row.sealed_at),
		latestVersion: Math.max(Number(latest?.version ?? row.version), Number(row.version))
	};
	if (fileSha256 === undefined) return { kind: 'genuine', ...facts };
	if (row.report_sha256 === null) return { kind: 'file_unconfirmed', ...facts };
	return { kind: row.report_sha256 === fileSha256 ? 'genuine' : 'file_differs', ...facts };
}
