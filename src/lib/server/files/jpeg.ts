/** The largest width or height the server accepts; the device sends at most 2048 px. */
export const MAX_JPEG_DIMENSION = 4096;

/** What a JPEG's structure says, before any pixel is decoded. */
export type JpegInspection =
	| {
			ok: true;
			width: number;
			height: number;
			/**
			 * Segments that carry something other than what decoding needs, by name (`APP1 Exif`,
			 * `APP13`, `COM`, `APP0 thumbnail`, `trailer`, …), in file order; empty for a clean JPEG.
			 */
			metadata: string[];
	  }
	| { ok: false; problem: 'not_a_jpeg' | 'truncated_jpeg' | 'bad_dimensions' };

// Start-of-frame markers: baseline, extended, progressive, lossless (not DHT C4, JPG C8, DAC CC).
const SOF_MARKERS = new Set([
	0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf
]);
// Table and scan segments a decoder needs: DHT, DAC, DQT, DRI.
const TABLE_MARKERS = new Set([0xc4, 0xcc, 0xdb, 0xdd]);
const SOS = 0xda;
const EOI = 0xd9;
const COM = 0xfe;

/**
 * Checks that `bytes` are a whole JPEG: an SOI marker, well-formed segments, exactly one
 * start-of-frame (of the length its component count gives) with 1..MAX_JPEG_DIMENSION width and
 * height before the first scan, and an EOI marker after the scan data. Every segment a decoder
 * does not need — EXIF and XMP (APP1), IPTC (APP13), any other APPn but a thumbnail-free JFIF
 * APP0, an ICC colour profile (APP2) and Adobe's APP14, comments, and bytes after the EOI
 * (camera trailers, a second embedded image) — is named in `metadata`. Does not decode pixels.
 */
export function inspectJpeg(bytes: Uint8Array): JpegInspection {
	if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) {
		return { ok: false, problem: 'not_a_jpeg' };
	}
	let frame: { width: number; height: number } | null = null;
	const metadata: string[] = [];
	let pos = 2;
	for (;;) {
		const marker = readMarker(bytes, pos);
		if (marker === null) return { ok: false, problem: 'truncated_jpeg' };
		if (marker === 'invalid') return { ok: false, problem: 'not_a_jpeg' };
		pos = marker.next;
		if (marker.code === EOI) break;
		// Standalone markers (TEM, RSTn) carry no length.
		if (marker.code === 0x01 || (marker.code >= 0xd0 && marker.code <= 0xd7)) continue;
		if (pos + 2 > bytes.length) return { ok: false, problem: 'truncated_jpeg' };
		const length = ((bytes[pos] ?? 0) << 8) | (bytes[pos + 1] ?? 0);
		if (length < 2) return { ok: false, problem: 'not_a_jpeg' };
		if (pos + length > bytes.length) return { ok: false, problem: 'truncated_jpeg' };
		const body = bytes.subarray(pos + 2, pos + length);
		if (SOF_MARKERS.has(marker.code)) {
			// One frame only: a decoder and this check must not read different headers.
			if (frame !== null || length < 8) return { ok: false, problem: 'not_a_jpeg' };
			const components = body[5] ?? 0;
			if (components < 1 || components > 4 || length !== 8 + 3 * components) {
				return { ok: false, problem: 'not_a_jpeg' };
			}
			const height = ((body[1] ?? 0) << 8) | (body[2] ?? 0);
			const width = ((body[3] ?? 0) << 8) | (body[4] ?? 0);
			frame = { width, height };
		} else if (marker.code >= 0xe0 && marker.code <= 0xef) {
			const extra = describeAppSegment(marker.code, body);
			if (extra !== null) metadata.push(extra);
		} else if (marker.code === COM) {
			metadata.push('COM');
		} else if (marker.code >= 0xf0 && marker.code <= 0xfd) {
			metadata.push(`JPG${marker.code - 0xf0}`);
		} else if (marker.code !== SOS && !TABLE_MARKERS.has(marker.code)) {
			// DNL, hierarchical (DHP, EXP) and reserved markers: nothing the device makes.
			return { ok: false, problem: 'not_a_jpeg' };
		}
		pos += length;
		if (marker.code === SOS) {
			if (frame === null) return { ok: false, problem: 'not_a_jpeg' };
			const end = skipEntropyData(bytes, pos);
			if (end === null) return { ok: false, problem: 'truncated_jpeg' };
			pos = end;
		}
	}
	if (frame === null) return { ok: false, problem: 'not_a_jpeg' };
	if (bytes.subarray(pos).some((byte) => byte !== 0x00 && byte !== 0xff)) metadata.push('trailer');
	const sane = (n: number) => n >= 1 && n <= MAX_JPEG_DIMENSION;
	if (!sane(frame.width) || !sane(frame.height)) return { ok: false, problem: 'bad_dimensions' };
	return { ok: true, ...frame, metadata };
}

/**
 * The same JPEG without the segments `inspectJpeg` names in `metadata` and without bytes after
 * the EOI: a lossless copy (tables, frame and scan data untouched). Only for bytes `inspectJpeg`
 * accepts; anything else is returned as it is.
 */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array {
	const inspection = inspectJpeg(bytes);
	if (!inspection.ok || inspection.metadata.length === 0) return bytes;
	const kept: Uint8Array[] = [bytes.subarray(0, 2)];
	let pos = 2;
	for (;;) {
		const marker = readMarker(bytes, pos);
		if (marker === null || marker === 'invalid') break;
		const start = marker.next - 2;
		if (marker.code === EOI) {
			kept.push(bytes.subarray(start, marker.next));
			break;
		}
		if (marker.code === 0x01 || (marker.code >= 0xd0 && marker.code <= 0xd7)) {
			kept.push(bytes.subarray(start, marker.next));
			pos = marker.next;
			continue;
		}
		const length = ((bytes[marker.next] ?? 0) << 8) | (bytes[marker.next + 1] ?? 0);
		let end = marker.next + length;
		const body = bytes.subarray(marker.next + 2, end);
		const isMetadata =
			(marker.code >= 0xe0 && marker.code <= 0xef && describeAppSegment(marker.code, body)) ||
			marker.code === COM ||
			(marker.code >= 0xf0 && marker.code <= 0xfd);
		if (marker.code === SOS) end = skipEntropyData(bytes, end) ?? bytes.length;
		if (!isMetadata) kept.push(bytes.subarray(start, end));
		pos = end;
	}
	const out = new Uint8Array(kept.reduce((sum, part) => sum + part.length, 0));
	let at = 0;
	for (const part of kept) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

/**
 * Null for the application segments decoding needs — a JFIF APP0 without a thumbnail, an ICC
 * profile (APP2; the app's own encoder writes an sRGB one), Adobe's APP14 (colour transform) —
 * otherwise the segment's name for the refusal.
 */
function describeAppSegment(code: number, body: Uint8Array): string | null {
	const n = code - 0xe0;
	const id = identifier(body);
	if (n === 0 && id === 'JFIF') {
		// Version 2, units 1, densities 4, then the thumbnail's width and height (0 × 0: none).
		return body.length === 14 && body[12] === 0 && body[13] === 0 ? null : 'APP0 thumbnail';
	}
	if (n === 2 && id === 'ICC_PROFILE') return null;
	if (n === 14 && id === 'Adobe' && body.length === 12) return null;
	return id ? `APP${n} ${id}` : `APP${n}`;
}

/** The NUL-terminated ASCII name most APPn segments start with ('' when there is none). */
function identifier(body: Uint8Array): string {
	let name = '';
	for (let i = 0; i < Math.min(body.length, 32); i++) {
		const byte = body[i] ?? 0;
		if (byte === 0) return name;
		if (byte < 0x20 || byte > 0x7e) return '';
		name += String.fromCharCode(byte);
	}
	return '';
}

/** The marker at `pos` (fill bytes 0xFF skipped), null at end of data, 'invalid' on garbage. */
function readMarker(
	bytes: Uint8Array,
	pos: number
): { code: number; next: number } | null | 'invalid' {
	if (pos >= bytes.length) return null;
	if (bytes[pos] !== 0xff) return 'invalid';
	let at = pos + 1;
	while (at < bytes.length && bytes[at] === 0xff) at++;
	if (at >= bytes.length) return null;
	const code = bytes[at] ?? 0;
	if (code === 0x00) return 'invalid';
	return { code, next: at + 1 };
}

/**
 * The position of the first marker after entropy-coded data starting at `pos`, or null when the
 * data runs out first. Inside scan data 0xFF00 is a stuffed byte and 0xFFD0..D7 are restarts.
 */
function skipEntropyData(bytes: Uint8Array, pos: number): number | null {
	let at = pos;
	while (at + 1 < bytes.length) {
		if (bytes[at] === 0xff) {
			const next = bytes[at + 1] ?? 0;
			if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) {
				at += next === 0xff ? 1 : 2;
				continue;
			}
			return at;
		}
		at++;
	}
	return null;
}
