import type { PresenceOutcome } from './presence';

/**
 * The journey model shared by the tablet and the server. Pure data: no I/O, no clocks.
 * Times are epoch milliseconds passed in by the caller.
 */

/** Languages the product ships. Template text may carry any subset; `en` is always present. */
export type Locale = 'en' | 'da' | 'nb' | 'pl';
export const LOCALES: readonly Locale[] = ['en', 'da', 'nb', 'pl'];

/** Text written by a template author, in one or more languages. */
export type LocalizedText = { en: string } & Partial<Record<Exclude<Locale, 'en'>, string>>;

export interface ChoiceOption {
	id: string;
	label: LocalizedText;
	/** Share of the checkpoint's weight this option earns, 0..1. */
	score: number;
}

/** How a checkpoint is answered. Each variant decides how an answer is scored. */
export type ResponseSpec =
	| { type: 'yes_no' }
	| { type: 'yes_no_na' }
	/** 1..5; `labels` name the ends of the scale for the shopper (e.g. "Poor" … "Excellent"). */
	| { type: 'scale'; min: 1; max: 5; labels?: { min?: LocalizedText; max?: LocalizedText } }
	| { type: 'single_choice'; options: ChoiceOption[] }
	| { type: 'multiple_choice'; options: ChoiceOption[] }
	/** A number; scored only when `pass` is given: inside the range earns full points. */
	| {
			type: 'number';
			unit?: LocalizedText;
			min?: number;
			max?: number;
			pass?: { min?: number; max?: number };
	  }
	| { type: 'text' }
	/** A clock time `HH:MM` (for example when the shopper was first greeted); not scored. */
	| { type: 'time' };

export type ResponseType = ResponseSpec['type'];

/**
 * The value a shopper gave. `'na'` is only valid for yes_no_na.
 * yes_no / yes_no_na: 'yes' | 'no' | 'na'; scale: 1..5; single_choice: option id;
 * multiple_choice: option ids; number: number; text: string; time: 'HH:MM'.
 */
export type AnswerValue = 'yes' | 'no' | 'na' | number | string | string[];

export type PhotoRule = 'required' | 'optional' | 'none';

export interface EvidenceRule {
	photo: PhotoRule;
	/** A note is required when the answer is negative (see `isNegativeAnswer`). */
	noteOnNegative: boolean;
}

/** Show a checkpoint only when an earlier checkpoint's answer matches. */
export type VisibilityCondition =
	| { checkpointId: string; op: 'equals'; value: string | number }
	| { checkpointId: string; op: 'not_equals'; value: string | number }
	| { checkpointId: string; op: 'in'; values: (string | number)[] }
	| { checkpointId: string; op: 'answered' };

export interface Checkpoint {
	id: string;
	prompt: LocalizedText;
	guidance?: LocalizedText;
	response: ResponseSpec;
	/** Points available; 0 makes the checkpoint informational. */
	weight: number;
	critical: boolean;
	required: boolean;
	evidence: EvidenceRule;
	visibleWhen?: VisibilityCondition;
}

export interface Stage {
	id: string;
	title: LocalizedText;
	description?: LocalizedText;
	/** Relative weight of this stage in the total percentage. */
	weight: number;
	checkpoints: Checkpoint[];
}

export interface JourneyTemplate {
	id: string;
	/** Immutable published version; an audit records the one it was filled against. */
	version: number;
	name: LocalizedText;
	description?: LocalizedText;
	/** Which kind of location the template is meant for; 'any' fits both. */
	locationKind: LocationKind | 'any';
	/** When a critical checkpoint fails, the total percentage is capped at this value (0..100). Absent: flag only. */
	criticalFailCap?: number;
	stages: Stage[];
}

export type LocationKind = 'own' | 'competitor';

export interface Location {
	id: string;
	name: string;
	kind: LocationKind;
	brand: string;
	address: string;
	region: string;
}

export interface Answer {
	checkpointId: string;
	value: AnswerValue;
	/** Epoch ms when this answer was last changed. */
	answeredAt: number;
}

export interface CheckpointNote {
	checkpointId: string;
	text: string;
	updatedAt: number;
}

/** What domain validation needs to know about a photo; bytes live elsewhere. */
export interface PhotoRef {
	id: string;
	/** null: a photo of the whole audit (receipt, storefront). */
	checkpointId: string | null;
	kind: 'checkpoint' | 'receipt' | 'general';
}

/** Device-side lifecycle: draft → queued → uploading → received; back to draft when returned. */
export type AuditStatus = 'draft' | 'queued' | 'uploading' | 'received';

/** One filled instance of a template, keyed by a UUID made on the device. Answers, notes and photos are stored apart. */
export interface Audit {
	id: string;
	templateId: string;
	templateVersion: number;
	location: Location;
	assignmentId: string | null;
	locale: Locale;
	status: AuditStatus;
	/** Bumped on every local change; the server keeps the highest it has seen. */
	revision: number;
	createdAt: number;
	updatedAt: number;
	/** Time-in: stamped when the shopper starts the visit. */
	timeIn: number;
	/** Time-out: stamped when the shopper finishes the visit; null while in the store. */
	timeOut: number | null;
	/** Milliseconds spent on each stage's screen. */
	stageTimeMs: Record<string, number>;
	narrative: string;
	/** The presence check's outcome at time-in (never a position); absent when none was made. */
	presence?: PresenceOutcome | null;
}

export interface CheckpointScore {
	checkpointId: string;
	visible: boolean;
	answered: boolean;
	/** False for n.a., unscored types, weight 0 and hidden checkpoints: out of the denominator. */
	scored: boolean;
	points: number;
	maxPoints: number;
	negative: boolean;
	criticalFailure: boolean;
}

export interface StageScore {
	stageId: string;
	points: number;
	maxPoints: number;
	/** 0..100, or null when nothing in the stage is scored. */
	percent: number | null;
	checkpoints: CheckpointScore[];
}

export interface AuditScore {
	stages: StageScore[];
	/** Weighted by stage weight; 0..100 or null when nothing is scored. Already capped when a critical failed. */
	totalPercent: number | null;
	/** The weighted total before any critical cap. */
	uncappedPercent: number | null;
	criticalFailures: string[];
	capped: boolean;
}

export type ValidationProblemKind =
	'answer_missing' | 'answer_invalid' | 'photo_missing' | 'note_missing' | 'time_out_missing';

/** One thing that stops an audit from being submitted, precise enough to jump to. */
export interface ValidationProblem {
	kind: ValidationProblemKind;
	stageId: string | null;
	checkpointId: string | null;
}
