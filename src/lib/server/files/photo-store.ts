import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { tempPathFor } from './temp-files';

/** Where one photo's bytes live: the organisation, the audit and the photo (all ids). */
export interface PhotoKey {
	organisationId: string;
	auditId: string;
	photoId: string;
}

/**
 * The small storage interface photos go through, so a shared volume can later become an
 * S3-compatible store. `put` is atomic: a reader sees the old bytes, the new bytes or nothing.
 */
export interface PhotoStore {
	put(key: PhotoKey, bytes: Uint8Array): Promise<void>;
	/** The bytes, or null when there are none. */
	get(key: PhotoKey): Promise<Uint8Array<ArrayBuffer> | null>;
	/** Removes the bytes; removing what is not there is not an error. */
	delete(key: PhotoKey): Promise<void>;
	exists(key: PhotoKey): Promise<boolean>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Organisation ids are made by the server; no dots or slashes, so no path can be formed from one.
const ORG_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/** The folder of one audit's photos and the file of one photo, after checking every id. */
export function photoPaths(root: string, key: PhotoKey): { dir: string; file: string } {
	if (!ORG_ID.test(key.organisationId)) throw new Error('Invalid organisation id for a photo path');
	if (!UUID.test(key.auditId) || !UUID.test(key.photoId)) {
		throw new Error('Invalid audit or photo id for a photo path');
	}
	const dir = join(root, key.organisationId, key.auditId);
	return { dir, file: join(dir, `${key.photoId}.jpg`) };
}

/**
 * Photos on the local disk under `${dataDir}/photos/${orgId}/${auditId}/${photoId}.jpg`. Writes go
 * to a temporary file in the same folder, are fsync'd, then renamed into place.
 */
export function createDiskPhotoStore(dataDir: string): PhotoStore {
	const root = join(dataDir, 'photos');
	return {
		async put(key, bytes) {
			const { dir, file } = photoPaths(root, key);
			await mkdir(dir, { recursive: true });
			const temp = tempPathFor(join(dir, `.${key.photoId}`));
			try {
				const handle = await open(temp, 'wx');
				try {
					await handle.writeFile(bytes);
					await handle.sync();
				} finally {
					await handle.close();
				}
				await rename(temp, file);
			} catch (error) {
				await rm(temp, { force: true });
				throw error;
			}
			await syncDirectory(dir);
		},
		async get(key) {
			try {
				return new Uint8Array(await readFile(photoPaths(root, key).file));
			} catch (error) {
				if (isNotFound(error)) return null;
				throw error;
			}
		},
		async delete(key) {
			await rm(photoPaths(root, key).file, { force: true });
		},
		async exists(key) {
			try {
				return (await stat(photoPaths(root, key).file)).isFile();
			} catch (error) {
				if (isNotFound(error)) return false;
				throw error;
			}
		}
	};
}

// The rename is durable only once the folder's entry is on disk; not every platform allows this.
async function syncDirectory(dir: string): Promise<void> {
	try {
		const handle = await open(dir, 'r');
		try {
			await handle.sync();
		} finally {
			await handle.close();
		}
	} catch {
		// Best effort.
	}
}

function isNotFound(error: unknown): boolean {
	return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}
