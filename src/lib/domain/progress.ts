import { isAnswerValid } from './answer-rules';
import { visibleCheckpointIds } from './visibility';
import type { AnswerValue, JourneyTemplate } from './types';

/** Counts for one stage of the stepper; only visible checkpoints count. */
export interface StageProgress {
	stageId: string;
	/** Visible checkpoints in the stage. */
	visible: number;
	/** Visible checkpoints with a valid answer. */
	answered: number;
	/** Visible required checkpoints. */
	required: number;
	/** Visible required checkpoints with a valid answer. */
	requiredAnswered: number;
	/** Every visible required checkpoint has a valid answer. */
	complete: boolean;
}

/** Progress of a whole audit: per stage and summed over all stages. */
export interface AuditProgress {
	stages: StageProgress[];
	visible: number;
	answered: number;
	required: number;
	requiredAnswered: number;
	complete: boolean;
}

/**
 * Per-stage and overall progress for the stage stepper: answered visible / visible, and
 * required answered / required. Hidden checkpoints do not count; invalid answers count as
 * unanswered. Photos and notes are not considered (see `validateAudit`).
 */
export function auditProgress(
	template: JourneyTemplate,
	answers: ReadonlyMap<string, AnswerValue>
): AuditProgress {
	const visibleIds = visibleCheckpointIds(template, answers);
	const stages = template.stages.map((stage): StageProgress => {
		let visible = 0;
		let answered = 0;
		let required = 0;
		let requiredAnswered = 0;
		for (const checkpoint of stage.checkpoints) {
			if (!visibleIds.has(checkpoint.id)) continue;
			const value = answers.get(checkpoint.id);
			const isAnswered = value !== undefined && isAnswerValid(checkpoint.response, value);
			visible += 1;
			if (isAnswered) answered += 1;
			if (checkpoint.required) {
				required += 1;
				if (isAnswered) requiredAnswered += 1;
			}
		}
		return {
			stageId: stage.id,
			visible,
			answered,
			required,
			requiredAnswered,
			complete: requiredAnswered === required
		};
	});
	const sum = (pick: (stage: StageProgress) => number) =>
		stages.reduce((total, stage) => total + pick(stage), 0);
	const required = sum((stage) => stage.required);
	const requiredAnswered = sum((stage) => stage.requiredAnswered);
	return {
		stages,
		visible: sum((stage) => stage.visible),
		answered: sum((stage) => stage.answered),
		required,
		requiredAnswered,
		complete: requiredAnswered === required
	};
}
