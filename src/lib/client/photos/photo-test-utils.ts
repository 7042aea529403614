// Helpers for the photo pipeline's browser tests and benchmark. Not used by the app.
import { commands } from 'vitest/browser';

/**
 * The shared fixtures (shared/design/testing.md), relative to the project root, which is where
 * vitest's file commands resolve paths from. They are readable only when Vite's `server.fs.allow`
 * covers that folder; otherwise {@link loadFixture} generates stand-ins with the same properties.
 */
const SHARED_FIXTURES = '../shared/fixtures/photos';

/** Which fixtures came from disk and which were generated, for reports. */
export const fixtureSources = new Map<string, 'shared' | 'generated'>();

const generated = new Map<string, Promise<File>>();
let warned = false;

/**
 * A fixture photo from ../shared/fixtures/photos as a File (typed by its name, as a file input
 * would), or, when that folder is not readable from the browser, a generated equivalent:
 * same pixel size, EXIF orientation, GPS and camera strings; `truncated.jpg` is the first 20 kB
 * of a JPEG; `not-an-image.jpg` is HTML.
 */
export async function loadFixture(name: string): Promise<File> {
	const type = name.endsWith('.png') ? 'image/png' : 'image/jpeg';
	try {
		const base64 = await commands.readFile(`${SHARED_FIXTURES}/${name}`, 'base64');
		fixtureSources.set(name, 'shared');
		return new File([fromBase64(base64)], name, { type });
	} catch (error) {
		if (!/access denied|ENOENT/i.test(String(error))) throw error;
		if (!warned) {
			warned = true;
			console.warn(
				`${SHARED_FIXTURES} is not readable here (${String(error)}); using generated stand-ins`
			);
		}
	}
	fixtureSources.set(name, 'generated');
	let file = generated.get(name);
	if (!file) {
		file = generateFixture(name).then((bytes) => new File([bytes], name, { type }));
		generated.set(name, file);
	}
	return file;
}

async function generateFixture(name: string): Promise<Uint8Array<ArrayBuffer>> {
	switch (name) {
		case 'shelf-12mp-rot6.jpg':
			return withExif(await makePhoto(3024, 4032, 'SHELF A', 6), {
				orientation: 6,
				make: 'Samsung',
				model: 'SM-X710',
				artist: 'Shopper Name',
				dateTime: '2026:11:20 14:32:05',
				gps: true
			});
		case 'checkout-portrait.jpg':
			return withExif(await makePhoto(3024, 4032, 'CHECKOUT'), {
				make: 'Apple',
				model: 'iPad (10th generation)',
				dateTime: '2026:11:20 14:40:11',
				gps: true
			});
		case 'receipt.jpg':
			return withExif(await makePhoto(1200, 2600, 'KVITTERING'), {
				dateTime: '2026:11:20 14:45:30',
				gps: true
			});
		case 'truncated.jpg':
			return (await makePhoto(3024, 4032, 'CUT')).slice(0, 20_000);
		case 'entrance.png':
			return new Uint8Array(await (await makeImage(1280, 800, 'image/png')).arrayBuffer());
		case 'not-an-image.jpg':
			return new TextEncoder().encode('<html><script>alert(1)</script></html>');
		default:
			throw new Error(`no fixture named ${name}`);
	}
}

function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
	const binary = atob(base64);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

function randomSource(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

/** A canvas of random colours, drawn enlarged with smoothing it gives soft colour fields. */
function noiseCanvas(width: number, height: number, random: () => number): OffscreenCanvas {
	const canvas = new OffscreenCanvas(width, height);
	const ctx = canvas.getContext('2d')!;
	const image = ctx.createImageData(width, height);
	const words = new Uint32Array(image.data.buffer);
	for (let i = 0; i < words.length; i++) words[i] = (random() * 0x1000000) | 0xff000000;
	ctx.putImageData(image, 0, 0);
	return canvas;
}

/**
 * The upright picture (`width`×`height`): colour clouds with film-grain texture and labels,
 * about as hard to compress as a camera photo (a 12 MP one encodes to ~2–3 MB). With
 * `orientation` 6 it is stored rotated a quarter turn left, as a tablet held upright writes it.
 */
export async function makePhoto(
	width: number,
	height: number,
	label: string,
	orientation: 1 | 6 = 1
): Promise<Uint8Array<ArrayBuffer>> {
	const random = randomSource(width * 31 + height + label.length);
	const upright = new OffscreenCanvas(width, height);
	const ctx = upright.getContext('2d')!;
	ctx.imageSmoothingQuality = 'high';
	for (const [cell, alpha] of [
		[600, 1],
		[150, 0.45],
		[40, 0.25],
		[2, 0.12]
	] as const) {
		ctx.globalAlpha = alpha;
		ctx.drawImage(
			noiseCanvas(Math.ceil(width / cell) + 1, Math.ceil(height / cell) + 1, random),
			0,
			0,
			width + cell,
			height + cell
		);
	}
	ctx.globalAlpha = 1;
	ctx.fillStyle = '#111';
	ctx.textAlign = 'center';
	ctx.font = `${Math.round(height / 18)}px sans-serif`;
	ctx.fillText('UP', width / 2, height / 12);
	ctx.fillText(label, width / 2, height / 2);

	let stored = upright;
	if (orientation === 6) {
		stored = new OffscreenCanvas(height, width);
		const rotated = stored.getContext('2d')!;
		// Orientation 6 means "rotate 90° clockwise to display", so store it turned anticlockwise.
		rotated.setTransform(0, -1, 1, 0, 0, width);
		rotated.drawImage(upright, 0, 0);
		upright.width = upright.height = 0;
	}
	const blob = await stored.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
	stored.width = stored.height = 0;
	return new Uint8Array(await blob.arrayBuffer());
}

interface ExifFields {
	orientation?: number;
	make?: string;
	model?: string;
	artist?: string;
	dateTime?: string;
	gps?: boolean;
}

type TiffValue = { type: 1 | 2 | 3 | 4 | 5; values: number[] };

const ascii = (text: string): TiffValue => ({
	type: 2,
	values: [...text, '\0'].map((c) => c.charCodeAt(0))
});

/** A big-endian IFD at `offset`, its out-of-line values after it. */
function ifd(entries: [number, TiffValue][], offset: number): number[] {
	const out: number[] = [];
	const data: number[] = [];
	const dataStart = offset + 2 + entries.length * 12 + 4;
	const u16 = (to: number[], v: number) => to.push(v >> 8, v & 0xff);
	const u32 = (to: number[], v: number) =>
		to.push(v >>> 24, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
	u16(out, entries.length);
	for (const [tag, { type, values }] of entries) {
		const bytes: number[] = [];
		for (const v of values) {
			if (type === 1 || type === 2) bytes.push(v);
			else if (type === 3) u16(bytes, v);
			else u32(bytes, v);
		}
		u16(out, tag);
		u16(out, type);
		u32(out, type === 5 ? values.length / 2 : values.length);
		if (bytes.length <= 4) {
			out.push(...bytes, ...new Array<number>(4 - bytes.length).fill(0));
		} else {
			u32(out, dataStart + data.length);
			data.push(...bytes);
			if (data.length % 2) data.push(0);
		}
	}
	u32(out, 0);
	return [...out, ...data];
}

/** Inserts an EXIF APP1 segment (IFD0 and optionally a GPS IFD) after the JFIF header. */
export function withExif(
	jpeg: Uint8Array<ArrayBuffer>,
	fields: ExifFields
): Uint8Array<ArrayBuffer> {
	const ifd0: [number, TiffValue][] = [];
	if (fields.make) ifd0.push([0x010f, ascii(fields.make)]);
	if (fields.model) ifd0.push([0x0110, ascii(fields.model)]);
	if (fields.orientation) ifd0.push([0x0112, { type: 3, values: [fields.orientation] }]);
	if (fields.dateTime) ifd0.push([0x0132, ascii(fields.dateTime)]);
	if (fields.artist) ifd0.push([0x013b, ascii(fields.artist)]);
	if (fields.gps) ifd0.push([0x8825, { type: 4, values: [0] }]);
	let tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, ...ifd(ifd0, 8)];
	if (fields.gps) {
		const gpsOffset = tiff.length;
		ifd0[ifd0.length - 1] = [0x8825, { type: 4, values: [gpsOffset] }];
		tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, ...ifd(ifd0, 8)];
		tiff.push(
			...ifd(
				[
					[0x0000, { type: 1, values: [2, 3, 0, 0] }],
					[0x0001, ascii('N')],
					[0x0002, { type: 5, values: [55, 1, 40, 1, 3012, 100] }],
					[0x0003, ascii('E')],
					[0x0004, { type: 5, values: [12, 1, 34, 1, 5678, 100] }]
				],
				gpsOffset
			)
		);
	}
	const payload = [...'Exif\0\0'].map((c) => c.charCodeAt(0)).concat(tiff);
	const segment = [0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];
	// After SOI, and after APP0 (JFIF) when present, which must come first.
	let at = 2;
	if (jpeg[2] === 0xff && jpeg[3] === 0xe0) at = 4 + ((jpeg[4]! << 8) | jpeg[5]!);
	const out = new Uint8Array(jpeg.length + segment.length);
	out.set(jpeg.subarray(0, at));
	out.set(segment, at);
	out.set(jpeg.subarray(at), at + segment.length);
	return out;
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
