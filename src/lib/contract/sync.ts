import * as v from 'valibot';
import { briefFromText } from '$lib/domain/brief';
import { LOCALES } from '$lib/domain/types';
import {
	AnswerSchema,
	DbCount,
	EpochMs,
	Id,
	LocalizedTextSchema,
	LocationSchema,
	LongText,
	NoteSchema,
	SERVER_AUDIT_STATES,
	Sha256Hex,
	ShortText,
	UuidSchema
} from './common';

export {
	AnswerSchema,
	AnswerValueSchema,
	ApiErrorSchema,
	isStorableText,
	LocationSchema,
	MAX_DB_INT,
	NoteSchema,
	SERVER_AUDIT_STATES,
	UuidSchema,
	type ApiError,
	type ServerAuditState
} from './common';

/**
 * Payloads of the sync API, validated on both sides. Unknown fields are refused
 * (`strictObject`): a payload the server does not understand is an error, not a guess.
 * Paths are in `api-paths.ts`; the API is described in docs/api.md.
 */

/** What a presence check kept: the outcome and the accuracy band, no coordinate. */
export const PresenceOutcomeSchema = v.strictObject({
	outcome: v.picklist(['within', 'outside', 'unavailable']),
	accuracy: v.nullable(v.picklist(['le50', 'le200', 'gt200'])),
	checkedAt: EpochMs
});

/** A store the device may check presence at: its position and radius. */
export const PresenceTargetSchema = v.strictObject({
	locationId: Id,
	latitude: v.pipe(v.number(), v.finite(), v.minValue(-90), v.maxValue(90)),
	longitude: v.pipe(v.number(), v.finite(), v.minValue(-180), v.maxValue(180)),
	radiusM: v.pipe(v.number(), v.integer(), v.minValue(10), v.maxValue(5000))
});
export type PresenceTarget = v.InferOutput<typeof PresenceTargetSchema>;

export const PresenceConfigSchema = v.strictObject({
	enabled: v.boolean(),
	stores: v.pipe(v.array(PresenceTargetSchema), v.maxLength(500))
});
export type PresenceConfig = v.InferOutput<typeof PresenceConfigSchema>;

/** What the server needs to know of each photo before (or after) its bytes arrive. */
export const PhotoManifestEntrySchema = v.strictObject({
	id: UuidSchema,
	checkpointId: v.nullable(Id),
	kind: v.picklist(['checkpoint', 'receipt', 'general']),
	caption: ShortText,
	capturedAt: EpochMs,
	sha256: Sha256Hex,
	byteLength: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12 * 1024 * 1024)),
	width: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4096)),
	height: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4096))
});
export type PhotoManifestEntry = v.InferOutput<typeof PhotoManifestEntrySchema>;

/** The most time one stage's screen may have been open, in all: 31 days. */
export const MAX_STAGE_TIME_MS = 31 * 24 * 60 * 60 * 1000;

/**
 * `PUT /api/audits/{id}`: the device's whole audit at one revision. Idempotent: the server keeps
 * the highest revision it has seen; an older or equal revision changes nothing. Numbers are
 * finite and fit the database (a revision is at most 2^31 − 1), strings hold no NUL and no lone
 * surrogate, and time-out is not before time-in. That the stage keys and checkpoints exist in
 * the template, and that photo facts match the bytes, the server checks where it knows them.
 */
export const AuditUploadSchema = v.pipe(
	v.strictObject({
		revision: DbCount,
		templateId: Id,
		templateVersion: DbCount,
		assignmentId: v.nullable(Id),
		location: LocationSchema,
		locale: v.picklist(LOCALES),
		timeIn: EpochMs,
		timeOut: v.nullable(EpochMs),
		stageTimeMs: v.pipe(
			v.record(Id, v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(MAX_STAGE_TIME_MS))),
			v.check((r) => Object.keys(r).length <= 100, 'too many stages')
		),
		narrative: LongText,
		answers: v.pipe(v.array(AnswerSchema), v.maxLength(1000)),
		notes: v.pipe(v.array(NoteSchema), v.maxLength(1000)),
		photos: v.pipe(v.array(PhotoManifestEntrySchema), v.maxLength(300)),
		/** The presence check's outcome at time-in (never a position); absent when none was made. */
		presence: v.optional(v.nullable(PresenceOutcomeSchema))
	}),
	v.forward(
		v.check(
			(upload) => upload.timeOut === null || upload.timeOut >= upload.timeIn,
			'time-out is before time-in'
		),
		['timeOut']
	)
);
export type AuditUpload = v.InferOutput<typeof AuditUploadSchema>;

export const AuditUploadResponseSchema = v.strictObject({
	id: UuidSchema,
	revision: v.number(),
	state: v.picklist(SERVER_AUDIT_STATES),
	/** Photos the server has in its manifest but not yet the bytes of. */
	missingPhotos: v.array(UuidSchema)
});
export type AuditUploadResponse = v.InferOutput<typeof AuditUploadResponseSchema>;

/** `POST /api/audits/{id}/submit` with an `Idempotency-Key` header. */
export const SubmitRequestSchema = v.strictObject({
	revision: DbCount,
	photos: v.pipe(v.array(v.strictObject({ id: UuidSchema, sha256: Sha256Hex })), v.maxLength(300)),
	/**
	 * The device's seal digest of the revision it uploaded (domain/seal.ts); the server refuses the
	 * submit (409 seal_mismatch) when its own differs. Optional for devices older than the seal.
	 */
	seal: v.optional(Sha256Hex)
});
export type SubmitRequest = v.InferOutput<typeof SubmitRequestSchema>;

export const SubmitResponseSchema = v.strictObject({
	id: UuidSchema,
	state: v.picklist(SERVER_AUDIT_STATES),
	revision: v.number(),
	totalPercent: v.nullable(v.number()),
	submittedAt: EpochMs
});
export type SubmitResponse = v.InferOutput<typeof SubmitResponseSchema>;

export const PhotoUploadResponseSchema = v.strictObject({
	id: UuidSchema,
	sha256: Sha256Hex,
	byteLength: v.number()
});
export type PhotoUploadResponse = v.InferOutput<typeof PhotoUploadResponseSchema>;

export const AssignmentSchema = v.strictObject({
	id: Id,
	templateId: Id,
	templateVersion: v.number(),
	location: LocationSchema,
	windowStart: EpochMs,
	windowEnd: EpochMs,
	/**
	 * The scenario brief in each language written. A single string — what servers sent before
	 * briefs had languages — is still accepted and read as `briefFromText` does.
	 */
	brief: v.union([LocalizedTextSchema, v.pipe(LongText, v.transform(briefFromText))]),
	status: v.picklist(['open', 'done', 'cancelled'])
});
export type Assignment = v.InferOutput<typeof AssignmentSchema>;

/** Review state of the shopper's own audits, so returned audits come back to the tablet. */
export const AuditStatusEntrySchema = v.strictObject({
	id: UuidSchema,
	state: v.picklist(SERVER_AUDIT_STATES),
	revision: v.number(),
	comments: v.array(
		v.strictObject({
			/** The checkpoint it is about; null for the overall comment. */
			checkpointId: v.nullable(Id),
			body: LongText,
			createdAt: EpochMs,
			/** Which return it came with (1, 2, …): the device shows the latest round. */
			round: v.pipe(v.number(), v.integer(), v.minValue(1))
		})
	)
});

/**
 * `GET /api/sync/pull?since=<cursor>`: what changed since the cursor. Templates are sent whole
 * (they are immutable versions); the device stores `cursor` and sends it next time.
 */
export const PullResponseSchema = v.strictObject({
	cursor: EpochMs,
	// Templates are domain JourneyTemplates; their structure is checked by validateTemplate.
	templates: v.array(v.looseObject({ id: Id, version: v.number() })),
	locations: v.array(LocationSchema),
	assignments: v.array(AssignmentSchema),
	audits: v.array(AuditStatusEntrySchema),
	/**
	 * The presence check, sent whole with every pull: whether the organisation has it on and the
	 * positions of the stores of the user's open assignments (only those). Absent from older servers.
	 */
	presence: v.optional(PresenceConfigSchema),
	/**
	 * The ids of the organisation's archived templates, sent whole with every pull (not only
	 * changes): the device offers none of them for a new audit. Their versions, the visits planned
	 * on them and audits already started stay. Absent from older servers (nothing is hidden then).
	 */
	archivedTemplateIds: v.optional(v.array(Id))
});
export type PullResponse = v.InferOutput<typeof PullResponseSchema>;
