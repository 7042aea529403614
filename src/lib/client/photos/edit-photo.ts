import {
	isRedaction,
	normaliseEdits,
	pixelBlockSize,
	redactedBlocks,
	type EditPoint,
	type PhotoEdit
} from '$lib/domain/photo-edits';
import { PhotoError } from './photo-errors';
import {
	createSurface,
	drawOnSurface,
	encodeJpeg,
	fitWithin,
	release,
	whiteContext,
	type Context2D,
	type ProcessedPhoto,
	type Surface
} from './process-photo';

/** Qualities of the flattened photo; the same defaults as a new photo's. */
export interface EditPhotoOptions {
	quality?: number;
	thumbEdge?: number;
	thumbQuality?: number;
}

/** The colour of annotations, with a white halo so it reads on dark and light photos alike. */
export const ANNOTATION_COLOUR = '#e0113b';
const HALO = 'rgba(255,255,255,0.9)';
/** How far the noise moves each pixel of a pixelated block, per channel (±). */
const NOISE = 24;

/**
 * Pixelates every block a redaction touches: each block becomes its average colour plus random
 * noise, so neither shapes nor text survive inside it and the averages themselves are blurred
 * by noise (no sharpening or deconvolution brings back what a block held).
 */
function pixelate(
	ctx: Context2D,
	width: number,
	height: number,
	edits: readonly PhotoEdit[],
	random: () => number
): void {
	const block = pixelBlockSize(width, height);
	const blocks = redactedBlocks(edits, width, height, block);
	if (blocks.size === 0) return;
	const columns = Math.ceil(width / block);
	const image = ctx.getImageData(0, 0, width, height);
	const data = image.data;
	for (const index of blocks) {
		const x0 = (index % columns) * block;
		const y0 = Math.floor(index / columns) * block;
		const x1 = Math.min(width, x0 + block);
		const y1 = Math.min(height, y0 + block);
		let r = 0;
		let g = 0;
		let b = 0;
		for (let y = y0; y < y1; y++) {
			for (let x = x0; x < x1; x++) {
				const i = (y * width + x) * 4;
				r += data[i]!;
				g += data[i + 1]!;
				b += data[i + 2]!;
			}
		}
		const n = (x1 - x0) * (y1 - y0);
		// A flat tile gets its own shift too, so equal neighbours do not reveal an edge's position.
		const shift = (random() - 0.5) * NOISE;
		const mean = [r / n + shift, g / n + shift, b / n + shift];
		for (let y = y0; y < y1; y++) {
			for (let x = x0; x < x1; x++) {
				const i = (y * width + x) * 4;
				const noise = (random() - 0.5) * 2 * NOISE;
				data[i] = mean[0]! + noise;
				data[i + 1] = mean[1]! + noise;
				data[i + 2] = mean[2]! + noise;
				data[i + 3] = 255;
			}
		}
	}
	ctx.putImageData(image, 0, 0);
}

function strokeTwice(ctx: Context2D, lineWidth: number, path: () => void): void {
	ctx.lineCap = 'round';
	ctx.lineJoin = 'round';
	for (const [style, widthFactor] of [
		[HALO, 2.2],
		[ANNOTATION_COLOUR, 1]
	] as const) {
		ctx.strokeStyle = style;
		ctx.lineWidth = lineWidth * widthFactor;
		ctx.beginPath();
		path();
		ctx.stroke();
	}
}

function drawAnnotation(ctx: Context2D, width: number, height: number, edit: PhotoEdit): void {
	const long = Math.max(width, height);
	const lineWidth = Math.max(3, Math.round(long * 0.006));
	const at = (p: EditPoint) => ({ x: p.x * width, y: p.y * height });
	switch (edit.kind) {
		case 'arrow': {
			const from = at(edit.from);
			const to = at(edit.to);
			const angle = Math.atan2(to.y - from.y, to.x - from.x);
			const head = Math.max(lineWidth * 4, long * 0.03);
			strokeTwice(ctx, lineWidth, () => {
				ctx.moveTo(from.x, from.y);
				ctx.lineTo(to.x, to.y);
				for (const side of [-1, 1]) {
					ctx.moveTo(to.x, to.y);
					ctx.lineTo(
						to.x - head * Math.cos(angle + side * 0.45),
						to.y - head * Math.sin(angle + side * 0.45)
					);
				}
			});
			break;
		}
		case 'circle': {
			const from = at(edit.from);
			const to = at(edit.to);
			const rx = Math.max(lineWidth, Math.abs(to.x - from.x) / 2);
			const ry = Math.max(lineWidth, Math.abs(to.y - from.y) / 2);
			strokeTwice(ctx, lineWidth, () =>
				ctx.ellipse((from.x + to.x) / 2, (from.y + to.y) / 2, rx, ry, 0, 0, Math.PI * 2)
			);
			break;
		}
		case 'freehand': {
			const [first, ...rest] = edit.points.map(at);
			if (!first) return;
			strokeTwice(ctx, lineWidth, () => {
				ctx.moveTo(first.x, first.y);
				if (rest.length === 0) ctx.lineTo(first.x + 0.01, first.y);
				for (const p of rest) ctx.lineTo(p.x, p.y);
			});
			break;
		}
		case 'text': {
			const size = Math.max(14, Math.round(long * 0.035));
			ctx.font = `bold ${size}px sans-serif`;
			ctx.textBaseline = 'middle';
			const pad = Math.round(size * 0.35);
			const boxWidth = Math.min(width, ctx.measureText(edit.text).width + pad * 2);
			const boxHeight = size + pad * 2;
			const p = at(edit.at);
			const x = Math.min(Math.max(0, p.x), Math.max(0, width - boxWidth));
			const y = Math.min(Math.max(0, p.y - boxHeight / 2), Math.max(0, height - boxHeight));
			ctx.fillStyle = HALO;
			ctx.fillRect(x - 2, y - 2, boxWidth + 4, boxHeight + 4);
			ctx.fillStyle = ANNOTATION_COLOUR;
			ctx.fillRect(x, y, boxWidth, boxHeight);
			ctx.fillStyle = '#fff';
			ctx.fillText(edit.text, x + pad, y + boxHeight / 2, boxWidth - pad * 2);
			break;
		}
		default:
			break;
	}
}

/**
 * Draws `edits` over the photo already on `ctx` (`width`×`height`): every redaction first, on
 * the photo's own pixels, then the annotations in the order they were drawn, so a label laid
 * over a pixelated face stays readable. The editor's preview and the stored JPEG both use it.
 */
export function applyEdits(
	ctx: Context2D,
	width: number,
	height: number,
	edits: readonly PhotoEdit[],
	random: () => number = Math.random
): void {
	pixelate(ctx, width, height, edits.filter(isRedaction), random);
	for (const edit of edits) if (!isRedaction(edit)) drawAnnotation(ctx, width, height, edit);
}

/**
 * The flattened photo: the unedited `original` (a stored JPEG, already upright and without
 * metadata) with `edits` drawn in, re-encoded as a JPEG without any metadata, plus its
 * thumbnail. The result holds nothing of the original beyond its pixels as drawn: no layer, no
 * EXIF, no embedded thumbnail.
 *
 * @throws {PhotoError} `decode_failed` or `encode_failed`.
 */
export async function editPhoto(
	original: Blob,
	edits: readonly PhotoEdit[],
	options: EditPhotoOptions = {}
): Promise<ProcessedPhoto> {
	const quality = options.quality ?? 0.85;
	const thumbEdge = options.thumbEdge ?? 320;
	const thumbQuality = options.thumbQuality ?? 0.7;
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(original);
	} catch (error) {
		throw new PhotoError('decode_failed', `could not decode the original: ${String(error)}`, {
			cause: error
		});
	}
	let full: Surface | undefined;
	let small: Surface | undefined;
	try {
		const size = { width: bitmap.width, height: bitmap.height };
		full = createSurface(size);
		const ctx = whiteContext(full, true);
		ctx.drawImage(bitmap, 0, 0);
		applyEdits(ctx, size.width, size.height, normaliseEdits(edits));
		const thumbSize = fitWithin(size.width, size.height, thumbEdge);
		small = drawOnSurface(full, thumbSize, false);
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
			sourceBytes: original.size
		};
	} catch (error) {
		if (error instanceof PhotoError) throw error;
		throw new PhotoError('encode_failed', `editing the photo failed: ${String(error)}`, {
			cause: error
		});
	} finally {
		bitmap.close();
		release(small);
		release(full);
	}
}
