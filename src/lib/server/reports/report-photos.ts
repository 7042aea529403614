import { join } from 'node:path';
import { photoPaths, type PhotoKey } from '../files/photo-store';
import type { RenditionTask } from './pdf-job';

export { REPORT_PHOTO_EDGE, REPORT_PHOTO_QUALITY } from './render-process.js';

/** The folder all report renditions live under; the renderer may read from it. */
export function reportPhotoRoot(dataDir: string): string {
	return join(dataDir, 'report-photos');
}

/** Where the report rendition of one photo lives: `${dataDir}/report-photos/${org}/${audit}/${photo}.jpg`. */
export function reportPhotoPath(dataDir: string, key: PhotoKey): string {
	return photoPaths(reportPhotoRoot(dataDir), key).file;
}

/**
 * The rendition of each photo of an audit: made from the stored photo
 * (`${dataDir}/photos/…`) by the renderer on first use, reused afterwards.
 */
export function reportRenditionTasks(
	dataDir: string,
	audit: { organisationId: string; auditId: string },
	photoIds: readonly string[]
): (RenditionTask & { photoId: string })[] {
	return photoIds.map((photoId) => {
		const key = { ...audit, photoId };
		return {
			photoId,
			source: photoPaths(join(dataDir, 'photos'), key).file,
			target: reportPhotoPath(dataDir, key)
		};
	});
}
