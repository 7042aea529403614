import type { AuditUpload } from '$lib/contract/sync';
import type { PresenceOutcome } from '$lib/domain/presence';
import { scoreAudit } from '$lib/domain/scoring';
import type {
	Answer,
	AnswerValue,
	AuditScore,
	CheckpointNote,
	JourneyTemplate,
	Locale,
	Location
} from '$lib/domain/types';
import { ServiceError } from '../service-error';

/** The device's content of one revision, as stored in `audits.content` (JSON). */
export interface AuditContent {
	locale: Locale;
	location: Location;
	timeIn: number;
	timeOut: number | null;
	stageTimeMs: Record<string, number>;
	narrative: string;
	answers: Answer[];
	notes: CheckpointNote[];
	/** The presence check's outcome at time-in; absent on audits without one. */
	presence?: PresenceOutcome | null;
}

/** The content part of an upload (everything but revision, references and photos). */
export function contentOf(upload: AuditUpload): AuditContent {
	return {
		locale: upload.locale,
		location: upload.location,
		timeIn: upload.timeIn,
		timeOut: upload.timeOut,
		stageTimeMs: upload.stageTimeMs,
		narrative: upload.narrative,
		answers: upload.answers as Answer[],
		notes: upload.notes,
		...(upload.presence ? { presence: upload.presence } : {})
	};
}

/** Reads stored content back; the server wrote it, so it is trusted. */
export function parseContent(json: string): AuditContent {
	return JSON.parse(json) as AuditContent;
}

/** Answers by checkpoint id, the form domain scoring and validation take. */
export function answerMap(content: AuditContent): Map<string, AnswerValue> {
	return new Map(content.answers.map((answer) => [answer.checkpointId, answer.value]));
}

/** Notes by checkpoint id. */
export function noteMap(content: AuditContent): Map<string, string> {
	return new Map(content.notes.map((note) => [note.checkpointId, note.text]));
}

/** The server's score of the content: the shared domain code, never the device's numbers. */
export function scoreContent(template: JourneyTemplate, content: AuditContent): AuditScore {
	return scoreAudit(template, answerMap(content));
}

/**
 * Refuses (422) an upload whose answers, notes or photos name a checkpoint the template does not
 * have (unknown_checkpoint), whose stage times name a stage it does not have (unknown_stage), or
 * that repeats a checkpoint's answer or note, or a photo id (duplicate_entry).
 */
export function checkAgainstTemplate(template: JourneyTemplate, upload: AuditUpload): void {
	const known = new Set(template.stages.flatMap((stage) => stage.checkpoints.map((c) => c.id)));
	const unknown = new Set<string>();
	const refer = (id: string | null) => {
		if (id !== null && !known.has(id)) unknown.add(id);
	};
	upload.answers.forEach((answer) => refer(answer.checkpointId));
	upload.notes.forEach((note) => refer(note.checkpointId));
	upload.photos.forEach((photo) => refer(photo.checkpointId));
	if (unknown.size > 0) {
		throw new ServiceError(
			'invalid',
			'unknown_checkpoint',
			'The audit refers to checkpoints its template does not have.',
			{ checkpointIds: [...unknown].slice(0, 50) }
		);
	}
	const stages = new Set(template.stages.map((stage) => stage.id));
	const unknownStages = Object.keys(upload.stageTimeMs).filter((id) => !stages.has(id));
	if (unknownStages.length > 0) {
		throw new ServiceError(
			'invalid',
			'unknown_stage',
			'The audit times stages its template does not have.',
			{ stageIds: unknownStages.slice(0, 50) }
		);
	}
	const duplicates = [
		...repeated(upload.answers.map((answer) => `answer:${answer.checkpointId}`)),
		...repeated(upload.notes.map((note) => `note:${note.checkpointId}`)),
		...repeated(upload.photos.map((photo) => `photo:${photo.id}`))
	];
	if (duplicates.length > 0) {
		throw new ServiceError('invalid', 'duplicate_entry', 'The audit lists the same item twice.', {
			entries: duplicates.slice(0, 50)
		});
	}
}

function repeated(values: string[]): string[] {
	const seen = new Set<string>();
	const twice = new Set<string>();
	for (const value of values) (seen.has(value) ? twice : seen).add(value);
	return [...twice];
}
