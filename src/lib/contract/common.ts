import * as v from 'valibot';

/** Pieces both audiences' contracts share: ids, times, texts, locations, answers, states, errors. */

export const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'invalid id'));
export const UuidSchema = v.pipe(v.string(), v.uuid('not a UUID'));
export const EpochMs = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
export const Sha256Hex = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'not a SHA-256 hex digest'));

/** The largest integer both databases store in an `integer` column (PostgreSQL's int4). */
export const MAX_DB_INT = 2 ** 31 - 1;
/** A positive integer that fits an `integer` column: revisions, template versions. */
export const DbCount = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_DB_INT));

// A NUL (PostgreSQL's text cannot hold one) or a UTF-16 surrogate without its partner (no
// character at all: UTF-8 cannot encode it, so a database would silently store U+FFFD instead).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `text` holds neither a NUL nor a lone surrogate, so every database stores it as is. */
export function isStorableText(text: string): boolean {
	return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/**
 * `text` made storable by the sender: each NUL and each lone surrogate becomes U+FFFD, the
 * character any UTF-8 decoder would have put there. The device applies it to what it sends, so
 * text pasted from somewhere odd is changed visibly rather than refused on every retry.
 */
export function toStorableText(text: string): string {
	if (isStorableText(text)) return text;
	return text.replaceAll('\u0000', '\uFFFD').replace(new RegExp(LONE_SURROGATE, 'g'), '\uFFFD');
}

/**
 * Any string that crosses the network: refused (never silently changed) when it holds a NUL or
 * a lone surrogate, so SQLite and PostgreSQL store exactly what the device sent, or nothing.
 */
export const SafeString = v.pipe(
	v.string(),
	v.check(isStorableText, 'contains a NUL character or a lone surrogate')
);
export const ShortText = v.pipe(SafeString, v.maxLength(500));
export const LongText = v.pipe(SafeString, v.maxLength(20_000));

/** A text in several languages: English always, the others where written (see `localize`). */
export const LocalizedTextSchema = v.strictObject({
	en: LongText,
	da: v.optional(LongText),
	nb: v.optional(LongText),
	pl: v.optional(LongText)
});

export const LocationSchema = v.strictObject({
	id: Id,
	name: ShortText,
	kind: v.picklist(['own', 'competitor']),
	brand: ShortText,
	address: ShortText,
	region: ShortText
});

export const AnswerValueSchema = v.union([
	v.pipe(v.number(), v.finite()),
	v.pipe(SafeString, v.maxLength(20_000)),
	v.pipe(v.array(v.pipe(SafeString, v.maxLength(100))), v.maxLength(100))
]);

export const AnswerSchema = v.strictObject({
	checkpointId: Id,
	value: AnswerValueSchema,
	answeredAt: EpochMs
});

export const NoteSchema = v.strictObject({
	checkpointId: Id,
	text: LongText,
	updatedAt: EpochMs
});

export const SERVER_AUDIT_STATES = [
	'draft',
	'submitted',
	'returned',
	'resubmitted',
	'approved'
] as const;
export type ServerAuditState = (typeof SERVER_AUDIT_STATES)[number];

/** Every error the API returns: a stable code and a sentence for people. */
export const ApiErrorSchema = v.strictObject({
	error: v.string(),
	message: v.string(),
	details: v.optional(v.unknown())
});
export type ApiError = v.InferOutput<typeof ApiErrorSchema>;
