import * as v from 'valibot';
import { PresenceOutcomeSchema } from './sync';
import { LOCALES } from '$lib/domain/types';
import { isTimeZone } from '$lib/domain/visit-state';
import { FORM_PROBLEM_CODES } from './form-problem';
import { ROLES } from './auth';
import {
	AnswerSchema,
	DbCount,
	EpochMs,
	Id,
	LocalizedTextSchema,
	LocationSchema,
	NoteSchema,
	SafeString,
	SERVER_AUDIT_STATES,
	ShortText,
	Sha256Hex,
	UuidSchema
} from './common';
import { AuditStatusEntrySchema } from './sync';

/** The office's read models and form inputs (the device's payloads are in `sync.ts`). */

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
		notes: v.array(NoteSchema),
		/** The presence check's outcome at time-in (never a position); null when none was made. */
		presence: v.optional(v.nullable(PresenceOutcomeSchema))
	}),
	/** The domain AuditScore (stages, checkpoints, totalPercent, criticalFailures, capped). */
	score: v.looseObject({ totalPercent: v.nullable(v.number()) }),
	photos: v.array(PhotoInfoSchema),
	comments: AuditStatusEntrySchema.entries.comments
});
export type AuditDetail = v.InferOutput<typeof AuditDetailSchema>;

/** What a reviewer saw when deciding: the decision applies only if the audit is still so. */
const ReviewExpectation = {
	expectedState: v.picklist(['submitted', 'resubmitted']),
	expectedRevision: DbCount
};

/** The most checkpoint comments one return carries. */
export const MAX_RETURN_COMMENTS = 200;
/** The longest reviewer comment. */
export const MAX_REVIEW_COMMENT_LENGTH = 5000;

const ReviewCommentText = v.pipe(
	SafeString,
	v.trim(),
	v.maxLength(MAX_REVIEW_COMMENT_LENGTH, 'A comment can be at most 5000 characters.')
);

/** `POST /api/audits/{id}/approve` (and the office's approve form). */
export const ApproveRequestSchema = v.strictObject({ ...ReviewExpectation });
export type ApproveRequest = v.InferOutput<typeof ApproveRequestSchema>;

/** `POST /api/audits/{id}/return`: an overall comment and comments on chosen checkpoints. */
export const ReturnRequestSchema = v.pipe(
	v.strictObject({
		...ReviewExpectation,
		comment: ReviewCommentText,
		checkpointComments: v.pipe(
			v.array(
				v.strictObject({
					checkpointId: Id,
					body: v.pipe(ReviewCommentText, v.minLength(1, 'A checkpoint comment cannot be empty.'))
				})
			),
			v.maxLength(MAX_RETURN_COMMENTS)
		)
	}),
	v.check(
		(request) => request.comment.length > 0 || request.checkpointComments.length > 0,
		'Say what needs work: an overall comment or a comment on a checkpoint.'
	)
);
export type ReturnRequest = v.InferOutput<typeof ReturnRequestSchema>;

/** The answer to an approve or return: the audit's new state and the report version it made. */
export const ReviewOutcomeSchema = v.strictObject({
	id: UuidSchema,
	state: v.picklist(SERVER_AUDIT_STATES),
	revision: v.number(),
	reportVersion: v.number()
});
export type ReviewOutcome = v.InferOutput<typeof ReviewOutcomeSchema>;

/** `GET /api/review-queue`: audits waiting for review, oldest hand-in first. */
export const ReviewQueueResponseSchema = v.strictObject({
	items: v.array(AuditListItemSchema),
	nextCursor: v.nullable(v.string())
});
export type ReviewQueueResponse = v.InferOutput<typeof ReviewQueueResponseSchema>;

/** One step of an audit's trail. */
export const AuditEventSchema = v.strictObject({
	id: v.string(),
	kind: v.picklist([
		'submitted',
		'returned',
		'resubmitted',
		'approved',
		'report_ready',
		'report_failed'
	]),
	revision: v.number(),
	/** Who took the step, by pseudonym; null for the system. */
	actor: v.nullable(v.strictObject({ pseudonym: v.string(), role: v.string() })),
	/** A return's comments and round, a report's version, … */
	details: v.record(v.string(), v.unknown()),
	createdAt: EpochMs
});
export type AuditEvent = v.InferOutput<typeof AuditEventSchema>;

/** `GET /api/audits/{id}/trail`. */
export const AuditTrailSchema = v.strictObject({ events: v.array(AuditEventSchema) });
export type AuditTrail = v.InferOutput<typeof AuditTrailSchema>;

/** One report version of an audit. */
export const ReportVersionSchema = v.strictObject({
	version: v.number(),
	state: v.picklist(['pending', 'ready', 'failed']),
	/** The review state it shows; null on versions made before it was recorded. */
	reviewState: v.nullable(v.string()),
	/** The audit revision it shows; null on versions made before it was recorded. */
	revision: v.nullable(v.number()),
	createdAt: EpochMs
});
export type ReportVersion = v.InferOutput<typeof ReportVersionSchema>;

/** `GET /api/audits/{id}/reports`: newest first. */
export const ReportVersionsSchema = v.strictObject({ versions: v.array(ReportVersionSchema) });

/** A value before and after, for what changed since a return (null: absent on that side). */
const Change = <T extends v.GenericSchema>(value: T) =>
	v.strictObject({ checkpointId: Id, before: v.nullable(value), after: v.nullable(value) });

/** `GET /api/audits/{id}/changes`: what the shopper changed since the last return. */
export const ChangesSinceReturnSchema = v.strictObject({
	/** When it was last returned, and at which revision; null when it never was. */
	returnedAt: v.nullable(EpochMs),
	returnedRevision: v.nullable(v.number()),
	answers: v.array(Change(AnswerSchema.entries.value)),
	notes: v.array(Change(v.string())),
	narrative: v.nullable(v.strictObject({ before: v.string(), after: v.string() })),
	photosAdded: v.array(
		v.strictObject({ id: UuidSchema, checkpointId: v.nullable(Id), caption: v.string() })
	),
	photosRemoved: v.array(
		v.strictObject({ id: UuidSchema, checkpointId: v.nullable(Id), caption: v.string() })
	),
	captionsChanged: v.array(
		v.strictObject({ id: UuidSchema, before: v.string(), after: v.string() })
	)
});
export type ChangesSinceReturn = v.InferOutput<typeof ChangesSinceReturnSchema>;

/** A reusable reviewer comment. */
export const LibraryCommentSchema = v.strictObject({
	id: v.string(),
	body: v.string(),
	createdAt: EpochMs
});
export type LibraryCommentItem = v.InferOutput<typeof LibraryCommentSchema>;

/** `POST /api/comment-library`. */
export const AddLibraryCommentSchema = v.strictObject({
	body: v.pipe(SafeString, v.trim(), v.minLength(1, 'The comment is empty.'), v.maxLength(1000))
});

// ---- The programme: locations, visits, people (issue 9) ----

/** A valid IANA time zone of this runtime. */
const TimeZoneSchema = v.pipe(
	v.string(),
	v.check(isTimeZone, 'Not a time zone (use an IANA name such as Europe/Copenhagen).')
);
const RequiredShort = (what: string) =>
	v.pipe(ShortText, v.trim(), v.minLength(1, `${what} is empty.`), v.maxLength(200));

/** `POST /api/locations`, `PUT /api/locations/{id}` and the office's location form. */
export const LocationInputSchema = v.strictObject({
	name: RequiredShort('The name'),
	kind: v.picklist(['own', 'competitor'], 'Own or competitor.'),
	brand: v.pipe(ShortText, v.trim(), v.maxLength(200)),
	region: v.pipe(ShortText, v.trim(), v.maxLength(200)),
	address: v.pipe(ShortText, v.trim(), v.maxLength(500)),
	timeZone: TimeZoneSchema
});
export type LocationInput = v.InferOutput<typeof LocationInputSchema>;

/** A location as the office reads it. */
export const OfficeLocationSchema = v.strictObject({
	...LocationSchema.entries,
	timeZone: v.string(),
	archivedAt: v.nullable(EpochMs),
	updatedAt: EpochMs
});
export type OfficeLocation = v.InferOutput<typeof OfficeLocationSchema>;

/** `GET /api/locations?q=&kind=&archived=1&cursor=&limit=`: by name; pass `nextCursor` for more. */
export const LOCATION_LIST_MAX_LIMIT = 100;

/** The most rows one location CSV import takes. */
export const LOCATION_IMPORT_MAX_ROWS = 2000;

/**
 * One problem of a refused import: the file's row (1 = header) and column, its stable code
 * (`FORM_PROBLEM_CODES`) with the values its sentence names, and the English sentence.
 */
export const ImportProblemSchema = v.strictObject({
	row: v.number(),
	column: v.string(),
	code: v.picklist(FORM_PROBLEM_CODES),
	params: v.optional(v.record(v.string(), v.union([v.string(), v.number()]))),
	message: v.string()
});
export type ImportProblem = v.InferOutput<typeof ImportProblemSchema>;

/** A visit (assignment) as the office plans it. */
export const VisitInputSchema = v.strictObject({
	templateId: Id,
	templateVersion: DbCount,
	locationId: Id,
	shopperId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
	windowStart: EpochMs,
	windowEnd: EpochMs,
	brief: LocalizedTextSchema
});
export type VisitInput = v.InferOutput<typeof VisitInputSchema>;

/** `POST /api/visits/wave`: one template version over many locations, a shopper per location. */
export const WAVE_MAX_VISITS = 500;
export const WaveInputSchema = v.strictObject({
	templateId: Id,
	templateVersion: DbCount,
	windowStart: EpochMs,
	windowEnd: EpochMs,
	brief: LocalizedTextSchema,
	visits: v.pipe(
		v.array(
			v.strictObject({
				locationId: Id,
				shopperId: v.pipe(v.string(), v.minLength(1), v.maxLength(100))
			})
		),
		v.minLength(1, 'Choose at least one location.'),
		v.maxLength(WAVE_MAX_VISITS)
	)
});
export type WaveInput = v.InferOutput<typeof WaveInputSchema>;

/** A member's role when invited. */
export const MemberInviteSchema = v.strictObject({
	email: v.pipe(
		v.string(),
		v.trim(),
		v.toLowerCase(),
		v.email('Not an email address.'),
		v.maxLength(254)
	),
	displayName: RequiredShort('The name'),
	/** What reports show instead of the name; required for shoppers (invariant 6). */
	pseudonym: v.pipe(ShortText, v.trim(), v.maxLength(100)),
	role: v.picklist(ROLES, 'Choose a role.'),
	/** A one-time sign-in link, or a temporary password shown once. */
	method: v.picklist(['link', 'password'], 'Choose how they sign in first.')
});
export type MemberInvite = v.InferOutput<typeof MemberInviteSchema>;

/** The shortest password the server takes. */
export const MIN_PASSWORD_LENGTH = 10;
export const NewPasswordSchema = v.pipe(
	v.string(),
	v.minLength(MIN_PASSWORD_LENGTH, `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`),
	v.maxLength(1024)
);

/** `POST /api/me/password`: everyone changes their own, giving the current one. */
export const ChangePasswordSchema = v.strictObject({
	currentPassword: v.pipe(v.string(), v.maxLength(1024)),
	newPassword: NewPasswordSchema
});
