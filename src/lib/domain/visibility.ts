import type { AnswerValue, Checkpoint, JourneyTemplate, VisibilityCondition } from './types';

/** Does one answer match a condition value? A multiple-choice answer matches when it includes it. */
function matches(answer: AnswerValue, value: string | number): boolean {
	return Array.isArray(answer) ? answer.includes(String(value)) : answer === value;
}

/**
 * Whether `condition` holds for the given answers. Every operator needs the referenced
 * checkpoint to be answered: an unanswered checkpoint meets no condition, not even
 * `not_equals`. For multiple-choice answers, `equals` means "includes", `not_equals`
 * "does not include" and `in` "includes any of".
 */
export function isConditionMet(
	condition: VisibilityCondition,
	answers: ReadonlyMap<string, AnswerValue>
): boolean {
	const answer = answers.get(condition.checkpointId);
	if (answer === undefined) return false;
	switch (condition.op) {
		case 'answered':
			return true;
		case 'equals':
			return matches(answer, condition.value);
		case 'not_equals':
			return !matches(answer, condition.value);
		case 'in':
			return condition.values.some((value) => matches(answer, value));
		default:
			return false;
	}
}

/**
 * Whether `checkpoint` is shown. Without `visibleWhen` it always is. With a condition, the
 * condition must be met (see `isConditionMet`) and, when `visibleIds` is given, the referenced
 * checkpoint must itself be visible: a condition on a hidden checkpoint counts as not met.
 * Use `visibleCheckpointIds` to evaluate a whole template, chains included.
 */
export function isCheckpointVisible(
	checkpoint: Checkpoint,
	answers: ReadonlyMap<string, AnswerValue>,
	visibleIds?: ReadonlySet<string>
): boolean {
	const condition = checkpoint.visibleWhen;
	if (condition === undefined) return true;
	if (visibleIds !== undefined && !visibleIds.has(condition.checkpointId)) return false;
	return isConditionMet(condition, answers);
}

/**
 * The ids of every visible checkpoint of `template`, evaluated in template order so that chains
 * work (A hides B, so a condition on B is not met and C is hidden too). Conditions must refer to
 * earlier checkpoints (see `validateTemplate`); one referring to a later or unknown checkpoint
 * is treated as not met.
 */
export function visibleCheckpointIds(
	template: JourneyTemplate,
	answers: ReadonlyMap<string, AnswerValue>
): Set<string> {
	const visible = new Set<string>();
	for (const stage of template.stages) {
		for (const checkpoint of stage.checkpoints) {
			if (isCheckpointVisible(checkpoint, answers, visible)) visible.add(checkpoint.id);
		}
	}
	return visible;
}
