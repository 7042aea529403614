import { describe, expect, test } from 'vitest';
import { MAX_PHOTO_BYTES, PhotoError, type PhotoErrorReason } from './photo-errors';
import { detectImageKind, inspectImage, sniffImage } from './sniff-image';

const bytes = (...parts: (number[] | string | Uint8Array)[]): Uint8Array =>
	new Uint8Array(
		parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : [...p]))
	);
const u16 = (n: number) => [n >> 8, n & 0xff];
const u32 = (n: number) => [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const segment = (marker: number, payload: number[]) => [
	0xff,
	marker,
	...u16(payload.length + 2),
	...payload
];

/** APP1 Exif, big-endian, IFD0 holding one Orientation entry. */
const exif = (orientation: number) =>
	segment(0xe1, [
		...bytes('Exif\0\0MM'),
		...u16(42),
		...u32(8),
		...u16(1),
		...u16(0x0112),
		...u16(3),
		...u32(1),
		...u16(orientation),
		0,
		0,
		...u32(0)
	]);
const sof = (width: number, height: number) =>
	segment(0xc0, [8, ...u16(height), ...u16(width), 1, 1, 0x11, 0]);
const sos = segment(0xda, [1, 1, 0, 0, 63, 0]);
// Entropy-coded data with a stuffed FF 00 and a restart marker, as real scans have.
const scan = [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0x78];
const eoi = [0xff, 0xd9];

function jpeg(...middle: number[][]): Uint8Array {
	return bytes([0xff, 0xd8], ...middle);
}

function png(withEnd = true): Uint8Array {
	const chunk = (type: string, data: number[]) => [
		...u32(data.length),
		...bytes(type),
		...data,
		0,
		0,
		0,
		0
	];
	return bytes(
		[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
		chunk('IHDR', [...u32(1280), ...u32(800), 8, 6, 0, 0, 0]),
		chunk('IDAT', [1, 2, 3, 4]),
		withEnd ? chunk('IEND', []) : []
	);
}

function ftyp(major: string, ...compatible: string[]): Uint8Array {
	const box = bytes(u32(16 + compatible.length * 4), 'ftyp', major, u32(0), ...compatible);
	return bytes(box, u32(16), 'mdat', [1, 2, 3, 4, 5, 6, 7, 8]);
}

function reasonOf(fn: () => unknown): PhotoErrorReason | 'ok' {
	try {
		fn();
		return 'ok';
	} catch (error) {
		if (error instanceof PhotoError) return error.reason;
		throw error;
	}
}

describe('detectImageKind', () => {
	test.each([
		['jpeg', jpeg(eoi)],
		['png', png()],
		['webp', bytes('RIFF', [4, 0, 0, 0], 'WEBP')],
		['gif', bytes('GIF89a', [1, 0, 1, 0, 0x3b])],
		['heic', ftyp('heic', 'mif1', 'heic')],
		['heic', ftyp('mif1', 'mif1', 'heic')],
		['heif', ftyp('mif1', 'mif1')],
		['avif', ftyp('avif', 'mif1', 'avif')],
		['avif', ftyp('mif1', 'avif', 'mif1')],
		['tiff', bytes('II*\0', [8, 0, 0, 0])],
		['bmp', bytes('BM', [60, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0, 40, 0, 0, 0])]
	])('%s', (kind, data) => {
		expect(detectImageKind(data)).toBe(kind);
	});

	test.each([
		['HTML', bytes('<html><script>alert(1)</script></html>')],
		['text starting with BM', bytes('BMW service report, page one')],
		['an MP4 video', ftyp('isom', 'isom', 'mp41')],
		['empty', new Uint8Array(0)],
		['two bytes of JPEG', bytes([0xff, 0xd8])]
	])('%s is not an image', (_, data) => {
		expect(detectImageKind(data)).toBeNull();
	});
});

describe('inspectImage', () => {
	test('reads the size from SOF and the orientation from EXIF', () => {
		expect(inspectImage(jpeg(exif(6), sof(4032, 3024), sos, scan, eoi))).toEqual({
			kind: 'jpeg',
			mime: 'image/jpeg',
			width: 4032,
			height: 3024,
			orientation: 6
		});
		expect(inspectImage(jpeg(sof(10, 20), sos, scan, eoi))).toMatchObject({ orientation: 1 });
	});

	test('a JPEG without EOI is truncated, wherever it stops', () => {
		const whole = jpeg(exif(1), sof(10, 20), sos, scan, eoi);
		expect(reasonOf(() => inspectImage(whole))).toBe('ok');
		for (let cut = 3; cut < whole.length - 1; cut++) {
			expect(
				reasonOf(() => inspectImage(whole.subarray(0, cut))),
				`cut at ${cut}`
			).toBe('truncated');
		}
	});

	test('an FF D9 inside an EXIF thumbnail does not count as the end', () => {
		const thumbnail = segment(0xe1, [...bytes('Exif\0\0'), 0xff, 0xd8, 0xff, 0xd9]);
		expect(reasonOf(() => inspectImage(jpeg(thumbnail, sof(10, 20), sos, scan)))).toBe('truncated');
	});

	test('data after EOI (padding, Motion Photo video) is fine', () => {
		const trailer = [...new Array<number>(4096).fill(0), ...bytes('ftypmp42')];
		expect(reasonOf(() => inspectImage(jpeg(sof(10, 20), sos, scan, eoi, trailer)))).toBe('ok');
	});

	test('progressive JPEG: several scans', () => {
		const dht = segment(0xc4, [0, ...new Array<number>(16).fill(0)]);
		expect(reasonOf(() => inspectImage(jpeg(sof(10, 20), sos, scan, dht, sos, scan, eoi)))).toBe(
			'ok'
		);
		expect(reasonOf(() => inspectImage(jpeg(sof(10, 20), sos, scan, dht, sos, scan)))).toBe(
			'truncated'
		);
	});

	test('a header claiming more than 120 MP is too_large (decompression bomb)', () => {
		expect(reasonOf(() => inspectImage(jpeg(sof(12000, 9000), sos, scan, eoi)))).toBe('ok');
		expect(reasonOf(() => inspectImage(jpeg(sof(30000, 30000), sos, scan, eoi)))).toBe('too_large');
	});

	test('PNG needs IEND', () => {
		expect(inspectImage(png())).toMatchObject({ kind: 'png', width: 1280, height: 800 });
		expect(reasonOf(() => inspectImage(png(false)))).toBe('truncated');
	});

	test('WebP, GIF and HEIF-family files that stop early are truncated', () => {
		expect(reasonOf(() => inspectImage(bytes('RIFF', [12, 0, 0, 0], 'WEBPVP8 ')))).toBe(
			'truncated'
		);
		expect(reasonOf(() => inspectImage(bytes('GIF89a', [1, 0, 1, 0, 0x3b, 0, 0])))).toBe('ok');
		expect(reasonOf(() => inspectImage(bytes('GIF89a', [1, 0, 1, 0, 0x2c])))).toBe('truncated');
		const heic = ftyp('heic', 'mif1', 'heic');
		expect(reasonOf(() => inspectImage(heic))).toBe('ok');
		expect(reasonOf(() => inspectImage(heic.subarray(0, heic.length - 2)))).toBe('truncated');
	});

	test('HTML named .jpg is not an image', () => {
		expect(reasonOf(() => inspectImage(bytes('<html><script>alert(1)</script></html>')))).toBe(
			'not_an_image'
		);
	});
});

describe('sniffImage', () => {
	test('rejects over 40 MB without reading the file', async () => {
		const huge = new Blob([new Uint8Array(MAX_PHOTO_BYTES + 1)]);
		huge.arrayBuffer = () => Promise.reject(new Error('read'));
		await expect(sniffImage(huge)).rejects.toMatchObject({ reason: 'too_large' });
	});

	test('returns the bytes with the header info', async () => {
		const data = jpeg(sof(10, 20), sos, scan, eoi);
		const { info, bytes: read } = await sniffImage(new Blob([data.slice()]));
		expect(info).toMatchObject({ kind: 'jpeg', width: 10, height: 20 });
		expect(read).toEqual(data);
	});
});
