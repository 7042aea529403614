import * as v from 'valibot';
import { LOCALES } from '$lib/domain/types';

/**
 * Payloads of the sync API, validated on both sides. Unknown fields are refused
 * (`strictObject`): a payload the server does not understand is an error, not a guess.
 * Paths are in `api-paths.ts`; the API is described in docs/api.md.
 */

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'invalid id'));
export const UuidSchema = v.pipe(v.string(), v.uuid('not a UUID'));
const EpochMs = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
const Sha256Hex = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'not a SHA-256 hex digest'));
const ShortText = v.pipe(v.string(), v.maxLength(500));
const LongText = v.pipe(v.string(), v.maxLength(20_000));

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

/**
 * `PUT /api/audits/{id}`: the device's whole audit at one revision. Idempotent: the server keeps
 * the highest revision it has seen; an older or equal revision changes nothing.
 */
export const AuditUploadSchema = v.strictObject({
	revision: v.pipe(v.number(), v.integer(), v.minValue(1)),
	templateId: Id,
	templateVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
	assignmentId: v.nullable(Id),
	location: LocationSchema,
	locale: v.picklist(LOCALES),
	timeIn: EpochMs,
	timeOut: v.nullable(EpochMs),
	stageTimeMs: v.pipe(
		v.record(Id, v.pipe(v.number(), v.minValue(0))),
		v.check((r) => Object.keys(r).length <= 100, 'too many stages')
	),
	narrative: LongText,
	answers: v.pipe(v.array(AnswerSchema), v.maxLength(1000)),
	notes: v.pipe(v.array(NoteSchema), v.maxLength(1000)),
	photos: v.pipe(v.array(PhotoManifestEntrySchema), v.maxLength(300))
});
export type AuditUpload = v.InferOutput<typeof AuditUploadSchema>;

export const SERVER_AUDIT_STATES = [
	'draft',
	'submitted',
	'returned',
	'resubmitted',
	'approved'
] as const;
export type ServerAuditState = (typeof SERVER_AUDIT_STATES)[number];

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
	revision: v.pipe(v.number(), v.integer(), v.minValue(1)),
	photos: v.pipe(v.array(v.strictObject({ id: UuidSchema, sha256: Sha256Hex })), v.maxLength(300))
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
	brief: LongText,
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
			checkpointId: v.nullable(Id),
			body: LongText,
			createdAt: EpochMs
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
	audits: v.array(AuditStatusEntrySchema)
});
export type PullResponse = v.InferOutput<typeof PullResponseSchema>;

/** Every error the API returns: a stable code and a sentence for people. */
export const ApiErrorSchema = v.strictObject({
	error: v.string(),
	message: v.string(),
	details: v.optional(v.unknown())
});
export type ApiError = v.InferOutput<typeof ApiErrorSchema>;

/** `GET /api/audits` query: a page of the organisation's audits (a shopper's: their own). */
export const AUDIT_LIST_MAX_LIMIT = 100;

/** A report's state: none queued yet, queued or rendering, ready to download, or failed. */
export const REPORT_STATES = ['none', 'pending', 'ready', 'failed'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** One row of the office's audit list. */
export const AuditListItemSchema = v.strictObject({
	id: UuidSchema,
	location: v.strictObject({ id: Id, name: v.string() }),
	/** Own store or competitor, from the location. */
	kind: v.picklist(['own', 'competitor']),
	template: v.strictObject({
		id: Id,
		version: v.number(),
		/** The template's name in each language it has (`en` always). */
		name: v.record(v.string(), v.string())
	}),
	/** Never the shopper's name (invariant 6). */
	shopperPseudonym: v.string(),
	receivedAt: EpochMs,
	submittedAt: v.nullable(EpochMs),
	state: v.picklist(SERVER_AUDIT_STATES),
	revision: v.number(),
	totalPercent: v.nullable(v.number()),
	/** The newest report version's state; the PDF is at `GET /api/audits/{id}/report` when ready. */
	reportState: v.picklist(REPORT_STATES)
});
export type AuditListItem = v.InferOutput<typeof AuditListItemSchema>;

/** `GET /api/audits?limit=&cursor=&state=`: newest received first; pass `nextCursor` for more. */
export const AuditListResponseSchema = v.strictObject({
	items: v.array(AuditListItemSchema),
	nextCursor: v.nullable(v.string())
});
export type AuditListResponse = v.InferOutput<typeof AuditListResponseSchema>;

/** A photo as the office sees it; the bytes are at `GET /api/photos/{id}` once `stored`. */
export const PhotoInfoSchema = v.strictObject({
	id: UuidSchema,
	checkpointId: v.nullable(Id),
	kind: v.picklist(['checkpoint', 'receipt', 'general']),
	caption: v.string(),
	capturedAt: EpochMs,
	sha256: Sha256Hex,
	byteLength: v.number(),
	width: v.number(),
	height: v.number(),
	stored: v.boolean()
});

/** `GET /api/audits/{id}`: the audit as the server holds it, with its server-computed score. */
export const AuditDetailSchema = v.strictObject({
	...AuditListItemSchema.entries,
	assignmentId: v.nullable(Id),
	updatedAt: EpochMs,
	content: v.strictObject({
		locale: v.picklist(LOCALES),
		location: LocationSchema,
		timeIn: EpochMs,
		timeOut: v.nullable(EpochMs),
		stageTimeMs: v.record(v.string(), v.number()),
		narrative: v.string(),
		answers: v.array(AnswerSchema),
		notes: v.array(NoteSchema)
	}),
	/** The domain AuditScore (stages, checkpoints, totalPercent, criticalFailures, capped). */
	score: v.looseObject({ totalPercent: v.nullable(v.number()) }),
	photos: v.array(PhotoInfoSchema),
	comments: AuditStatusEntrySchema.entries.comments
});
export type AuditDetail = v.InferOutput<typeof AuditDetailSchema>;
