import type { Db } from '../db/connect';
import { sha256Hex } from '../services/sha256';
import { findSealCode, looksLikePdf, MAX_VERIFY_PDF_BYTES } from './pdf-code';
import { verifySealCode, type VerifyAnswer } from './seal-service';
import { takeVerifyCheck } from './verify-throttle';

/** What the public verify page shows: the seal's answer, or why there is none. */
export type VerifyOutcome =
	| VerifyAnswer
	| { kind: 'rate_limited'; retryAt: number }
	| { kind: 'not_pdf' }
	| { kind: 'too_large' }
	| { kind: 'no_code' };

/** Checks a typed code for `address` (rate-limited per address; see verify-throttle.ts). */
export async function verifyTypedCode(
	db: Db,
	address: string | null,
	code: string,
	now: number
): Promise<VerifyOutcome> {
	const retryAt = await takeVerifyCheck(db, address, now);
	if (retryAt > 0) return { kind: 'rate_limited', retryAt };
	return verifySealCode(db, code);
}

/**
 * Checks an uploaded report for `address`: a PDF of at most MAX_VERIFY_PDF_BYTES (by its bytes,
 * not its name or declared type) carrying a verification code, genuine only when it is byte for
 * byte the PDF issued under that code.
 */
export async function verifyUploadedReport(
	db: Db,
	address: string | null,
	file: unknown,
	now: number
): Promise<VerifyOutcome> {
	const retryAt = await takeVerifyCheck(db, address, now);
	if (retryAt > 0) return { kind: 'rate_limited', retryAt };
	if (!(file instanceof Blob) || file.size === 0) return { kind: 'not_pdf' };
	if (file.size > MAX_VERIFY_PDF_BYTES) return { kind: 'too_large' };
	const bytes = new Uint8Array(await file.arrayBuffer());
	if (!looksLikePdf(bytes)) return { kind: 'not_pdf' };
	const code = findSealCode(bytes);
	if (code === null) return { kind: 'no_code' };
	return verifySealCode(db, code, sha256Hex(bytes));
}
