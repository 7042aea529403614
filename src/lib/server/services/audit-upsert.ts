import type { SessionUser } from '$lib/contract/auth';
import type { AuditUpload, AuditUploadResponse, PhotoManifestEntry } from '$lib/contract/sync';
import type { Db } from '../db/connect';
import type { PhotoKey } from '../files/photo-store';
import { ServiceError } from '../service-error';
import { findAudit, upsertAuditIfNewer, type AuditRow } from '../repos/audits';
import {
	deletePhotos,
	findPhotosByIds,
	insertPhotos,
	listPhotosOfAudit,
	updatePhotoDetails,
	type PhotoRow
} from '../repos/photos';
import { auditNotFound, isOwnAudit, requireFieldWork } from './audit-access';
import { checkAgainstTemplate, contentOf, scoreContent } from './audit-content';
import { photoStoreOf, type ServiceContext } from './context';
import { requireUuid } from './ids';
import { findAssignment, findLocation, findPublishedTemplate } from './org-lookups';
import { encodeStoredScore } from './stored-score';

/**
 * `PUT /api/audits/{id}`: stores the shopper's audit at `upload.revision`, idempotently.
 * A revision at or below the stored one changes nothing and answers with the stored state; a
 * higher one replaces the content, re-scores it with the domain code and brings the photo
 * manifest in line (new photos wait for their bytes; photos left out are deleted with their
 * files). Failures: 400 invalid_id; 404 audit_not_found (someone else's id); 422
 * unknown_template / unknown_location / unknown_assignment / unknown_checkpoint /
 * duplicate_entry; 409 audit_locked (a new revision of a submitted or approved audit),
 * photo_changed (a known photo id with other bytes, or other facts once stored), photo_id_taken
 * (another audit of the organisation has it; ids of other organisations are never seen).
 */
export async function upsertAudit(
	ctx: ServiceContext,
	user: SessionUser,
	auditId: string,
	upload: AuditUpload,
	now: number
): Promise<AuditUploadResponse> {
	requireFieldWork(user);
	requireUuid(auditId, 'audit');
	const organisationId = user.organisation.id;
	const existing = await findAudit(ctx.db, auditId);
	if (existing && !isOwnAudit(user, existing)) throw auditNotFound();
	if (existing && upload.revision <= existing.revision) return responseFor(ctx.db, existing);

	const template = await findPublishedTemplate(
		ctx.db,
		organisationId,
		upload.templateId,
		upload.templateVersion
	);
	if (!template) {
		throw new ServiceError(
			'invalid',
			'unknown_template',
			'That template version is not published here.'
		);
	}
	if (!(await findLocation(ctx.db, organisationId, upload.location.id))) {
		throw new ServiceError('invalid', 'unknown_location', 'That location is not one of yours.');
	}
	if (upload.assignmentId !== null) {
		const assignment = await findAssignment(ctx.db, organisationId, upload.assignmentId);
		if (!assignment || assignment.shopper_id !== user.id) {
			throw new ServiceError('invalid', 'unknown_assignment', 'That assignment is not yours.');
		}
	}
	checkAgainstTemplate(template, upload);
	const content = contentOf(upload);
	const score = scoreContent(template, content);

	const { response, removed } = await ctx.db.transaction().execute(async (trx) => {
		const written = await upsertAuditIfNewer(trx, {
			id: auditId,
			organisation_id: organisationId,
			shopper_id: user.id,
			assignment_id: upload.assignmentId,
			template_id: upload.templateId,
			template_version: upload.templateVersion,
			location_id: upload.location.id,
			revision: upload.revision,
			state: 'draft',
			content: JSON.stringify(content),
			score: encodeStoredScore(score),
			total_percent: score.totalPercent,
			received_at: now,
			updated_at: now,
			submitted_at: null
		});
		if (!written) {
			// Another request got there first, or the audit is not this user's to change.
			const stored = await findAudit(trx, auditId);
			if (!stored || !isOwnAudit(user, stored)) throw auditNotFound();
			if (upload.revision <= stored.revision) {
				return { response: await responseFor(trx, stored), removed: [] };
			}
			throw new ServiceError(
				'conflict',
				'audit_locked',
				`The audit is ${stored.state}; it cannot change.`,
				{
					state: stored.state,
					revision: stored.revision
				}
			);
		}
		const removed = await syncManifest(trx, written, upload.photos);
		return { response: await responseFor(trx, written), removed };
	});

	// Only after the commit: a rolled-back upsert must not lose photo bytes.
	const store = photoStoreOf(ctx);
	await Promise.all(removed.map((key) => store.delete(key).catch(() => undefined)));
	return response;
}

/** The answer to an upload: the stored revision and state, and the photos still without bytes. */
async function responseFor(db: Db, audit: AuditRow): Promise<AuditUploadResponse> {
	const photos = await listPhotosOfAudit(db, audit.id);
	return {
		id: audit.id,
		revision: audit.revision,
		state: audit.state,
		missingPhotos: photos.filter((photo) => photo.stored_at === null).map((photo) => photo.id)
	};
}

/**
 * Makes the audit's photo rows match the manifest of the revision just written (the caller holds
 * the audit's row lock). Returns the keys of the photos removed, whose files go after commit.
 */
async function syncManifest(
	db: Db,
	audit: AuditRow,
	manifest: readonly PhotoManifestEntry[]
): Promise<PhotoKey[]> {
	const current = await listPhotosOfAudit(db, audit.id);
	// Scoped to the organisation: another organisation's photo id is a new id here.
	const named = await findPhotosByIds(
		db,
		audit.organisation_id,
		manifest.map((entry) => entry.id)
	);
	const byId = new Map<string, PhotoRow>([...current, ...named].map((row) => [row.id, row]));
	const fresh: PhotoManifestEntry[] = [];
	for (const entry of manifest) {
		const row = byId.get(entry.id);
		if (!row) {
			fresh.push(entry);
			continue;
		}
		if (row.audit_id !== audit.id) throw photoIdTaken(entry.id);
		const facts = { byte_length: entry.byteLength, width: entry.width, height: entry.height };
		const factsDiffer =
			Number(row.byte_length) !== facts.byte_length ||
			Number(row.width) !== facts.width ||
			Number(row.height) !== facts.height;
		// Size and dimensions may be corrected until the bytes arrive; then they are the bytes'.
		if (row.sha256 !== entry.sha256 || (factsDiffer && row.stored_at !== null)) {
			throw new ServiceError(
				'conflict',
				'photo_changed',
				'A photo id was sent before with other bytes; a changed photo needs a new id.',
				{ photoId: entry.id }
			);
		}
		const details = {
			checkpoint_id: entry.checkpointId,
			kind: entry.kind,
			caption: entry.caption,
			captured_at: entry.capturedAt
		};
		if (
			row.checkpoint_id !== details.checkpoint_id ||
			row.kind !== details.kind ||
			row.caption !== details.caption ||
			row.captured_at !== details.captured_at ||
			factsDiffer
		) {
			await updatePhotoDetails(
				db,
				audit.id,
				entry.id,
				factsDiffer ? { ...details, ...facts } : details
			);
		}
	}
	await insertPhotos(
		db,
		fresh.map((entry) => ({
			id: entry.id,
			audit_id: audit.id,
			organisation_id: audit.organisation_id,
			checkpoint_id: entry.checkpointId,
			kind: entry.kind,
			caption: entry.caption,
			captured_at: entry.capturedAt,
			sha256: entry.sha256,
			byte_length: entry.byteLength,
			width: entry.width,
			height: entry.height,
			stored_at: null
		}))
	);
	// An id inserted meanwhile by another of the organisation's audits was skipped by ON
	// CONFLICT DO NOTHING.
	const clash = (
		await findPhotosByIds(
			db,
			audit.organisation_id,
			fresh.map((entry) => entry.id)
		)
	).find((row) => row.audit_id !== audit.id);
	if (clash) throw photoIdTaken(clash.id);

	const keep = new Set(manifest.map((entry) => entry.id));
	const gone = current.filter((row) => !keep.has(row.id));
	await deletePhotos(
		db,
		audit.id,
		gone.map((row) => row.id)
	);
	return gone.map((row) => ({
		organisationId: audit.organisation_id,
		auditId: audit.id,
		photoId: row.id
	}));
}

function photoIdTaken(photoId: string): ServiceError {
	return new ServiceError(
		'conflict',
		'photo_id_taken',
		'That photo id belongs to another of your organisation’s audits.',
		{
			photoId
		}
	);
}
