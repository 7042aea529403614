import type { SessionUser } from '$lib/contract/auth';
import { MAX_PHOTO_UPLOAD_BYTES } from '$lib/contract/api-paths';
import type { PhotoUploadResponse } from '$lib/contract/sync';
import { inspectJpeg } from '../files/jpeg';
import { ServiceError } from '../service-error';
import { findAudit } from '../repos/audits';
import { findPhoto, markPhotoStored } from '../repos/photos';
import { requireFieldWork, requireOwnAudit } from './audit-access';
import { photoStoreOf, type ServiceContext } from './context';
import { requireUuid } from './ids';
import { sha256Hex } from './sha256';

export interface PhotoUpload {
	auditId: string;
	photoId: string;
	bytes: Uint8Array;
	/** The `x-content-sha256` header as sent, or null when it is missing. */
	declaredSha256: string | null;
}

/**
 * `PUT /api/audits/{id}/photos/{photoId}`: stores one photo's JPEG bytes. The photo must be in
 * the audit's manifest, the bytes a whole JPEG of sane size whose SHA-256 equals the header and
 * the manifest. A repeat upload of stored bytes answers 200 without writing again. Failures:
 * 400 invalid_id / missing_content_sha256; 404 audit_not_found / photo_not_in_manifest; 413
 * payload_too_large; 415 not_a_jpeg; 422 truncated_jpeg / invalid_dimensions / hash_mismatch.
 */
export async function uploadPhoto(
	ctx: ServiceContext,
	user: SessionUser,
	upload: PhotoUpload,
	now: number
): Promise<PhotoUploadResponse> {
	requireFieldWork(user);
	requireUuid(upload.auditId, 'audit');
	requireUuid(upload.photoId, 'photo');
	const audit = requireOwnAudit(user, await findAudit(ctx.db, upload.auditId));
	const photo = await findPhoto(ctx.db, upload.photoId);
	if (!photo || photo.audit_id !== audit.id) {
		throw new ServiceError(
			'not_found',
			'photo_not_in_manifest',
			'Upload the audit with this photo in its manifest first.'
		);
	}
	const declared = upload.declaredSha256?.trim().toLowerCase() ?? '';
	if (!/^[0-9a-f]{64}$/.test(declared)) {
		throw new ServiceError(
			'bad_request',
			'missing_content_sha256',
			'Send the SHA-256 of the body as hex in the x-content-sha256 header.'
		);
	}
	const { bytes } = upload;
	if (bytes.byteLength > MAX_PHOTO_UPLOAD_BYTES) {
		throw new ServiceError('too_large', 'payload_too_large', 'The photo is too large.');
	}
	const actual = sha256Hex(bytes);
	if (actual !== declared) {
		throw new ServiceError(
			'invalid',
			'hash_mismatch',
			'The body does not match its x-content-sha256.',
			{
				expected: declared,
				actual
			}
		);
	}
	const store = photoStoreOf(ctx);
	const key = { organisationId: audit.organisation_id, auditId: audit.id, photoId: photo.id };
	const response = { id: photo.id, sha256: actual, byteLength: bytes.byteLength };
	if (photo.stored_at !== null && photo.sha256 === actual && (await store.exists(key))) {
		return response;
	}
	const jpeg = inspectJpeg(bytes);
	if (!jpeg.ok) {
		if (jpeg.problem === 'not_a_jpeg') {
			throw new ServiceError('unsupported', 'not_a_jpeg', 'The body is not a JPEG image.');
		}
		if (jpeg.problem === 'truncated_jpeg') {
			throw new ServiceError('invalid', 'truncated_jpeg', 'The JPEG is cut short.');
		}
		throw new ServiceError(
			'invalid',
			'invalid_dimensions',
			'The image is empty or larger than 4096 px.'
		);
	}
	if (actual !== photo.sha256) {
		throw new ServiceError(
			'invalid',
			'hash_mismatch',
			'The photo is not the one in the manifest.',
			{
				expected: photo.sha256,
				actual
			}
		);
	}
	await store.put(key, bytes);
	const marked = await markPhotoStored(
		ctx.db,
		{ id: photo.id, auditId: audit.id, sha256: actual },
		now
	);
	if (!marked) {
		// The photo left the manifest while its bytes were being written.
		await store.delete(key);
		throw new ServiceError(
			'not_found',
			'photo_not_in_manifest',
			'The photo is no longer in the manifest.'
		);
	}
	return response;
}
