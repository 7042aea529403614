import * as v from 'valibot';
import { LOCALES } from '$lib/domain/types';
import {
	AnswerSchema,
	EpochMs,
	Id,
	LocationSchema,
	NoteSchema,
	SERVER_AUDIT_STATES,
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
		notes: v.array(NoteSchema)
	}),
	/** The domain AuditScore (stages, checkpoints, totalPercent, criticalFailures, capped). */
	score: v.looseObject({ totalPercent: v.nullable(v.number()) }),
	photos: v.array(PhotoInfoSchema),
	comments: AuditStatusEntrySchema.entries.comments
});
export type AuditDetail = v.InferOutput<typeof AuditDetailSchema>;
