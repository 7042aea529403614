/** The largest width or height the server accepts; the device sends at most 2048 px. */
export const MAX_JPEG_DIMENSION = 4096;

export type JpegInspection =
	| { ok: true; width: number; height: number }
	| { ok: false; problem: 'not_a_jpeg' | 'truncated_jpeg' | 'bad_dimensions' };

// Start-of-frame markers: baseline, extended, progressive, lossless (not DHT C4, JPG C8, DAC CC).
const SOF_MARKERS = new Set([
	0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf
]);
const SOS = 0xda;
const EOI = 0xd9;

/**
 * Checks that `bytes` are a whole JPEG: an SOI marker, well-formed segments, a start-of-frame
 * with 1..MAX_JPEG_DIMENSION width and height before the first scan, and an EOI marker after the
 * scan data. Bytes after the EOI (camera trailers) are tolerated. Does not decode pixels.
 */
export function inspectJpeg(bytes: Uint8Array): JpegInspection {
	if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) {
		return { ok: false, problem: 'not_a_jpeg' };
	}
	let frame: { width: number; height: number } | null = null;
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
		if (SOF_MARKERS.has(marker.code)) {
			if (length < 7) return { ok: false, problem: 'not_a_jpeg' };
			const height = ((bytes[pos + 3] ?? 0) << 8) | (bytes[pos + 4] ?? 0);
			const width = ((bytes[pos + 5] ?? 0) << 8) | (bytes[pos + 6] ?? 0);
			frame = { width, height };
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
	const sane = (n: number) => n >= 1 && n <= MAX_JPEG_DIMENSION;
	if (!sane(frame.width) || !sane(frame.height)) return { ok: false, problem: 'bad_dimensions' };
	return { ok: true, ...frame };
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
