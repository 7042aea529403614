import sharp from 'sharp';
import { MAX_JPEG_DIMENSION } from './jpeg';

/** Decoding a JPEG's pixels: what the scan data really holds. */
export type JpegDecoding = { ok: true; width: number; height: number } | { ok: false };

/** A thumbnail's long edge: enough to make the decoder read every scan, cheap to make. */
const PROOF_EDGE = 32;

/**
 * Proves that the JPEG's pixels decode, and reads the size the decoder sees. The decode is
 * bounded: at most MAX_JPEG_DIMENSION² input pixels (`limitInputPixels`, checked from the header
 * before any pixel is decoded) and only a small thumbnail is made, which libjpeg decodes at an
 * eighth of the size while still reading every scan. A warning counts as a failure
 * (`failOn: 'warning'`), so scan data that stops short of its frame — a 4096-px header over 8 × 8
 * px of data, a cut file padded with an EOI — is refused rather than decoded half grey.
 */
export async function decodeJpeg(bytes: Uint8Array): Promise<JpegDecoding> {
	const options = {
		limitInputPixels: MAX_JPEG_DIMENSION * MAX_JPEG_DIMENSION,
		failOn: 'warning' as const,
		sequentialRead: true
	};
	try {
		const image = sharp(bytes, options);
		const meta = await image.metadata();
		if (meta.format !== 'jpeg' || !meta.width || !meta.height) return { ok: false };
		await sharp(bytes, options).resize(PROOF_EDGE, PROOF_EDGE, { fit: 'inside' }).raw().toBuffer();
		return { ok: true, width: meta.width, height: meta.height };
	} catch {
		return { ok: false };
	}
}
