import { afterEach, describe, expect, test, vi } from 'vitest';
import { PhotoError, type PhotoErrorReason } from './photo-errors';
import { processPhoto, type ProcessedPhoto } from './process-photo';
import {
	containsAscii,
	decodePixels,
	jpegSegments,
	loadFixture,
	makeImage,
	psnr
} from './photo-test-utils';

const PRIVATE_STRINGS = [
	'Exif',
	'GPS',
	'Samsung',
	'SM-X710',
	'Shopper Name',
	'Apple',
	'iPad',
	'2026:'
];

async function expectCleanJpeg(buffer: ArrayBuffer, width: number, height: number): Promise<void> {
	expect([...new Uint8Array(buffer, 0, 3)]).toEqual([0xff, 0xd8, 0xff]);
	const segments = jpegSegments(buffer);
	// APP1 carries EXIF (and XMP); none may survive. APP0 (JFIF) and APP2 (ICC) are harmless.
	expect(segments.map((s) => s.marker)).not.toContain(0xe1);
	for (const { bytes } of segments) {
		for (const text of PRIVATE_STRINGS) expect(containsAscii(bytes, text), text).toBe(false);
	}
	// Nothing appended after the image either.
	expect([...new Uint8Array(buffer, buffer.byteLength - 2)]).toEqual([0xff, 0xd9]);
	const decoded = await decodePixels(buffer);
	expect([decoded.width, decoded.height]).toEqual([width, height]);
}

async function expectThumb(photo: ProcessedPhoto, edge = 320): Promise<void> {
	expect(Math.max(photo.thumbWidth, photo.thumbHeight)).toBe(
		Math.min(edge, Math.max(photo.width, photo.height))
	);
	expect(photo.thumbWidth / photo.thumbHeight).toBeCloseTo(photo.width / photo.height, 1);
	await expectCleanJpeg(photo.thumb, photo.thumbWidth, photo.thumbHeight);
}

async function expectReason(promise: Promise<unknown>, reason: PhotoErrorReason): Promise<void> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(PhotoError);
	expect((error as PhotoError).reason).toBe(reason);
}

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('processPhoto', () => {
	test('honours EXIF orientation 6: the landscape-stored shelf photo comes out portrait', async () => {
		const file = await loadFixture('shelf-12mp-rot6.jpg');
		const input = jpegSegments(await file.arrayBuffer());
		const app1 = input.find((s) => s.marker === 0xe1);
		expect(app1 && containsAscii(app1.bytes, 'SM-X710')).toBe(true);
		const photo = await processPhoto(file);
		expect(photo).toMatchObject({ type: 'image/jpeg', width: 1536, height: 2048 });
		expect(photo.sourceBytes).toBe(file.size);
		await expectCleanJpeg(photo.bytes, 1536, 2048);
		await expectThumb(photo);

		// Same picture as the browser's own oriented decode, so not rotated the wrong way.
		const reference = await createImageBitmap(file, {
			imageOrientation: 'from-image',
			resizeWidth: 1536,
			resizeHeight: 2048,
			resizeQuality: 'high'
		});
		const [ours, theirs] = await Promise.all([
			decodePixels(photo.bytes),
			decodePixels(await toBlob(reference))
		]);
		expect(psnr(ours.data, theirs.data)).toBeGreaterThan(30);
	});

	test('portrait camera JPEG: long edge 2048, GPS and camera model stripped', async () => {
		const photo = await processPhoto(await loadFixture('checkout-portrait.jpg'));
		expect([photo.width, photo.height]).toEqual([1536, 2048]);
		await expectCleanJpeg(photo.bytes, 1536, 2048);
		await expectThumb(photo);
		expect(photo.bytes.byteLength).toBeLessThan(photo.sourceBytes);
	});

	test('receipt: tall image scaled to 2048 on its long edge, metadata stripped', async () => {
		const photo = await processPhoto(await loadFixture('receipt.jpg'));
		expect(photo.height).toBe(2048);
		expect(photo.width).toBe(Math.round((1200 * 2048) / 2600));
		await expectCleanJpeg(photo.bytes, photo.width, photo.height);
		await expectThumb(photo);
	});

	test('PNG screenshot becomes a JPEG at its own size', async () => {
		const photo = await processPhoto(await loadFixture('entrance.png'));
		expect([photo.width, photo.height]).toEqual([1280, 800]);
		await expectCleanJpeg(photo.bytes, 1280, 800);
		expect([photo.thumbWidth, photo.thumbHeight]).toEqual([320, 200]);
	});

	test('transparent PNG is flattened onto white', async () => {
		const canvas = new OffscreenCanvas(400, 300);
		const ctx = canvas.getContext('2d')!;
		ctx.fillStyle = '#c00';
		ctx.fillRect(100, 100, 200, 100);
		const png = await canvas.convertToBlob({ type: 'image/png' });
		const photo = await processPhoto(png);
		const { data, width } = await decodePixels(photo.bytes);
		const at = (x: number, y: number) => [
			...data.subarray((y * width + x) * 4, (y * width + x) * 4 + 3)
		];
		for (const channel of at(10, 10)) expect(channel).toBeGreaterThan(245);
		const [r, g, b] = at(200, 150);
		expect(r).toBeGreaterThan(180);
		expect(g).toBeLessThan(40);
		expect(b).toBeLessThan(40);
	});

	test('a small image is not upscaled', async () => {
		const photo = await processPhoto(await makeImage(800, 600));
		expect([photo.width, photo.height]).toEqual([800, 600]);
		expect([photo.thumbWidth, photo.thumbHeight]).toEqual([320, 240]);
		await expectCleanJpeg(photo.bytes, 800, 600);
	});

	test('options set the sizes', async () => {
		const photo = await processPhoto(await loadFixture('checkout-portrait.jpg'), {
			maxEdge: 1024,
			quality: 0.6,
			thumbEdge: 160
		});
		expect([photo.width, photo.height]).toEqual([768, 1024]);
		expect([photo.thumbWidth, photo.thumbHeight]).toEqual([120, 160]);
		await expectCleanJpeg(photo.bytes, 768, 1024);
	});

	test('an HTML file named .jpg is rejected as not_an_image', async () => {
		const file = await loadFixture('not-an-image.jpg');
		expect(file.type).toBe('image/jpeg');
		await expectReason(processPhoto(file), 'not_an_image');
	});

	test('a JPEG cut short is rejected as truncated, not grey-filled', async () => {
		await expectReason(processPhoto(await loadFixture('truncated.jpg')), 'truncated');
	});

	test('a PNG without IEND is rejected as truncated', async () => {
		const png = await makeImage(200, 100, 'image/png');
		await expectReason(processPhoto(png.slice(0, png.size - 12)), 'truncated');
	});

	test('over 40 MB is rejected as too_large before anything is read', async () => {
		const huge = new Blob([new Uint8Array(40 * 1024 * 1024 + 1)], { type: 'image/jpeg' });
		const read = vi.spyOn(huge, 'arrayBuffer');
		await expectReason(processPhoto(huge), 'too_large');
		expect(read).not.toHaveBeenCalled();
	});

	test('an image the browser cannot decode is decode_failed', async () => {
		// Whole and well-formed segment by segment, but with a sample precision of 7 bits.
		const bytes = new Uint8Array(await (await makeImage(64, 64)).arrayBuffer());
		const sof = bytes.findIndex((v, i) => v === 0xff && bytes[i + 1] === 0xc0);
		bytes[sof + 4] = 7;
		await expectReason(processPhoto(new Blob([bytes])), 'decode_failed');
	});

	test('HEIC and TIFF, which Chromium cannot decode, are unsupported_format', async () => {
		const box = (type: string, size: number) => [
			0,
			0,
			0,
			size,
			...[...type].map((c) => c.charCodeAt(0))
		];
		const heic = new Uint8Array([
			...box('ftyp', 24),
			...[...'heic\0\0\0\0mif1heic'].map((c) => c.charCodeAt(0)),
			...box('mdat', 16),
			...new Array<number>(8).fill(7)
		]);
		await expectReason(processPhoto(new File([heic], 'IMG_0001.HEIC')), 'unsupported_format');
		const tiff = new Uint8Array([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 0, 0]);
		await expectReason(processPhoto(new Blob([tiff])), 'unsupported_format');
	});

	test('without ImageDecoder (Safari, Firefox) orientation and size still hold', async () => {
		vi.stubGlobal('ImageDecoder', undefined);
		const photo = await processPhoto(await loadFixture('shelf-12mp-rot6.jpg'));
		expect([photo.width, photo.height]).toEqual([1536, 2048]);
		await expectCleanJpeg(photo.bytes, 1536, 2048);
	});

	test('without OffscreenCanvas it draws on a canvas element', async () => {
		vi.stubGlobal('OffscreenCanvas', undefined);
		const photo = await processPhoto(await loadFixture('shelf-12mp-rot6.jpg'));
		vi.unstubAllGlobals();
		expect([photo.width, photo.height]).toEqual([1536, 2048]);
		await expectCleanJpeg(photo.bytes, 1536, 2048);
		await expectThumb(photo);
	});
});

async function toBlob(bitmap: ImageBitmap): Promise<Blob> {
	const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
	canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
	bitmap.close();
	return canvas.convertToBlob({ type: 'image/png' });
}
