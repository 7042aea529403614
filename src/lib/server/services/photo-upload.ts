import type { SessionUser } from '$lib/contract/auth';
import { MAX_PHOTO_UPLOAD_BYTES } from '$lib/contract/api-paths';
import type { PhotoUploadResponse } from '$lib/contract/sync';
import { inspectJpeg } from '../files/jpeg';
import { decodeJpeg } from '../files/jpeg-decode';
import { ServiceError } from '../service-error';
import { findAudit } from '../repos/audits';
import { findPhoto, markPhotoStored, type PhotoRow } from '../repos/photos';
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
 * the manifest, with no metadata segment at all (invariant 6: the server never stores a photo
 * with EXIF or GPS; it refuses rather than strips, so the stored bytes stay the ones the device
 * hashed), whose byte length and dimensions are the manifest's, and whose pixels decode at
 * that size. A repeat upload of stored bytes answers 200 without writing again. Failures:
 * 400 invalid_id / missing_content_sha256; 404 audit_not_found / photo_not_in_manifest; 413
 * payload_too_large; 415 not_a_jpeg; 422 truncated_jpeg / invalid_dimensions / hash_mismatch /
 * photo_has_metadata / photo_facts_mismatch / undecodable_jpeg.
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
	const photo = await findPhoto(ctx.db, audit.organisation_id, upload.photoId);
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
	if (jpeg.metadata.length > 0) {
		throw new ServiceError(
			'invalid',
			'photo_has_metadata',
			'The JPEG carries metadata (EXIF, GPS, XMP, IPTC, comments or a thumbnail); send it without any.',
			{ segments: jpeg.metadata.slice(0, 20) }
		);
	}
	checkFacts(photo, { byteLength: bytes.byteLength, width: jpeg.width, height: jpeg.height });
	const decoded = await decodeJpeg(bytes);
	if (!decoded.ok || decoded.width !== jpeg.width || decoded.height !== jpeg.height) {
		throw new ServiceError(
			'invalid',
			'undecodable_jpeg',
			'The JPEG’s pixels do not decode at the size its header states.'
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

/** Refuses (422 photo_facts_mismatch) bytes whose size or dimensions are not the manifest's. */
function checkFacts(
	photo: PhotoRow,
	actual: { byteLength: number; width: number; height: number }
): void {
	const declared = {
		byteLength: Number(photo.byte_length),
		width: Number(photo.width),
		height: Number(photo.height)
	};
	const fields = (['byteLength', 'width', 'height'] as const).filter(
		(field) => declared[field] !== actual[field]
	);
	if (fields.length > 0) {
		throw new ServiceError(
			'invalid',
			'photo_facts_mismatch',
			'The photo’s size or dimensions are not the ones in the manifest.',
			{ fields, manifest: declared, actual }
		);
	}
}
