// Dedicated module worker: runs the photo pipeline off the main thread, one job per message.
// Start it through PhotoProcessor, never directly.
import { PhotoError, type PhotoErrorReason } from './photo-errors';
import type { PhotoEdit } from '$lib/domain/photo-edits';
import { editPhoto } from './edit-photo';
import { processPhoto, type ProcessedPhoto, type ProcessPhotoOptions } from './process-photo';

/** Main thread → worker. */
export interface PhotoJobRequest {
	id: number;
	blob: Blob;
	options?: ProcessPhotoOptions;
	/** Present: `blob` is a stored original, to be flattened with these edits (editPhoto). */
	edits?: PhotoEdit[];
}

/** Worker → main thread. `reason` is absent for errors that are not a PhotoError. */
export type PhotoJobResponse =
	| { id: number; ok: true; photo: ProcessedPhoto }
	| { id: number; ok: false; reason?: PhotoErrorReason; name: string; message: string };

self.addEventListener('message', async (event: MessageEvent<PhotoJobRequest>) => {
	const { id, blob, options, edits } = event.data;
	let response: PhotoJobResponse;
	let transfer: Transferable[] = [];
	try {
		const photo = edits ? await editPhoto(blob, edits, options) : await processPhoto(blob, options);
		response = { id, ok: true, photo };
		transfer = [photo.bytes, photo.thumb];
	} catch (error) {
		const err = error instanceof Error ? error : new Error(String(error));
		response = { id, ok: false, name: err.name, message: err.message };
		if (error instanceof PhotoError) response.reason = error.reason;
	}
	self.postMessage(response, { transfer });
});
