import type { PresenceOutcome } from './presence';
import type { AnswerValue, Locale, Location } from './types';

export type { PresenceOutcome } from './presence';

/**
 * The sealed proof of visit: one digest over an audit's content, its photos' SHA-256 and its
 * times, computed the same way by the tablet (over what it uploads) and by the server (over what
 * it stored). Pure: WebCrypto's `crypto.subtle` exists in browsers and in Node 20 alike.
 *
 * The canonical form (docs/architecture.md, "The seal"):
 * - the bytes hashed are the UTF-8 of `shopwalk-seal/1\n` followed by the canonical JSON of
 *   `sealContent(...)`;
 * - canonical JSON: no whitespace; object keys sorted by UTF-16 code units (JavaScript's default
 *   sort); strings and numbers exactly as `JSON.stringify` writes them (numbers must be finite);
 *   arrays keep their order; `undefined` is not allowed;
 * - answers and notes are sorted by checkpoint id, photos by id, so the order a store listed them
 *   in does not matter; multiple-choice values keep the order the shopper chose them in;
 * - text is hashed as typed: no Unicode normalisation, no trimming (the server stores byte for
 *   byte what the device sent).
 */

export const SEAL_FORMAT = 'shopwalk-seal/1';

/** Everything of an audit revision the seal covers, in the shape of the device's upload. */
export interface SealSource {
	revision: number;
	templateId: string;
	templateVersion: number;
	assignmentId: string | null;
	location: Location;
	locale: Locale;
	timeIn: number;
	timeOut: number | null;
	stageTimeMs: Record<string, number>;
	narrative: string;
	answers: readonly { checkpointId: string; value: AnswerValue; answeredAt: number }[];
	notes: readonly { checkpointId: string; text: string; updatedAt: number }[];
	photos: readonly {
		id: string;
		checkpointId: string | null;
		kind: string;
		caption: string;
		capturedAt: number;
		sha256: string;
	}[];
	presence?: PresenceOutcome | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const byKey =
	<T>(key: (item: T) => string) =>
	(a: T, b: T) =>
		key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** The sealed content of one revision of `auditId`: only the named fields, in canonical order. */
export function sealContent(auditId: string, source: SealSource): Json {
	const { location } = source;
	return {
		format: SEAL_FORMAT,
		auditId,
		revision: source.revision,
		templateId: source.templateId,
		templateVersion: source.templateVersion,
		assignmentId: source.assignmentId,
		location: {
			id: location.id,
			name: location.name,
			kind: location.kind,
			brand: location.brand,
			address: location.address,
			region: location.region
		},
		locale: source.locale,
		timeIn: source.timeIn,
		timeOut: source.timeOut,
		stageTimeMs: { ...source.stageTimeMs },
		narrative: source.narrative,
		answers: [...source.answers].sort(byKey((a) => a.checkpointId)).map((a) => ({
			checkpointId: a.checkpointId,
			value: Array.isArray(a.value) ? [...a.value] : a.value,
			answeredAt: a.answeredAt
		})),
		notes: [...source.notes]
			.sort(byKey((n) => n.checkpointId))
			.map((n) => ({ checkpointId: n.checkpointId, text: n.text, updatedAt: n.updatedAt })),
		photos: [...source.photos].sort(byKey((p) => p.id)).map((p) => ({
			id: p.id,
			checkpointId: p.checkpointId,
			kind: p.kind,
			caption: p.caption,
			capturedAt: p.capturedAt,
			sha256: p.sha256
		})),
		presence: source.presence
			? {
					outcome: source.presence.outcome,
					accuracy: source.presence.accuracy,
					checkedAt: source.presence.checkedAt
				}
			: null
	};
}

/** Canonical JSON of `value` (see the module comment). Throws on undefined or a non-finite number. */
export function canonicalJson(value: unknown): string {
	if (value === null) return 'null';
	switch (typeof value) {
		case 'boolean':
			return value ? 'true' : 'false';
		case 'number':
			if (!Number.isFinite(value)) throw new TypeError('canonicalJson: a number is not finite');
			return JSON.stringify(value);
		case 'string':
			return JSON.stringify(value);
		case 'object': {
			if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
			const record = value as Record<string, unknown>;
			const keys = Object.keys(record).sort();
			return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
		}
		default:
			throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
	}
}

/** The exact bytes the seal digest is taken over. */
export function sealBytes(auditId: string, source: SealSource): Uint8Array<ArrayBuffer> {
	return new TextEncoder().encode(`${SEAL_FORMAT}\n${canonicalJson(sealContent(auditId, source))}`);
}

/** SHA-256 of `bytes`, 64 lower-case hex digits, through WebCrypto. */
export async function sha256HexOf(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
	let hex = '';
	for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
	return hex;
}

/** The seal digest of one revision of an audit: what the device sends with its submit. */
export function sealDigest(auditId: string, source: SealSource): Promise<string> {
	return sha256HexOf(sealBytes(auditId, source));
}

/** One link of an audit's seal chain as it is signed (every field is signed). */
export interface SealStatement {
	id: string;
	organisationId: string;
	auditId: string;
	/** The report version this seal belongs to: 1, 2, … */
	version: number;
	/** The review state this version shows. */
	state: string;
	revision: number;
	digest: string;
	/** The seal before this one, and the SHA-256 of its statement; null on the first. */
	previousId: string | null;
	previousHash: string | null;
	sealedAt: number;
	keyId: string;
}

/** The bytes the organisation's key signs for `statement`. */
export function statementBytes(statement: SealStatement): Uint8Array<ArrayBuffer> {
	const { id, organisationId, auditId, version, state, revision, digest } = statement;
	const { previousId, previousHash, sealedAt, keyId } = statement;
	const signed = {
		format: 'shopwalk-seal-statement/1',
		id,
		organisationId,
		auditId,
		version,
		state,
		revision,
		digest,
		previousId,
		previousHash,
		sealedAt,
		keyId
	};
	return new TextEncoder().encode(canonicalJson(signed));
}

// Crockford's base32: no I, L, O, U, so a code read aloud or typed is hard to get wrong.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A verification code from 60 random bits: `XXXX-XXXX-XXXX` in Crockford base32. */
export function formatVerificationCode(random: Uint8Array): string {
	if (random.length < 8) throw new RangeError('formatVerificationCode needs 8 random bytes');
	let bits = 0n;
	for (const byte of random.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte);
	let code = '';
	for (let i = 0; i < 12; i++) {
		code += CODE_ALPHABET[Number(bits & 31n)];
		bits >>= 5n;
	}
	return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/**
 * A code as a person typed it, normalised (case, spaces, dashes; O→0, I/L→1), or null when it
 * cannot be one.
 */
export function parseVerificationCode(typed: string): string | null {
	if (typed.length > 64) return null;
	const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
	if (plain.length !== 12) return null;
	for (const char of plain) if (!CODE_ALPHABET.includes(char)) return null;
	return `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}`;
}
