import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { photoPaths, type PhotoKey } from '../files/photo-store';

/** The long edge of a report rendition, in pixels. */
export const REPORT_PHOTO_EDGE = 1200;
/** JPEG quality of a report rendition. */
export const REPORT_PHOTO_QUALITY = 75;

/** The folder all report renditions live under; the renderer may read from it. */
export function reportPhotoRoot(dataDir: string): string {
	return join(dataDir, 'report-photos');
}

/** Where the report rendition of one photo lives: `${dataDir}/report-photos/${org}/${audit}/${photo}.jpg`. */
export function reportPhotoPath(dataDir: string, key: PhotoKey): string {
	return photoPaths(reportPhotoRoot(dataDir), key).file;
}

// Two reports of the same audit at once must not both resize the same photo.
const inFlight = new Map<string, Promise<string | null>>();

/**
 * The absolute path of the photo's report rendition (long edge ≤ 1200 px, quality 75, no
 * metadata), made from `${dataDir}/photos/…` on first use and reused afterwards. Null when the
 * original is missing. Photos are immutable per id, so an existing rendition is always current.
 */
export function ensureReportPhoto(dataDir: string, key: PhotoKey): Promise<string | null> {
	const target = reportPhotoPath(dataDir, key);
	const running = inFlight.get(target);
	if (running) return running;
	const work = makeRendition(dataDir, key, target).finally(() => inFlight.delete(target));
	inFlight.set(target, work);
	return work;
}

async function makeRendition(dataDir: string, key: PhotoKey, target: string) {
	if (await isFile(target)) return target;
	const source = photoPaths(join(dataDir, 'photos'), key).file;
	if (!(await isFile(source))) return null;
	await mkdir(dirname(target), { recursive: true });
	const temp = `${target}.${randomUUID()}.tmp`;
	try {
		// sharp writes no metadata unless asked to, so EXIF stays out of the report.
		await sharp(source)
			.resize(REPORT_PHOTO_EDGE, REPORT_PHOTO_EDGE, { fit: 'inside', withoutEnlargement: true })
			.jpeg({ quality: REPORT_PHOTO_QUALITY })
			.toFile(temp);
		await rename(temp, target);
	} catch (error) {
		await rm(temp, { force: true });
		throw error;
	}
	return target;
}

/**
 * Report renditions of several photos of one audit, a few at a time. Returns photo id → absolute
 * path; photos whose original is missing are left out.
 */
export async function prepareReportPhotos(
	dataDir: string,
	audit: { organisationId: string; auditId: string },
	photoIds: readonly string[],
	concurrency = 4
): Promise<Record<string, string>> {
	const files: Record<string, string> = {};
	let next = 0;
	const lane = async () => {
		while (next < photoIds.length) {
			const photoId = photoIds[next++] as string;
			const path = await ensureReportPhoto(dataDir, { ...audit, photoId });
			if (path !== null) files[photoId] = path;
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, photoIds.length) }, lane));
	return files;
}

async function isFile(path: string): Promise<boolean> {
	try {
		return (await stat(path)).isFile();
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
		throw error;
	}
}
