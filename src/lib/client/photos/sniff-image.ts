import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, PhotoError } from './photo-errors';

/** Image formats recognised by their magic bytes. */
export type ImageKind = 'jpeg' | 'png' | 'webp' | 'gif' | 'heic' | 'heif' | 'avif' | 'bmp' | 'tiff';

/** What the file header says about an image. */
export interface ImageInfo {
	kind: ImageKind;
	/** The real MIME type, from the bytes (never from the file name or `Blob.type`). */
	mime: string;
	/** Stored pixel size before EXIF orientation, when the header gives it (JPEG, PNG). */
	width?: number;
	height?: number;
	/** EXIF orientation 1–8 (JPEG only; 1 when absent or unreadable). 5–8 swap width and height. */
	orientation: number;
}

const MIME: Record<ImageKind, string> = {
	jpeg: 'image/jpeg',
	png: 'image/png',
	webp: 'image/webp',
	gif: 'image/gif',
	heic: 'image/heic',
	heif: 'image/heif',
	avif: 'image/avif',
	bmp: 'image/bmp',
	tiff: 'image/tiff'
};

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'mif2', 'miaf']);
const BMP_DIB_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);

function ascii(bytes: Uint8Array, start: number, length: number): string {
	return String.fromCharCode(...bytes.subarray(start, start + length));
}

function u16be(b: Uint8Array, i: number): number {
	return (b[i]! << 8) | b[i + 1]!;
}

function u32be(b: Uint8Array, i: number): number {
	return ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
}

function u32le(b: Uint8Array, i: number): number {
	return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
}

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
	return bytes.length >= at + magic.length && magic.every((byte, i) => bytes[at + i] === byte);
}

function ftypKind(bytes: Uint8Array): ImageKind | null {
	if (bytes.length < 16 || ascii(bytes, 4, 4) !== 'ftyp') return null;
	const boxEnd = Math.min(u32be(bytes, 0), bytes.length, 256);
	const brands = [ascii(bytes, 8, 4)];
	for (let i = 16; i + 4 <= boxEnd; i += 4) brands.push(ascii(bytes, i, 4));
	// The major brand decides; generic HEIF brands (mif1) defer to the compatible brands.
	const major = brands[0]!;
	if (AVIF_BRANDS.has(major)) return 'avif';
	if (HEIC_BRANDS.has(major)) return 'heic';
	if (brands.some((b) => AVIF_BRANDS.has(b))) return 'avif';
	if (brands.some((b) => HEIC_BRANDS.has(b))) return 'heic';
	if (brands.some((b) => HEIF_BRANDS.has(b))) return 'heif';
	return null;
}

/**
 * The image format from the magic bytes at the start of `bytes`, or `null` when they are not an
 * image we know. Only the first 64 bytes or so are read.
 */
export function detectImageKind(bytes: Uint8Array): ImageKind | null {
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
	if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
		return 'webp';
	}
	if (bytes.length >= 6 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return 'gif';
	if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
		return 'tiff';
	}
	// "BM" alone would match plain text, so also require a known DIB header size.
	if (bytes.length >= 18 && ascii(bytes, 0, 2) === 'BM' && BMP_DIB_SIZES.has(u32le(bytes, 14))) {
		return 'bmp';
	}
	return ftypKind(bytes);
}

interface Structure {
	complete: boolean;
	width?: number;
	height?: number;
	orientation?: number;
}

function exifOrientation(b: Uint8Array, start: number, end: number): number | undefined {
	// start points at the TIFF header, after "Exif\0\0".
	if (end - start < 8) return undefined;
	const little = b[start] === 0x49 && b[start + 1] === 0x49;
	if (!little && !(b[start] === 0x4d && b[start + 1] === 0x4d)) return undefined;
	const view = new DataView(b.buffer, b.byteOffset + start, end - start);
	const ifd = view.getUint32(4, little);
	if (ifd + 2 > view.byteLength) return undefined;
	const count = view.getUint16(ifd, little);
	for (let i = 0; i < count; i++) {
		const entry = ifd + 2 + i * 12;
		if (entry + 12 > view.byteLength) return undefined;
		if (view.getUint16(entry, little) === 0x0112) {
			const value = view.getUint16(entry + 8, little);
			return value >= 1 && value <= 8 ? value : undefined;
		}
	}
	return undefined;
}

/**
 * Walks the JPEG marker segments and entropy-coded scans up to the EOI marker. A file that ends
 * before EOI is truncated: Chromium decodes such files partially and fills the rest with grey,
 * so the decoder's success says nothing. Walking the structure (rather than looking for FF D9 in
 * the last bytes) also accepts data appended after EOI, such as Motion Photo videos and MPF
 * images, and an EXIF thumbnail's own EOI is skipped with its segment.
 */
function jpegStructure(b: Uint8Array): Structure {
	const out: Structure = { complete: false };
	let pos = 2;
	while (pos + 1 < b.length) {
		if (b[pos] !== 0xff) {
			// Like libjpeg, tolerate stray bytes before a marker.
			const next = b.indexOf(0xff, pos);
			if (next < 0) return out;
			pos = next;
			continue;
		}
		const marker = b[pos + 1]!;
		if (marker === 0xff) {
			pos += 1;
			continue;
		}
		if (marker === 0xd9) {
			out.complete = true;
			return out;
		}
		if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
			pos += 2;
			continue;
		}
		if (pos + 4 > b.length) return out;
		const end = pos + 2 + u16be(b, pos + 2);
		if (end > b.length) return out;
		const isSof = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
		if (isSof && out.width === undefined && end - pos >= 9) {
			out.height = u16be(b, pos + 5);
			out.width = u16be(b, pos + 7);
		} else if (
			marker === 0xe1 &&
			out.orientation === undefined &&
			end - pos >= 10 &&
			ascii(b, pos + 4, 6) === 'Exif\0\0'
		) {
			out.orientation = exifOrientation(b, pos + 10, end);
		}
		pos = end;
		if (marker === 0xda) {
			// Entropy-coded data: FF is stuffed as FF 00, and RSTn markers sit inside it.
			for (;;) {
				const ff = b.indexOf(0xff, pos);
				if (ff < 0 || ff + 1 >= b.length) return out;
				const next = b[ff + 1]!;
				if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) pos = ff + 2;
				else if (next === 0xff) pos = ff + 1;
				else {
					pos = ff;
					break;
				}
			}
		}
	}
	return out;
}

function pngStructure(b: Uint8Array): Structure {
	const out: Structure = { complete: false };
	let pos = 8;
	while (pos + 8 <= b.length) {
		const end = pos + 12 + u32be(b, pos);
		if (end > b.length) return out;
		const type = ascii(b, pos + 4, 4);
		if (type === 'IHDR' && end - pos >= 20) {
			out.width = u32be(b, pos + 8);
			out.height = u32be(b, pos + 12);
		} else if (type === 'IEND') {
			out.complete = true;
			return out;
		}
		pos = end;
	}
	return out;
}

function isoBmffComplete(b: Uint8Array): boolean {
	let pos = 0;
	while (pos + 8 <= b.length) {
		let size = u32be(b, pos);
		if (size === 0) return true;
		if (size === 1) {
			if (pos + 16 > b.length) return false;
			size = u32be(b, pos + 8) * 2 ** 32 + u32be(b, pos + 12);
		}
		if (size < 8) return false;
		pos += size;
	}
	return pos === b.length;
}

function structure(b: Uint8Array, kind: ImageKind): Structure {
	switch (kind) {
		case 'jpeg':
			return jpegStructure(b);
		case 'png':
			return pngStructure(b);
		case 'webp':
			return { complete: b.length >= 8 + u32le(b, 4) };
		case 'gif': {
			// The trailer byte 0x3B ends every GIF; tolerate zero padding after it.
			let last = b.length - 1;
			while (last > 0 && b[last] === 0) last--;
			return { complete: b[last] === 0x3b };
		}
		case 'bmp':
			return { complete: b.length >= u32le(b, 2) };
		case 'heic':
		case 'heif':
		case 'avif':
			return { complete: isoBmffComplete(b) };
		case 'tiff':
			return { complete: true };
	}
}

/**
 * Identifies an image from its bytes and checks that it is whole.
 *
 * @throws {PhotoError} `too_large` over {@link MAX_PHOTO_BYTES} or {@link MAX_PHOTO_PIXELS};
 *   `not_an_image` when the magic bytes are not an image format we know (an HTML page named .jpg,
 *   say); `truncated` when the data stops early (JPEG without EOI, PNG without IEND, a RIFF or
 *   ISO-BMFF box running past the end).
 */
export function inspectImage(bytes: Uint8Array): ImageInfo {
	if (bytes.length > MAX_PHOTO_BYTES) {
		throw new PhotoError('too_large', `image is ${bytes.length} bytes, over ${MAX_PHOTO_BYTES}`);
	}
	const kind = detectImageKind(bytes);
	if (!kind) throw new PhotoError('not_an_image', 'unrecognised file signature');
	const found = structure(bytes, kind);
	if (!found.complete) throw new PhotoError('truncated', `${kind} data ends early`);
	const info: ImageInfo = { kind, mime: MIME[kind], orientation: found.orientation ?? 1 };
	if (found.width && found.height) {
		if (found.width * found.height > MAX_PHOTO_PIXELS) {
			throw new PhotoError('too_large', `image is ${found.width}×${found.height} px`);
		}
		info.width = found.width;
		info.height = found.height;
	}
	return info;
}

/**
 * Reads a file and {@link inspectImage inspects} it; the size limit is checked before reading.
 *
 * @throws {PhotoError} as {@link inspectImage}.
 */
export async function sniffImage(
	blob: Blob
): Promise<{ info: ImageInfo; bytes: Uint8Array<ArrayBuffer> }> {
	if (blob.size > MAX_PHOTO_BYTES) {
		throw new PhotoError('too_large', `image is ${blob.size} bytes, over ${MAX_PHOTO_BYTES}`);
	}
	const bytes = new Uint8Array(await blob.arrayBuffer());
	return { info: inspectImage(bytes), bytes };
}
