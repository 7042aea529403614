import type { SessionUser } from '$lib/contract/auth';
import { inspectJpeg, stripJpegMetadata } from '../files/jpeg';
import { ServiceError } from '../service-error';
import { findAudit } from '../repos/audits';
import { findPhoto } from '../repos/photos';
import { canReadAudit } from './audit-access';
import { photoStoreOf, type ServiceContext } from './context';
import { requireUuid } from './ids';
import { sha256Hex } from './sha256';

/**
 * `GET /api/photos/{id}`: the stored JPEG bytes and their SHA-256, for a reader of the photo's
 * audit (see `canReadAudit`), never with a metadata segment (see `inspectJpeg`). 404 photo_not_found when it is missing, not yet uploaded, or not
 * this user's to see.
 */
export async function readPhoto(
	ctx: ServiceContext,
	user: SessionUser,
	photoId: string
): Promise<{ bytes: Uint8Array<ArrayBuffer>; sha256: string }> {
	requireUuid(photoId, 'photo');
	const notFound = new ServiceError('not_found', 'photo_not_found', 'There is no such photo.');
	const photo = await findPhoto(ctx.db, user.organisation.id, photoId);
	if (!photo || photo.organisation_id !== user.organisation.id || photo.stored_at === null) {
		throw notFound;
	}
	const audit = await findAudit(ctx.db, photo.audit_id);
	if (!audit || !(await canReadAudit(ctx.db, user, audit))) throw notFound;
	const bytes = await photoStoreOf(ctx).get({
		organisationId: audit.organisation_id,
		auditId: audit.id,
		photoId: photo.id
	});
	if (!bytes) throw notFound;
	// Uploads with metadata are refused; a photo stored before that rule is served without it.
	const inspection = inspectJpeg(bytes);
	if (inspection.ok && inspection.metadata.length > 0) {
		const clean = new Uint8Array(stripJpegMetadata(bytes));
		return { bytes: clean, sha256: sha256Hex(clean) };
	}
	return { bytes, sha256: photo.sha256 };
}
