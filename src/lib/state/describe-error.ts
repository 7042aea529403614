import { PhotoError } from '$lib/client/photos/photo-errors';
import { StorageError } from '$lib/client/storage/storage-errors';
import type { MessageKey } from '$lib/i18n/i18n.svelte';
import type { MessageParams } from '$lib/i18n/i18n.svelte';

/** Maps a typed error from storage or the photo pipeline to a translated message. */
export function describeError(error: unknown): { key: MessageKey; params?: MessageParams } {
	if (error instanceof PhotoError) {
		switch (error.reason) {
			case 'not_an_image':
				return { key: 'error.photo.notAnImage' };
			case 'truncated':
				return { key: 'error.photo.truncated' };
			case 'unsupported_format':
				return { key: 'error.photo.unsupported' };
			case 'too_large':
				return { key: 'error.photo.tooLarge' };
			default:
				return { key: 'error.photo.failed' };
		}
	}
	if (error instanceof StorageError) {
		switch (error.reason) {
			case 'quota_exceeded':
				return { key: 'error.storage.full' };
			case 'read_only':
				return { key: 'error.storage.readOnly' };
			case 'not_found':
				return { key: 'error.storage.notFound' };
			case 'blocked':
				return { key: 'error.storage.blocked' };
			default:
				return { key: 'error.storage.failed' };
		}
	}
	return { key: 'error.unexpected' };
}
