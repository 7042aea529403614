import * as v from 'valibot';

/** Pieces both audiences' contracts share: ids, times, texts, locations, answers, states, errors. */

export const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'invalid id'));
export const UuidSchema = v.pipe(v.string(), v.uuid('not a UUID'));
export const EpochMs = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
export const Sha256Hex = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'not a SHA-256 hex digest'));
export const ShortText = v.pipe(v.string(), v.maxLength(500));
export const LongText = v.pipe(v.string(), v.maxLength(20_000));

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
	v.pipe(v.string(), v.maxLength(20_000)),
	v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(100))
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
