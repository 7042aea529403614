import * as v from 'valibot';
import { DbCount, EpochMs, Id, LocalizedTextSchema, SafeString } from './common';

/**
 * The journey builder's contract: a template's structure (what a draft, an import and an export
 * carry) and the `/api/templates…` requests and answers. The structure is checked here; the
 * domain's `checkTemplate` decides whether it can be published (see docs/template-schema.md).
 */

const Key = v.pipe(SafeString, v.maxLength(100));
const Num = v.pipe(v.number(), v.finite());
const NonNegative = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1_000_000));

export const MAX_TEMPLATE_STAGES = 60;
export const MAX_STAGE_CHECKPOINTS = 200;
export const MAX_CHOICE_OPTIONS = 50;

const OptionSchema = v.strictObject({
	id: Key,
	label: LocalizedTextSchema,
	score: v.pipe(v.number(), v.finite())
});
const Options = v.pipe(v.array(OptionSchema), v.maxLength(MAX_CHOICE_OPTIONS));
const Range = v.strictObject({ min: v.optional(Num), max: v.optional(Num) });

export const ResponseSpecSchema = v.variant('type', [
	v.strictObject({ type: v.literal('yes_no') }),
	v.strictObject({ type: v.literal('yes_no_na') }),
	v.strictObject({
		type: v.literal('scale'),
		min: v.literal(1),
		max: v.literal(5),
		labels: v.optional(
			v.strictObject({ min: v.optional(LocalizedTextSchema), max: v.optional(LocalizedTextSchema) })
		)
	}),
	v.strictObject({ type: v.literal('single_choice'), options: Options }),
	v.strictObject({ type: v.literal('multiple_choice'), options: Options }),
	v.strictObject({
		type: v.literal('number'),
		unit: v.optional(LocalizedTextSchema),
		min: v.optional(Num),
		max: v.optional(Num),
		pass: v.optional(Range)
	}),
	v.strictObject({ type: v.literal('text') }),
	v.strictObject({ type: v.literal('time') })
]);

const ConditionValue = v.union([Num, v.pipe(SafeString, v.maxLength(100))]);
export const VisibilityConditionSchema = v.variant('op', [
	v.strictObject({ checkpointId: Key, op: v.literal('equals'), value: ConditionValue }),
	v.strictObject({ checkpointId: Key, op: v.literal('not_equals'), value: ConditionValue }),
	v.strictObject({
		checkpointId: Key,
		op: v.literal('in'),
		values: v.pipe(v.array(ConditionValue), v.maxLength(MAX_CHOICE_OPTIONS))
	}),
	v.strictObject({ checkpointId: Key, op: v.literal('answered') })
]);

export const CheckpointSchema = v.strictObject({
	id: Key,
	prompt: LocalizedTextSchema,
	guidance: v.optional(LocalizedTextSchema),
	response: ResponseSpecSchema,
	weight: NonNegative,
	critical: v.boolean(),
	required: v.boolean(),
	evidence: v.strictObject({
		photo: v.picklist(['required', 'optional', 'none']),
		noteOnNegative: v.boolean()
	}),
	visibleWhen: v.optional(VisibilityConditionSchema)
});

export const StageSchema = v.strictObject({
	id: Key,
	title: LocalizedTextSchema,
	description: v.optional(LocalizedTextSchema),
	weight: NonNegative,
	checkpoints: v.pipe(v.array(CheckpointSchema), v.maxLength(MAX_STAGE_CHECKPOINTS))
});

/** A JourneyTemplate's structure (domain `types.ts`). */
export const JourneyTemplateSchema = v.strictObject({
	id: Key,
	version: DbCount,
	name: LocalizedTextSchema,
	description: v.optional(LocalizedTextSchema),
	locationKind: v.picklist(['own', 'competitor', 'any']),
	criticalFailCap: v.optional(Num),
	stages: v.pipe(v.array(StageSchema), v.maxLength(MAX_TEMPLATE_STAGES))
});

/** The export/import file: `docs/template-schema.md`. */
export const TEMPLATE_DOCUMENT_FORMAT = 'shopwalk.template';
export const TemplateDocumentSchema = v.strictObject({
	format: v.literal(TEMPLATE_DOCUMENT_FORMAT),
	formatVersion: v.literal(1),
	/** Set by an export: the template it came from was linked to this own-store template. */
	linkedTemplateId: v.optional(v.nullable(Id)),
	template: JourneyTemplateSchema
});
export type TemplateDocument = v.InferOutput<typeof TemplateDocumentSchema>;

/** `POST /api/templates`: a new draft from scratch, a copy, a built-in, or a linked competitor. */
export const CreateTemplateSchema = v.variant('from', [
	v.strictObject({
		from: v.literal('blank'),
		name: v.pipe(SafeString, v.trim(), v.minLength(1), v.maxLength(200))
	}),
	v.strictObject({ from: v.literal('copy'), templateId: Id, version: v.optional(DbCount) }),
	v.strictObject({ from: v.literal('builtin'), builtinId: Id }),
	v.strictObject({ from: v.literal('competitor'), templateId: Id })
]);
export type CreateTemplateRequest = v.InferOutput<typeof CreateTemplateSchema>;

/** `PUT /api/templates/{id}`: the whole draft at the revision the editor last saw. */
export const SaveDraftSchema = v.strictObject({
	revision: DbCount,
	template: JourneyTemplateSchema
});

/** `POST /api/templates/{id}/publish`: publish the draft at this revision. */
export const PublishDraftSchema = v.strictObject({ revision: DbCount });

/** `POST /api/templates/{id}/archive`. */
export const ArchiveTemplateSchema = v.strictObject({ archived: v.boolean() });

/** `POST /api/templates/import-csv`: a spreadsheet as text, with the template's name. */
export const CsvImportSchema = v.strictObject({
	csv: v.pipe(SafeString, v.maxLength(1_500_000)),
	name: LocalizedTextSchema,
	locationKind: v.optional(v.picklist(['own', 'competitor', 'any']))
});

/** One row of the template list. */
export const TemplateSummarySchema = v.strictObject({
	id: Id,
	name: LocalizedTextSchema,
	locationKind: v.picklist(['own', 'competitor', 'any']),
	latestVersion: v.number(),
	draftRevision: v.number(),
	/** The draft differs from the latest published version. */
	unpublishedChanges: v.boolean(),
	archived: v.boolean(),
	linkedTemplateId: v.nullable(Id),
	updatedAt: EpochMs
});
export type TemplateSummary = v.InferOutput<typeof TemplateSummarySchema>;
