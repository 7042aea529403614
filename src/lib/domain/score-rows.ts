import type { AuditScore, CheckpointScore } from './types';

/**
 * How one visible, answered checkpoint came out, as the insights count it: `pass` earned its full
 * weight, `partial` some of it, `fail` none (or was answered negatively), `na` was answered but
 * stays out of the denominator (n.a., an unscored type, weight 0). Hidden and unanswered
 * checkpoints have no outcome and no row.
 */
export type CheckpointOutcome = 'pass' | 'partial' | 'fail' | 'na';

/** One stage of one audit, as a row: points earned, points possible and the stage percent. */
export interface StageScoreRow {
	stageKey: string;
	points: number;
	possible: number;
	/** 0..100, or null when nothing in the stage was scored (such a stage is not counted). */
	percent: number | null;
}

/** One visible, answered checkpoint of one audit, as a row. */
export interface CheckpointScoreRow {
	stageKey: string;
	checkpointId: string;
	outcome: CheckpointOutcome;
	points: number;
	possible: number;
	/** A critical checkpoint answered negatively (the domain's `criticalFailure`). */
	criticalFailure: boolean;
}

/** The rows an audit's score becomes: the same numbers as `scoreAudit`, nothing recomputed. */
export interface ScoreRows {
	stages: StageScoreRow[];
	checkpoints: CheckpointScoreRow[];
}

/** The outcome of a checkpoint's score, or null when it has none (hidden or unanswered). */
export function checkpointOutcome(score: CheckpointScore): CheckpointOutcome | null {
	if (!score.visible || !score.answered) return null;
	if (!score.scored) return score.negative ? 'fail' : 'na';
	if (score.negative || score.points <= 0) return 'fail';
	return score.points >= score.maxPoints ? 'pass' : 'partial';
}

/**
 * Turns a stored AuditScore into rows. Stages are keyed by the template's stage id — own-store and
 * competitor templates share those keys (the competitor visit is derived from the retail visit),
 * which is how they compare. A stage of the score the template no longer has is kept by its key.
 */
export function scoreRowsOf(score: AuditScore): ScoreRows {
	const stages: StageScoreRow[] = [];
	const checkpoints: CheckpointScoreRow[] = [];
	for (const stage of score.stages) {
		stages.push({
			stageKey: stage.stageId,
			points: stage.points,
			possible: stage.maxPoints,
			percent: stage.percent
		});
		for (const checkpoint of stage.checkpoints) {
			const outcome = checkpointOutcome(checkpoint);
			if (outcome === null) continue;
			checkpoints.push({
				stageKey: stage.stageId,
				checkpointId: checkpoint.checkpointId,
				outcome,
				points: checkpoint.points,
				possible: checkpoint.maxPoints,
				criticalFailure: checkpoint.criticalFailure
			});
		}
	}
	return { stages, checkpoints };
}
