import { isAnswerValid, isNegativeAnswer } from './answer-rules';
import { visibleCheckpointIds } from './visibility';
import type { AnswerValue, JourneyTemplate, PhotoRef, ValidationProblem } from './types';

export interface AuditValidationInput {
	template: JourneyTemplate;
	answers: ReadonlyMap<string, AnswerValue>;
	/** Notes by checkpoint id. */
	notes: ReadonlyMap<string, string>;
	photos: readonly PhotoRef[];
	timeOut: number | null;
}

/**
 * Everything that stops an audit from being submitted, in template order. For each VISIBLE
 * checkpoint, in this order: `answer_missing` (required and unanswered) or `answer_invalid`
 * (answered with a value its response type rejects, required or not); `photo_missing` (photo
 * rule 'required' and no photo linked to the checkpoint, answered or not); `note_missing`
 * (noteOnNegative, a valid negative answer and a blank note). Hidden checkpoints are skipped
 * entirely, including stale answers. Last, `time_out_missing` when timeOut is null.
 * An empty list means the audit may be submitted.
 */
export function validateAudit(input: AuditValidationInput): ValidationProblem[] {
	const { template, answers, notes, photos, timeOut } = input;
	const visible = visibleCheckpointIds(template, answers);
	const photographed = new Set(photos.map((photo) => photo.checkpointId));
	const problems: ValidationProblem[] = [];
	for (const stage of template.stages) {
		for (const checkpoint of stage.checkpoints) {
			if (!visible.has(checkpoint.id)) continue;
			const at = (kind: ValidationProblem['kind']) =>
				problems.push({ kind, stageId: stage.id, checkpointId: checkpoint.id });
			const value = answers.get(checkpoint.id);
			const valid = value !== undefined && isAnswerValid(checkpoint.response, value);
			if (value === undefined) {
				if (checkpoint.required) at('answer_missing');
			} else if (!valid) {
				at('answer_invalid');
			}
			if (checkpoint.evidence.photo === 'required' && !photographed.has(checkpoint.id)) {
				at('photo_missing');
			}
			if (
				valid &&
				checkpoint.evidence.noteOnNegative &&
				isNegativeAnswer(checkpoint.response, value) &&
				(notes.get(checkpoint.id) ?? '').trim() === ''
			) {
				at('note_missing');
			}
		}
	}
	if (timeOut === null)
		problems.push({ kind: 'time_out_missing', stageId: null, checkpointId: null });
	return problems;
}
