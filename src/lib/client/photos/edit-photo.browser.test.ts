import { afterAll, describe, expect, test } from 'vitest';
import { pixelBlockSize, type PhotoEdit } from '$lib/domain/photo-edits';
import { ANNOTATION_COLOUR } from './edit-photo';
import { PhotoProcessor } from './photo-processor';
import { containsAscii, decodePixels, jpegSegments, loadFixture } from './photo-test-utils';

type Pixels = Awaited<ReturnType<typeof decodePixels>>;

/** Pixel rectangle, in px, inside a photo. */
interface Rect {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

function gray(p: Pixels, x: number, y: number): number {
	const i = (y * p.width + x) * 4;
	return 0.299 * p.data[i]! + 0.587 * p.data[i + 1]! + 0.114 * p.data[i + 2]!;
}

/**
 * The detail of a region at `scale` px: the mean gray of each `scale`-px cell minus the mean of
 * the `block`-px tile it lies in — what a pixelation of `block` px must remove.
 */
function detail(p: Pixels, rect: Rect, scale: number, block: number): number[] {
	const cells: number[] = [];
	for (let by = rect.y0; by + block <= rect.y1; by += block) {
		for (let bx = rect.x0; bx + block <= rect.x1; bx += block) {
			const tile: number[] = [];
			for (let cy = by; cy + scale <= by + block; cy += scale) {
				for (let cx = bx; cx + scale <= bx + block; cx += scale) {
					let sum = 0;
					for (let y = cy; y < cy + scale; y++)
						for (let x = cx; x < cx + scale; x++) sum += gray(p, x, y);
					tile.push(sum / (scale * scale));
				}
			}
			const mean = tile.reduce((a, b) => a + b, 0) / tile.length;
			cells.push(...tile.map((v) => v - mean));
		}
	}
	return cells;
}

function correlation(a: number[], b: number[]): number {
	const n = a.length;
	const ma = a.reduce((s, v) => s + v, 0) / n;
	const mb = b.reduce((s, v) => s + v, 0) / n;
	let ab = 0;
	let aa = 0;
	let bb = 0;
	for (let i = 0; i < n; i++) {
		ab += (a[i]! - ma) * (b[i]! - mb);
		aa += (a[i]! - ma) ** 2;
		bb += (b[i]! - mb) ** 2;
	}
	return ab / Math.sqrt(aa * bb);
}

function energy(values: number[]): number {
	return values.reduce((s, v) => s + v * v, 0) / values.length;
}

function hex(colour: string): [number, number, number] {
	return [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) as [number, number, number];
}

function isAnnotationRed(p: Pixels, x: number, y: number): boolean {
	const i = (Math.round(y) * p.width + Math.round(x)) * 4;
	const [r, g, b] = hex(ANNOTATION_COLOUR);
	return (
		Math.abs(p.data[i]! - r) < 40 &&
		Math.abs(p.data[i + 1]! - g) < 40 &&
		Math.abs(p.data[i + 2]! - b) < 40
	);
}

/** A block-aligned rectangle well inside the pixelated box, so every block is wholly in it. */
function inner(box: Rect, block: number): Rect {
	const align = (v: number) => Math.ceil(v / block) * block;
	return { x0: align(box.x0), y0: align(box.y0), x1: box.x1 - block, y1: box.y1 - block };
}

const processor = new PhotoProcessor();
afterAll(() => processor.dispose());

/** Where each fixture shows something to hide: the shelf's labels, the receipt's text, the sign. */
const BOXES: Record<string, [number, number, number, number]> = {
	'shelf-12mp-rot6.jpg': [0.15, 0.2, 0.6, 0.55],
	'receipt.jpg': [0.02, 0.02, 0.62, 0.24],
	'checkout-portrait.jpg': [0.2, 0.4, 0.62, 0.6]
};

describe.each(Object.keys(BOXES))('a redacted and annotated %s', (fixture) => {
	const [bx0, by0, bx1, by1] = BOXES[fixture]!;
	test('uploads pixels with no detail of the box, no EXIF or thumbnail, and the annotations', async () => {
		const original = await processor.process(await loadFixture(fixture));
		const { width, height } = original;
		const boxEdit: PhotoEdit = {
			kind: 'pixelate-box',
			from: { x: bx0, y: by0 },
			to: { x: bx1, y: by1 }
		};
		const annotations: PhotoEdit[] = [
			{ kind: 'arrow', from: { x: 0.7, y: 0.65 }, to: { x: 0.9, y: 0.85 } },
			{ kind: 'circle', from: { x: 0.65, y: 0.05 }, to: { x: 0.95, y: 0.18 } },
			{ kind: 'text', at: { x: 0.05, y: 0.9 }, text: 'Price missing' }
		];
		const edits = [boxEdit, ...annotations];
		const edited = await processor.edit(new Blob([original.bytes], { type: 'image/jpeg' }), edits);
		expect([edited.width, edited.height]).toEqual([width, height]);

		// The bytes: a bare JPEG. No APP1 (EXIF/XMP) and no second image (a thumbnail) inside.
		const bytes = new Uint8Array(edited.bytes);
		const markers = jpegSegments(edited.bytes).map((s) => s.marker);
		expect(markers).not.toContain(0xe1);
		// APP0 (JFIF) and the browser's APP2 colour profile are all; no other application segment.
		for (const segment of jpegSegments(edited.bytes)) {
			if (segment.marker === 0xe2) expect(containsAscii(segment.bytes, 'ICC_PROFILE')).toBe(true);
			else expect(segment.marker >= 0xe3 && segment.marker <= 0xef).toBe(false);
		}
		expect(containsAscii(bytes, 'Exif')).toBe(false);
		let soi = 0;
		for (let i = 0; i + 1 < bytes.length; i++)
			if (bytes[i] === 0xff && bytes[i + 1] === 0xd8) soi++;
		expect(soi).toBe(1);

		const before = await decodePixels(original.bytes);
		const after = await decodePixels(edited.bytes);
		const block = pixelBlockSize(width, height);
		const box = inner(
			{
				x0: Math.round(bx0 * width),
				y0: Math.round(by0 * height),
				x1: Math.round(bx1 * width),
				y1: Math.round(by1 * height)
			},
			block
		);
		// Inside the box, detail finer than a block is not correlated with the original at any scale.
		for (const scale of [1, 4, 8]) {
			const ours = detail(after, box, scale, block);
			const theirs = detail(before, box, scale, block);
			// Chance correlation of n independent values stays within a few 1/√n.
			const bound = Math.max(0.1, 4 / Math.sqrt(ours.length));
			expect(Math.abs(correlation(ours, theirs)), `scale ${scale}`).toBeLessThan(bound);
		}
		// Control: the same photo with the annotations only keeps the box's detail, so the
		// measure would see it if the pixelation let any through.
		const control = await decodePixels(
			(await processor.edit(new Blob([original.bytes], { type: 'image/jpeg' }), annotations)).bytes
		);
		const controlOurs = detail(control, box, 4, block);
		const controlTheirs = detail(before, box, 4, block);
		expect(energy(controlTheirs)).toBeGreaterThan(1);
		expect(correlation(controlOurs, controlTheirs)).toBeGreaterThan(0.9);

		// The annotations are in the pixels: the arrow's shaft, the circle's left edge, the label.
		expect(isAnnotationRed(after, 0.8 * width, 0.75 * height)).toBe(true);
		expect(isAnnotationRed(after, 0.65 * width, 0.115 * height)).toBe(true);
		expect(isAnnotationRed(before, 0.8 * width, 0.75 * height)).toBe(false);
		const labelPixel = { x: 0.05 * width + 4, y: 0.9 * height };
		expect(isAnnotationRed(after, labelPixel.x, labelPixel.y)).toBe(true);

		// The thumbnail is made from the flattened photo, not from the original.
		const thumb = await decodePixels(edited.thumb);
		const size = { width: thumb.width, height: thumb.height };
		const [flatSmall, originalSmall] = await Promise.all([
			decodePixels(edited.bytes, size),
			decodePixels(original.bytes, size)
		]);
		const thumbBox = {
			x0: Math.round(bx0 * size.width),
			y0: Math.round(by0 * size.height),
			x1: Math.round(bx1 * size.width),
			y1: Math.round(by1 * size.height)
		};
		const distance = (a: Pixels, b: Pixels) => {
			let sum = 0;
			let n = 0;
			for (let y = thumbBox.y0; y < thumbBox.y1; y++) {
				for (let x = thumbBox.x0; x < thumbBox.x1; x++, n++)
					sum += Math.abs(gray(a, x, y) - gray(b, x, y));
			}
			return sum / n;
		};
		expect(distance(thumb, flatSmall)).toBeLessThan(distance(thumb, originalSmall));
	});
});

test('a pixelate brush flattens the blocks along its stroke and leaves the rest', async () => {
	const original = await processor.process(await loadFixture('receipt.jpg'));
	const { width, height } = original;
	const edited = await processor.edit(new Blob([original.bytes], { type: 'image/jpeg' }), [
		{
			kind: 'pixelate-brush',
			points: [
				{ x: 0.02, y: 0.105 },
				{ x: 0.62, y: 0.105 }
			],
			radius: 0.04
		}
	]);
	const before = await decodePixels(original.bytes);
	const after = await decodePixels(edited.bytes);
	const block = pixelBlockSize(width, height);
	// The row of blocks the stroke's centre line runs through, away from its round ends.
	const y0 = Math.floor((0.105 * height) / block) * block;
	const band = {
		x0: Math.ceil((0.08 * width) / block) * block,
		y0,
		x1: Math.floor((0.56 * width) / block) * block,
		y1: y0 + block
	};
	expect(
		Math.abs(correlation(detail(after, band, 2, block), detail(before, band, 2, block)))
	).toBeLessThan(0.1);
	// The receipt's total, two lines further down, is left as it was.
	const top = { x0: 0, y0: Math.round(0.16 * height), x1: width, y1: Math.round(0.24 * height) };
	expect(correlation(detail(after, top, 2, block), detail(before, top, 2, block))).toBeGreaterThan(
		0.8
	);
});
