// Helpers for the photo pipeline's browser tests and benchmark. Not used by the app.
import { commands } from 'vitest/browser';

/**
 * The shared fixtures (shared/design/testing.md), relative to the project root, which is where
 * vitest's file commands resolve paths from; `server.fs.allow` in the vitest configs opens it.
 */
const SHARED_FIXTURES = '../shared/fixtures/photos';

/** A fixture photo from ../shared/fixtures/photos as a File, typed by its name as a file input would. */
export async function loadFixture(name: string): Promise<File> {
	const type = name.endsWith('.png') ? 'image/png' : 'image/jpeg';
	const base64 = await commands.readFile(`${SHARED_FIXTURES}/${name}`, 'base64');
	return new File([fromBase64(base64)], name, { type });
}

/** A small deterministic random source, so generated images are the same on every run. */
function randomSource(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
	const binary = atob(base64);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

/**
 * A JPEG's segments from SOI up to and including the first SOS (where metadata lives), as
 * marker byte and the segment's bytes.
 */
export function jpegSegments(buffer: ArrayBuffer): { marker: number; bytes: Uint8Array }[] {
	const b = new Uint8Array(buffer);
	if (b[0] !== 0xff || b[1] !== 0xd8) throw new Error('not a JPEG');
	const segments = [{ marker: 0xd8, bytes: b.subarray(0, 2) }];
	let pos = 2;
	while (pos + 4 <= b.length) {
		if (b[pos] !== 0xff) throw new Error(`no marker at ${pos}`);
		const marker = b[pos + 1]!;
		const end = pos + 2 + ((b[pos + 2]! << 8) | b[pos + 3]!);
		segments.push({ marker, bytes: b.subarray(pos, end) });
		if (marker === 0xda) break;
		pos = end;
	}
	return segments;
}

/** The marker bytes of {@link jpegSegments}. */
export function jpegMarkers(buffer: ArrayBuffer): number[] {
	return jpegSegments(buffer).map((s) => s.marker);
}

/** Whether `text` occurs in the bytes as ASCII. */
export function containsAscii(b: Uint8Array, text: string): boolean {
	const first = text.charCodeAt(0);
	for (let i = b.indexOf(first); i >= 0; i = b.indexOf(first, i + 1)) {
		let match = true;
		for (let k = 1; k < text.length && match; k++) match = b[i + k] === text.charCodeAt(k);
		if (match) return true;
	}
	return false;
}

/** Decodes an encoded image (EXIF orientation applied) and returns its pixels. */
export async function decodePixels(
	data: ArrayBuffer | Blob,
	size?: { width: number; height: number }
): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
	const bitmap = await createImageBitmap(
		data instanceof Blob ? data : new Blob([data]),
		size ? { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' } : {}
	);
	const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
	const ctx = canvas.getContext('2d')!;
	ctx.drawImage(bitmap, 0, 0);
	bitmap.close();
	const { width, height } = canvas;
	return { width, height, data: ctx.getImageData(0, 0, width, height).data };
}

/** Peak signal-to-noise ratio of the RGB channels of two equal-sized RGBA images, in dB. */
export function psnr(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
	if (a.length !== b.length) throw new Error('images differ in size');
	let sum = 0;
	for (let i = 0; i < a.length; i += 4) {
		for (let c = 0; c < 3; c++) {
			const d = a[i + c]! - b[i + c]!;
			sum += d * d;
		}
	}
	return 10 * Math.log10((255 * 255) / (sum / ((a.length / 4) * 3)));
}

/** A simple synthetic image (gradient, speckle, text) for sizes the fixtures do not cover. */
export async function makeImage(
	width: number,
	height: number,
	type: 'image/jpeg' | 'image/png' = 'image/jpeg',
	quality = 0.92
): Promise<File> {
	const canvas = new OffscreenCanvas(width, height);
	const ctx = canvas.getContext('2d')!;
	const gradient = ctx.createLinearGradient(0, 0, width, height);
	gradient.addColorStop(0, '#3b6ea5');
	gradient.addColorStop(0.5, '#e8c07d');
	gradient.addColorStop(1, '#4f8a4b');
	ctx.fillStyle = gradient;
	ctx.fillRect(0, 0, width, height);
	const random = randomSource(width + height);
	const dot = Math.max(2, Math.round(Math.min(width, height) / 300));
	for (let i = 0; i < (width * height) / (dot * dot * 8); i++) {
		ctx.fillStyle = `rgba(${(random() * 255) | 0},${(random() * 255) | 0},${(random() * 255) | 0},0.35)`;
		ctx.fillRect(random() * width, random() * height, dot, dot);
	}
	ctx.fillStyle = '#111';
	ctx.font = `${Math.round(height / 10)}px sans-serif`;
	ctx.fillText('SHOPWALK', width / 10, height / 2);
	const blob = await canvas.convertToBlob({ type, quality });
	return new File([blob], type === 'image/png' ? 'generated.png' : 'generated.jpg', { type });
}
