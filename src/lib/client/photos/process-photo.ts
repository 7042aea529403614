import { PhotoError } from './photo-errors';
import { sniffImage, type ImageInfo } from './sniff-image';

/** Sizes and JPEG qualities for {@link processPhoto}. */
export interface ProcessPhotoOptions {
	/** Longest edge of the output in px; smaller images are never upscaled. Default 2048. */
	maxEdge?: number;
	/** JPEG quality 0–1. Default 0.8. */
	quality?: number;
	/** Longest edge of the thumbnail in px. Default 320. */
	thumbEdge?: number;
	/** Thumbnail JPEG quality 0–1. Default 0.7. */
	thumbQuality?: number;
}

/** A photo re-encoded as JPEG, upright, without any metadata, plus its thumbnail. */
export interface ProcessedPhoto {
	bytes: ArrayBuffer;
	type: 'image/jpeg';
	width: number;
	height: number;
	thumb: ArrayBuffer;
	thumbWidth: number;
	thumbHeight: number;
	/** Size of the input file in bytes. */
	sourceBytes: number;
}

interface Size {
	width: number;
	height: number;
}

export type Surface = OffscreenCanvas | HTMLCanvasElement;
export type Context2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/**
 * Scales `width`×`height` so that the longest edge is at most `maxEdge`, keeping the aspect
 * ratio and never scaling up.
 */
export function fitWithin(width: number, height: number, maxEdge: number): Size {
	const scale = Math.min(1, maxEdge / Math.max(width, height));
	return {
		width: Math.max(1, Math.round(width * scale)),
		height: Math.max(1, Math.round(height * scale))
	};
}

function isOffscreen(surface: Surface): surface is OffscreenCanvas {
	return typeof OffscreenCanvas !== 'undefined' && surface instanceof OffscreenCanvas;
}

/** A canvas of `size`: an OffscreenCanvas where there is one (a worker), else an element. */
export function createSurface({ width, height }: Size): Surface {
	if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
	if (typeof document !== 'undefined') {
		const canvas = document.createElement('canvas');
		canvas.width = width;
		canvas.height = height;
		return canvas;
	}
	throw new PhotoError('encode_failed', 'no canvas available in this context');
}

/** Frees the pixel memory now instead of at garbage collection (matters on Safari). */
export function release(surface: Surface | undefined): void {
	if (!surface) return;
	surface.width = 0;
	surface.height = 0;
}

/** An opaque 2D context; with `fill` it starts white, so transparency is flattened onto white. */
export function whiteContext(surface: Surface, fill: boolean): Context2D {
	const settings: CanvasRenderingContext2DSettings = { alpha: false };
	let ctx: Context2D | null;
	if (isOffscreen(surface)) ctx = surface.getContext('2d', settings);
	else ctx = (surface as HTMLCanvasElement).getContext('2d', settings);
	if (!ctx) throw new PhotoError('encode_failed', 'could not create a 2D canvas context');
	if (fill) {
		ctx.fillStyle = '#fff';
		ctx.fillRect(0, 0, surface.width, surface.height);
	}
	ctx.imageSmoothingEnabled = true;
	ctx.imageSmoothingQuality = 'high';
	return ctx;
}

/** Draws `source` scaled to `size` on a new opaque canvas. */
export function drawOnSurface(source: CanvasImageSource, size: Size, fill: boolean): Surface {
	const surface = createSurface(size);
	try {
		whiteContext(surface, fill).drawImage(source, 0, 0, size.width, size.height);
		return surface;
	} catch (error) {
		release(surface);
		throw error;
	}
}

/** Encodes the canvas as a JPEG without any metadata. */
export async function encodeJpeg(surface: Surface, quality: number): Promise<Blob> {
	let blob: Blob | null;
	try {
		blob = isOffscreen(surface)
			? await surface.convertToBlob({ type: 'image/jpeg', quality })
			: await new Promise<Blob | null>((resolve) => surface.toBlob(resolve, 'image/jpeg', quality));
	} catch (error) {
		throw new PhotoError('encode_failed', `JPEG encoding failed: ${String(error)}`, {
			cause: error
		});
	}
	// Browsers that cannot encode a type silently fall back to PNG.
	if (!blob || blob.type !== 'image/jpeg') {
		throw new PhotoError('encode_failed', `canvas produced ${blob?.type ?? 'nothing'}`);
	}
	return blob;
}

function decodeError(info: ImageInfo, error: unknown): PhotoError {
	// Only Safari decodes HEIC/HEIF and TIFF; elsewhere failing to decode them means unsupported.
	const reason = ['heic', 'heif', 'tiff'].includes(info.kind)
		? 'unsupported_format'
		: 'decode_failed';
	return new PhotoError(reason, `could not decode ${info.mime}: ${String(error)}`, {
		cause: error
	});
}

async function decodeBitmap(source: Blob, info: ImageInfo, resize?: Size): Promise<ImageBitmap> {
	try {
		return await createImageBitmap(source, {
			imageOrientation: 'from-image',
			...(resize && {
				resizeWidth: resize.width,
				resizeHeight: resize.height,
				resizeQuality: 'high'
			})
		});
	} catch (error) {
		throw decodeError(info, error);
	}
}

/**
 * libjpeg decodes at n/8 scale far faster than at full size. Chromium's ImageDecoder picks the
 * largest n/8 whose area fits `desiredWidth`×`desiredHeight`. Measured on 12 MP photos, only
 * n ≤ 5 beats a full decode plus resize, so larger scales go the createImageBitmap way.
 */
const MAX_SCALED_DECODE_EIGHTHS = 5;

function canDecodeScaled(): boolean {
	// ImageDecoder frames carry the EXIF orientation as VideoFrame.rotation/flip; without those
	// fields the orientation could be lost on this path.
	return (
		typeof ImageDecoder !== 'undefined' &&
		typeof VideoFrame !== 'undefined' &&
		'rotation' in VideoFrame.prototype
	);
}

/**
 * JPEG through WebCodecs' ImageDecoder, decoding at the smallest n/8 scale that still covers the
 * target, then one high-quality downscale (which also applies the EXIF rotation) onto the canvas.
 * Returns null when this path does not apply, so the caller falls back.
 */
async function renderJpegScaledDecode(
	bytes: Uint8Array<ArrayBuffer>,
	width: number,
	height: number,
	maxEdge: number
): Promise<Surface | null> {
	const longEdge = Math.max(width, height);
	const eighths = Math.ceil((Math.min(maxEdge, longEdge) / longEdge) * 8 - 1e-9);
	if (!canDecodeScaled() || eighths > MAX_SCALED_DECODE_EIGHTHS) return null;
	let decoder: ImageDecoder | undefined;
	let frame: VideoFrame | undefined;
	try {
		decoder = new ImageDecoder({
			data: bytes,
			type: 'image/jpeg',
			desiredWidth: Math.ceil((width * eighths) / 8),
			desiredHeight: Math.ceil((height * eighths) / 8)
		});
		frame = (await decoder.decode()).image;
		// Display size is after EXIF rotation; trust the browser rather than our own EXIF reading.
		const rotated = frame.displayWidth >= frame.displayHeight !== width >= height;
		const target = fitWithin(rotated ? height : width, rotated ? width : height, maxEdge);
		if (Math.max(frame.displayWidth, frame.displayHeight) < Math.max(target.width, target.height)) {
			return null;
		}
		return drawOnSurface(frame, target, false);
	} catch {
		return null;
	} finally {
		frame?.close();
		decoder?.close();
	}
}

/** JPEG with a known header size: decode and scale in one createImageBitmap call. */
async function renderJpegResizedDecode(
	source: Blob,
	info: ImageInfo & Size,
	maxEdge: number
): Promise<Surface | null> {
	const swap = info.orientation >= 5;
	const target = fitWithin(
		swap ? info.height : info.width,
		swap ? info.width : info.height,
		maxEdge
	);
	const scaled = target.width !== (swap ? info.height : info.width);
	const bitmap = await decodeBitmap(source, info, scaled ? target : undefined);
	try {
		// An engine that orients differently from what the header says would squash the picture;
		// the size gives that away, so decode the slow way instead.
		if (bitmap.width !== target.width || bitmap.height !== target.height) return null;
		return drawOnSurface(bitmap, target, false);
	} finally {
		bitmap.close();
	}
}

/** Any format: decode at full size (the bitmap is already upright), then draw scaled. */
async function renderDecodeThenScale(
	source: Blob,
	info: ImageInfo,
	maxEdge: number
): Promise<Surface> {
	const bitmap = await decodeBitmap(source, info);
	try {
		return drawOnSurface(bitmap, fitWithin(bitmap.width, bitmap.height, maxEdge), true);
	} finally {
		bitmap.close();
	}
}

async function render(
	blob: Blob,
	bytes: Uint8Array<ArrayBuffer>,
	info: ImageInfo,
	maxEdge: number
): Promise<Surface> {
	// Label the data with its real type, not the file's, for any decoder that goes by the label.
	const source = blob.type === info.mime ? blob : blob.slice(0, blob.size, info.mime);
	if (info.kind === 'jpeg' && info.width && info.height) {
		const sized = { ...info, width: info.width, height: info.height };
		return (
			(await renderJpegScaledDecode(bytes, sized.width, sized.height, maxEdge)) ??
			(await renderJpegResizedDecode(source, sized, maxEdge)) ??
			(await renderDecodeThenScale(source, info, maxEdge))
		);
	}
	return renderDecodeThenScale(source, info, maxEdge);
}

function checkOption(name: string, value: number, min: number, max: number): number {
	if (!Number.isFinite(value) || value < min || value > max) {
		throw new RangeError(`${name} must be between ${min} and ${max}, got ${value}`);
	}
	return value;
}

/**
 * Turns a camera photo (or any supported image) into an upright JPEG at most `maxEdge` px on its
 * longest side, plus a thumbnail made from that result. EXIF orientation is honoured; all metadata
 * (GPS, camera make/model, times) is dropped by the re-encode; transparency becomes white.
 * Works in a worker (OffscreenCanvas) or on the main thread (falls back to a canvas element).
 * Run one at a time: a decoded 12 MP photo holds tens of MB.
 *
 * @throws {PhotoError} `too_large`, `not_an_image`, `truncated` (checked before decoding),
 *   `unsupported_format`, `decode_failed`, `encode_failed`.
 * @throws {RangeError} for out-of-range options.
 */
export async function processPhoto(
	blob: Blob,
	options: ProcessPhotoOptions = {}
): Promise<ProcessedPhoto> {
	const maxEdge = Math.round(checkOption('maxEdge', options.maxEdge ?? 2048, 1, 16384));
	const quality = checkOption('quality', options.quality ?? 0.8, 0, 1);
	const thumbEdge = Math.round(checkOption('thumbEdge', options.thumbEdge ?? 320, 1, 16384));
	const thumbQuality = checkOption('thumbQuality', options.thumbQuality ?? 0.7, 0, 1);

	const { info, bytes } = await sniffImage(blob);

	let full: Surface | undefined;
	let small: Surface | undefined;
	try {
		full = await render(blob, bytes, info, maxEdge);
		const size = { width: full.width, height: full.height };
		const thumbSize = fitWithin(size.width, size.height, thumbEdge);
		small = drawOnSurface(full, thumbSize, false);
		// Both encodes in flight at once, as Chromium encodes off the calling thread.
		const [main, thumb] = await Promise.all([
			encodeJpeg(full, quality),
			encodeJpeg(small, thumbQuality)
		]);
		return {
			bytes: await main.arrayBuffer(),
			type: 'image/jpeg',
			...size,
			thumb: await thumb.arrayBuffer(),
			thumbWidth: thumbSize.width,
			thumbHeight: thumbSize.height,
			sourceBytes: blob.size
		};
	} catch (error) {
		if (error instanceof PhotoError) throw error;
		throw new PhotoError('decode_failed', `photo processing failed: ${String(error)}`, {
			cause: error
		});
	} finally {
		release(small);
		release(full);
	}
}
