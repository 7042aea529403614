import type { AuditScore, CheckpointScore, StageScore } from '$lib/domain/types';

/**
 * How `audits.score` is stored. Until this format an audit's score was the whole `AuditScore` as
 * JSON, with every key spelled out for every checkpoint (about 13 KB for the retail visit, more
 * than the answers). Now it is a compact, versioned form (`{"v":2,…}`, about a fifth of that):
 * per stage `[stageId, points, maxPoints, checkpoints]`, per checkpoint
 * `[checkpointId, flags, points, maxPoints]` with the booleans as bits. Stage percents are derived
 * the way `scoreAudit` derives them. `decodeStoredScore` reads both forms, so rows written before
 * need no rewrite: nothing to migrate, and an older row is read exactly as it was written.
 */
export const STORED_SCORE_VERSION = 2;

const VISIBLE = 1;
const ANSWERED = 2;
const SCORED = 4;
const NEGATIVE = 8;
const CRITICAL_FAILURE = 16;

type StoredCheckpoint = [id: string, flags: number, points: number, maxPoints: number];
type StoredStage = [id: string, points: number, maxPoints: number, checkpoints: StoredCheckpoint[]];

interface StoredScoreV2 {
	v: 2;
	/** totalPercent, uncappedPercent, criticalFailures, capped. */
	t: number | null;
	u: number | null;
	c: string[];
	k: boolean;
	s: StoredStage[];
}

function flagsOf(c: CheckpointScore): number {
	return (
		(c.visible ? VISIBLE : 0) |
		(c.answered ? ANSWERED : 0) |
		(c.scored ? SCORED : 0) |
		(c.negative ? NEGATIVE : 0) |
		(c.criticalFailure ? CRITICAL_FAILURE : 0)
	);
}

/** The score as it is written to `audits.score`. */
export function encodeStoredScore(score: AuditScore): string {
	const stored: StoredScoreV2 = {
		v: 2,
		t: score.totalPercent,
		u: score.uncappedPercent,
		c: score.criticalFailures,
		k: score.capped,
		s: score.stages.map((stage) => [
			stage.stageId,
			stage.points,
			stage.maxPoints,
			stage.checkpoints.map((c) => [c.checkpointId, flagsOf(c), c.points, c.maxPoints])
		])
	};
	return JSON.stringify(stored);
}

/** Reads `audits.score` in either form back into the domain's `AuditScore`. */
export function decodeStoredScore(json: string): AuditScore {
	const parsed = JSON.parse(json) as StoredScoreV2 | AuditScore;
	if (!('v' in parsed)) return parsed;
	if (parsed.v !== STORED_SCORE_VERSION) {
		throw new Error(`Unknown stored score version ${String(parsed.v)}`);
	}
	return {
		stages: parsed.s.map(([stageId, points, maxPoints, checkpoints]): StageScore => ({
			stageId,
			points,
			maxPoints,
			percent: maxPoints > 0 ? (points / maxPoints) * 100 : null,
			checkpoints: checkpoints.map(([checkpointId, flags, p, max]) => ({
				checkpointId,
				visible: (flags & VISIBLE) !== 0,
				answered: (flags & ANSWERED) !== 0,
				scored: (flags & SCORED) !== 0,
				points: p,
				maxPoints: max,
				negative: (flags & NEGATIVE) !== 0,
				criticalFailure: (flags & CRITICAL_FAILURE) !== 0
			}))
		})),
		totalPercent: parsed.t,
		uncappedPercent: parsed.u,
		criticalFailures: parsed.c,
		capped: parsed.k
	};
}
