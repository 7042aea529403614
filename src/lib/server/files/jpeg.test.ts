import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { devicePhoto, fixturePhoto } from '../testing/complete-audit';
import { decodeJpeg } from './jpeg-decode';
import { inspectJpeg, stripJpegMetadata } from './jpeg';

describe('inspectJpeg', () => {
	it('reads the dimensions of real camera JPEGs', () => {
		expect(inspectJpeg(fixturePhoto('receipt.jpg'))).toEqual({
			ok: true,
			width: 1200,
			height: 2600,
			metadata: ['APP1 Exif']
		});
		expect(inspectJpeg(fixturePhoto('shelf-12mp-rot6.jpg'))).toEqual({
			ok: true,
			width: 4032,
			height: 3024,
			metadata: ['APP1 Exif']
		});
		expect(inspectJpeg(fixturePhoto('checkout-portrait.jpg'))).toEqual({
			ok: true,
			width: 3024,
			height: 4032,
			metadata: ['APP1 Exif']
		});
	});

	it('refuses HTML named .jpg, a PNG and empty bytes as not a JPEG', () => {
		for (const bytes of [
			fixturePhoto('not-an-image.jpg'),
			fixturePhoto('entrance.png'),
			new Uint8Array(0)
		]) {
			expect(inspectJpeg(bytes)).toEqual({ ok: false, problem: 'not_a_jpeg' });
		}
	});

	it('refuses a JPEG cut short, and one cut just before its EOI', () => {
		expect(inspectJpeg(fixturePhoto('truncated.jpg'))).toEqual({
			ok: false,
			problem: 'truncated_jpeg'
		});
		const whole = fixturePhoto('receipt.jpg');
		expect(inspectJpeg(whole.subarray(0, whole.length - 2))).toEqual({
			ok: false,
			problem: 'truncated_jpeg'
		});
	});

	it('refuses a frame wider than 4096 px or of zero height', () => {
		const bytes = fixturePhoto('receipt.jpg').slice();
		const sof = findSof(bytes);
		const wide = bytes.slice();
		wide[sof + 7] = 0x13; // width 0x1388 = 5000
		wide[sof + 8] = 0x88;
		expect(inspectJpeg(wide)).toEqual({ ok: false, problem: 'bad_dimensions' });
		const flat = bytes.slice();
		flat[sof + 5] = 0;
		flat[sof + 6] = 0;
		expect(inspectJpeg(flat)).toEqual({ ok: false, problem: 'bad_dimensions' });
	});
});

describe('metadata segments', () => {
	it('names EXIF, XMP, IPTC, comments, other APPn, a JFIF thumbnail and a trailer', () => {
		const clean = devicePhoto('receipt.jpg');
		expect(inspectJpeg(clean)).toEqual({ ok: true, width: 1200, height: 2600, metadata: [] });
		const cases: [Uint8Array, string][] = [
			[
				segment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>'),
				'APP1 http://ns.adobe.com/xap/1.0/'
			],
			[segment(0xed, 'Photoshop 3.0\x008BIM'), 'APP13 Photoshop 3.0'],
			[segment(0xfe, 'shot by Jane'), 'COM'],
			[segment(0xe5, 'RMETA\0serial 1234'), 'APP5 RMETA'],
			[segment(0xe2, 'MPF\0'), 'APP2 MPF'],
			[segment(0xe0, 'JFXX\0\x10thumb'), 'APP0 JFXX'],
			[segment(0xe0, 'JFIF\0\x01\x02\x00\x00\x01\x00\x01\x01\x01\xff'), 'APP0 thumbnail']
		];
		for (const [extra, name] of cases) {
			expect(inspectJpeg(afterSoi(clean, extra))).toMatchObject({ ok: true, metadata: [name] });
		}
		const trailer = new Uint8Array([...clean, ...new TextEncoder().encode('SEFH trailer')]);
		expect(inspectJpeg(trailer)).toMatchObject({ ok: true, metadata: ['trailer'] });
	});

	it('strips them losslessly: the same tables, frame and scan, nothing else', async () => {
		for (const name of ['receipt.jpg', 'shelf-12mp-rot6.jpg', 'checkout-portrait.jpg']) {
			const raw = fixturePhoto(name);
			const stripped = stripJpegMetadata(raw);
			const inspection = inspectJpeg(stripped);
			expect(inspection).toMatchObject({ ok: true, metadata: [] });
			// Only the EXIF segment went: the rest is byte for byte the original.
			expect(raw.byteLength - stripped.byteLength).toBe(exifSegmentLength(raw));
			expect(await decodeJpeg(stripped)).toMatchObject({ ok: true });
			expect((await sharp(stripped).metadata()).exif).toBeUndefined();
		}
	});
});

describe('headers that lie about the pixels', () => {
	it('refuses a second frame header (a huge first one) and a frame header longer than it says', async () => {
		const clean = devicePhoto('receipt.jpg');
		const sof = findSof(clean);
		const length = ((clean[sof + 2] ?? 0) << 8) | (clean[sof + 3] ?? 0);
		const frame = clean.slice(sof, sof + 2 + length);
		const huge = frame.slice();
		huge.set([0xff, 0xff, 0xff, 0xff], 5); // 65535 × 65535
		const twoFrames = new Uint8Array([...clean.subarray(0, sof), ...huge, ...clean.subarray(sof)]);
		expect(inspectJpeg(twoFrames)).toEqual({ ok: false, problem: 'not_a_jpeg' });
		expect(await decodeJpeg(twoFrames)).toEqual({ ok: false });
		// A frame header padded with 60 kB: its length no longer matches its component count.
		const padded = new Uint8Array([
			...clean.subarray(0, sof + 2),
			...[((length + 60_000) >> 8) & 0xff, (length + 60_000) & 0xff],
			...clean.subarray(sof + 4, sof + 2 + length),
			...new Uint8Array(60_000),
			...clean.subarray(sof + 2 + length)
		]);
		expect(inspectJpeg(padded)).toEqual({ ok: false, problem: 'not_a_jpeg' });
	});

	it('decodes a small JPEG, but not one whose header says 4096 × 4096 over 8 × 8 px of data', async () => {
		const small = new Uint8Array(
			await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c33' } })
				.jpeg()
				.toBuffer()
		);
		expect(await decodeJpeg(small)).toEqual({ ok: true, width: 8, height: 8 });
		const lying = small.slice();
		const sof = findSof(lying);
		lying.set([0x10, 0x00, 0x10, 0x00], sof + 5);
		// The structure alone cannot tell: only decoding the scan shows the pixels are not there.
		expect(inspectJpeg(lying)).toEqual({ ok: true, width: 4096, height: 4096, metadata: [] });
		expect(await decodeJpeg(lying)).toEqual({ ok: false });
	});
});

/** An APPn or COM segment with `text` (Latin-1) as its body. */
function segment(marker: number, text: string): Uint8Array {
	const body = Uint8Array.from(text, (c) => c.charCodeAt(0));
	return new Uint8Array([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]);
}

/** `jpeg` with `extra` inserted right after its SOI marker. */
function afterSoi(jpeg: Uint8Array, extra: Uint8Array): Uint8Array {
	return new Uint8Array([...jpeg.subarray(0, 2), ...extra, ...jpeg.subarray(2)]);
}

/** The whole length (marker included) of the fixture's one APP1 segment. */
function exifSegmentLength(bytes: Uint8Array): number {
	for (let i = 2; i < bytes.length - 3; i++) {
		if (bytes[i] === 0xff && bytes[i + 1] === 0xe1) {
			return 2 + (((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0));
		}
	}
	throw new Error('no APP1');
}

/** Offset of the SOF0 marker (FF C0) of a baseline JPEG. */
function findSof(bytes: Uint8Array): number {
	for (let i = 2; i < bytes.length - 1; i++) {
		if (bytes[i] === 0xff && bytes[i + 1] === 0xc0) return i;
	}
	throw new Error('no SOF0');
}
