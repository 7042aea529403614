import { inflateSync } from 'node:zlib';

/** The largest PDF the verify page reads (the server's default request size limit). */
export const MAX_VERIFY_PDF_BYTES = 12 * 1024 * 1024;

const CODE = '[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}';
const MARKED = new RegExp(`shopwalk-seal:(${CODE})`);
const IN_URL = new RegExp(`/verify\\?code=(${CODE})`);

/** Whether `bytes` start like a PDF (`%PDF-` within the first 1024 bytes, as readers allow). */
export function looksLikePdf(bytes: Uint8Array): boolean {
	const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
	return head.includes('%PDF-');
}

/**
 * The verification code a Shopwalk report carries, or null. Looked for, in turn: in the document
 * information (`/Keywords (shopwalk-seal:XXXX-XXXX-XXXX)`, plain or as a UTF-16 hex string, which
 * is how another tool may rewrite it), then the verify address anywhere in the file, then inside
 * its compressed streams (at most 200 streams of 2 MB each, so a crafted file cannot make the
 * server inflate without end).
 */
export function findSealCode(bytes: Uint8Array): string | null {
	const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
	const direct = MARKED.exec(text) ?? IN_URL.exec(text);
	if (direct) return direct[1]!;
	for (const hex of text.matchAll(/<\s*(FEFF(?:[0-9A-Fa-f]{2}\s*)+)>/gi)) {
		const decoded = utf16be(hex[1]!.replace(/\s+/g, ''));
		const found = MARKED.exec(decoded) ?? IN_URL.exec(decoded);
		if (found) return found[1]!;
	}
	let streams = 0;
	const stream = /stream\r?\n/g;
	for (let match = stream.exec(text); match && streams < 200; match = stream.exec(text)) {
		const start = match.index + match[0].length;
		const end = text.indexOf('endstream', start);
		if (end < 0) break;
		streams++;
		try {
			const inflated = inflateSync(bytes.subarray(start, end), {
				maxOutputLength: 2 * 1024 * 1024
			}).toString('latin1');
			const found = MARKED.exec(inflated) ?? IN_URL.exec(inflated);
			if (found) return found[1]!;
		} catch {
			// Not a Flate stream, or truncated: look at the next.
		}
		stream.lastIndex = end;
	}
	return null;
}

function utf16be(hex: string): string {
	let out = '';
	for (let i = 4; i + 3 < hex.length; i += 4)
		out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
	return out;
}
