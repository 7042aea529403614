import { isScoredResponse } from './answer-rules';
import type { JourneyTemplate } from './types';

/**
 * What a template's weights mean before anyone answers it, computed as `scoreAudit` scores:
 * a stage's percentage is its points over its possible points, and the total weighs each
 * stage's percentage by the stage weight. So a checkpoint's share of the total is
 * (its weight ÷ the stage's possible points) × (the stage's weight ÷ the stage weights). Hidden
 * or n.a. checkpoints leave the denominator, so these are the shares when everything is shown.
 */
export interface CheckpointShare {
	checkpointId: string;
	/** Points it can earn (its weight when scored, else 0). */
	maxPoints: number;
	/** Percentage points of its stage it decides, 0..100. */
	ofStage: number;
	/** Percentage points of the total it decides, 0..100. */
	ofTotal: number;
	/** Has a visibility condition: its share applies only when shown. */
	conditional: boolean;
}

export interface StagePreview {
	stageId: string;
	/** Points possible with every checkpoint shown and answered. */
	maxPoints: number;
	/** The stage's share of the total percentage, 0..100 (0 when it scores nothing). */
	ofTotal: number;
	checkpoints: CheckpointShare[];
}

export function previewScoring(template: JourneyTemplate): StagePreview[] {
	const stagePoints = template.stages.map((stage) =>
		stage.checkpoints.reduce(
			(sum, cp) => sum + (isScoredResponse(cp.response) && cp.weight > 0 ? cp.weight : 0),
			0
		)
	);
	const totalWeight = template.stages.reduce(
		(sum, stage, i) => sum + (stagePoints[i]! > 0 && stage.weight > 0 ? stage.weight : 0),
		0
	);
	return template.stages.map((stage, i) => {
		const maxPoints = stagePoints[i]!;
		const share =
			maxPoints > 0 && stage.weight > 0 && totalWeight > 0 ? stage.weight / totalWeight : 0;
		return {
			stageId: stage.id,
			maxPoints,
			ofTotal: share * 100,
			checkpoints: stage.checkpoints.map((cp) => {
				const points = isScoredResponse(cp.response) && cp.weight > 0 ? cp.weight : 0;
				const ofStage = maxPoints > 0 ? (points / maxPoints) * 100 : 0;
				return {
					checkpointId: cp.id,
					maxPoints: points,
					ofStage,
					ofTotal: ofStage * share,
					conditional: cp.visibleWhen !== undefined
				};
			})
		};
	});
}
