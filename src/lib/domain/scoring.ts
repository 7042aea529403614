import { isAnswerValid, isNegativeAnswer, isScoredResponse, selectedScore } from './answer-rules';
import { visibleCheckpointIds } from './visibility';
import type {
	AnswerValue,
	AuditScore,
	Checkpoint,
	CheckpointScore,
	JourneyTemplate,
	ResponseSpec,
	StageScore
} from './types';

/** Sums of choice scores within this distance of 1 count as 1 (0.6 + 0.3 + 0.1 is 0.999…). */
const FULL_EPSILON = 1e-9;

/**
 * The share (0..1) of a checkpoint's weight that a VALID `value` earns, or null when the answer
 * earns nothing and stays out of the denominator: n.a., text, time, number without `pass`.
 * yes → 1, no → 0; scale v → (v - 1) / 4; single choice → the option's score; multiple choice →
 * min(1, sum of the selected scores); number → 1 inside `pass`, else 0.
 * The caller checks validity first; invalid values give null.
 */
export function answerFraction(spec: ResponseSpec, value: AnswerValue): number | null {
	if (!isAnswerValid(spec, value) || !isScoredResponse(spec)) return null;
	switch (spec.type) {
		case 'yes_no':
		case 'yes_no_na':
			return value === 'na' ? null : value === 'yes' ? 1 : 0;
		case 'scale':
			return ((value as number) - spec.min) / (spec.max - spec.min);
		case 'single_choice':
			return spec.options.find((option) => option.id === value)?.score ?? null;
		case 'multiple_choice': {
			const sum = selectedScore(spec.options, value as string[]);
			return sum >= 1 - FULL_EPSILON ? 1 : sum;
		}
		case 'number':
			return isNegativeAnswer(spec, value) ? 0 : 1;
		default:
			return null;
	}
}

/**
 * The score of one checkpoint. `answered` means a valid answer is present (an invalid value is
 * ignored here and reported by validation). It is `scored` (in the denominator) only when
 * visible, validly answered, of weight > 0 and earning a fraction (not n.a. or an unscored type).
 * `criticalFailure` is a visible, critical, negatively answered checkpoint, whatever its weight.
 */
export function scoreCheckpoint(
	checkpoint: Checkpoint,
	value: AnswerValue | undefined,
	visible: boolean
): CheckpointScore {
	const answered = value !== undefined && isAnswerValid(checkpoint.response, value);
	const fraction = answered && visible ? answerFraction(checkpoint.response, value) : null;
	const scored = fraction !== null && checkpoint.weight > 0;
	const negative = answered && visible && isNegativeAnswer(checkpoint.response, value);
	return {
		checkpointId: checkpoint.id,
		visible,
		answered,
		scored,
		points: scored ? checkpoint.weight * fraction : 0,
		maxPoints: scored ? checkpoint.weight : 0,
		negative,
		criticalFailure: negative && checkpoint.critical
	};
}

/**
 * Scores an audit (draft or final) against its template. Hidden checkpoints, n.a., unscored
 * types, weight 0 and unanswered checkpoints stay out of the denominator, so a draft shows its
 * score so far. Stage percent = points / maxPoints × 100, or null when nothing in the stage is
 * scored. The total is the mean of stage percents weighted by stage weight over stages with a
 * percent and a weight > 0 (null if there are none). When a critical checkpoint fails and the
 * template has `criticalFailCap`, totalPercent = min(uncapped, cap) and `capped` is true.
 * Nothing is rounded; use `roundPercent` for display. Full marks give exactly 100.
 */
export function scoreAudit(
	template: JourneyTemplate,
	answers: ReadonlyMap<string, AnswerValue>
): AuditScore {
	const visible = visibleCheckpointIds(template, answers);
	const criticalFailures: string[] = [];
	let weightedRatios = 0;
	let totalWeight = 0;
	const stages = template.stages.map((stage): StageScore => {
		const checkpoints = stage.checkpoints.map((checkpoint) =>
			scoreCheckpoint(checkpoint, answers.get(checkpoint.id), visible.has(checkpoint.id))
		);
		let points = 0;
		let maxPoints = 0;
		for (const score of checkpoints) {
			points += score.points;
			maxPoints += score.maxPoints;
			if (score.criticalFailure) criticalFailures.push(score.checkpointId);
		}
		const ratio = maxPoints > 0 ? points / maxPoints : null;
		if (ratio !== null && stage.weight > 0) {
			weightedRatios += stage.weight * ratio;
			totalWeight += stage.weight;
		}
		return {
			stageId: stage.id,
			points,
			maxPoints,
			percent: ratio === null ? null : ratio * 100,
			checkpoints
		};
	});
	// Sum weight × ratio (not × percent) so that all-full stages give weightedRatios === totalWeight.
	const uncappedPercent = totalWeight > 0 ? (weightedRatios / totalWeight) * 100 : null;
	const cap = template.criticalFailCap;
	const capped = cap !== undefined && criticalFailures.length > 0 && uncappedPercent !== null;
	return {
		stages,
		totalPercent: capped ? Math.min(uncappedPercent, cap) : uncappedPercent,
		uncappedPercent,
		criticalFailures,
		capped
	};
}

/** A percentage rounded half away from zero to one decimal, for display; null stays null. */
export function roundPercent(percent: number | null): number | null {
	if (percent === null) return null;
	const sign = percent < 0 ? -1 : 1;
	return (sign * Math.round(Math.abs(percent) * 10 + 1e-9)) / 10;
}
