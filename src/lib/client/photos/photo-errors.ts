/**
 * Why a photo could not be processed. The UI translates the reason; the message is for logs.
 *
 * - `not_an_image`: the bytes are not an image we recognise, whatever the file's name or MIME type.
 * - `truncated`: the file is an image whose data stops early (an interrupted copy or upload).
 * - `unsupported_format`: a real image in a format this browser cannot decode (HEIC or TIFF
 *   outside Safari).
 * - `too_large`: the file is over {@link MAX_PHOTO_BYTES}, or its header claims more than
 *   {@link MAX_PHOTO_PIXELS}; rejected before decoding.
 * - `decode_failed`: the browser could not decode the image (corrupt data, out of memory, ...).
 * - `encode_failed`: the browser could not encode the JPEG.
 */
export type PhotoErrorReason =
	| 'not_an_image'
	| 'truncated'
	| 'unsupported_format'
	| 'too_large'
	| 'decode_failed'
	| 'encode_failed';

/** Largest input accepted, in bytes (40 MB). Camera JPEGs are 2–8 MB; a 48 MP HEIC is ~15 MB. */
export const MAX_PHOTO_BYTES = 40 * 1024 * 1024;

/**
 * Largest pixel count accepted when the header states it (JPEG, PNG): room for 108 MP phone
 * photos, but a small PNG claiming 30000×30000 would need 3.6 GB to decode.
 */
export const MAX_PHOTO_PIXELS = 120_000_000;

const REASONS: readonly PhotoErrorReason[] = [
	'not_an_image',
	'truncated',
	'unsupported_format',
	'too_large',
	'decode_failed',
	'encode_failed'
];

/** A photo that cannot be processed, with a machine-readable `reason`. */
export class PhotoError extends Error {
	readonly reason: PhotoErrorReason;

	constructor(reason: PhotoErrorReason, message: string = reason, options?: ErrorOptions) {
		super(message, options);
		this.name = 'PhotoError';
		this.reason = reason;
	}
}

/** Whether `value` is one of the {@link PhotoErrorReason} strings (for data crossing a worker). */
export function isPhotoErrorReason(value: unknown): value is PhotoErrorReason {
	return typeof value === 'string' && (REASONS as readonly string[]).includes(value);
}
