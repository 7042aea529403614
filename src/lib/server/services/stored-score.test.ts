import { describe, expect, it } from 'vitest';
import { RETAIL_STORE_VISIT } from '$lib/domain/builtin-templates';
import { scoreAudit } from '$lib/domain/scoring';
import type { AnswerValue } from '$lib/domain/types';
import { decodeStoredScore, encodeStoredScore } from './stored-score';

function sampleScore(value: (index: number) => AnswerValue | undefined) {
	const answers = new Map<string, AnswerValue>();
	RETAIL_STORE_VISIT.stages
		.flatMap((stage) => stage.checkpoints)
		.forEach((checkpoint, index) => {
			const v = value(index);
			if (v === undefined) return;
			if (checkpoint.response.type === 'yes_no' || checkpoint.response.type === 'yes_no_na') {
				answers.set(checkpoint.id, v);
			} else if (checkpoint.response.type === 'scale') answers.set(checkpoint.id, 3);
		});
	return scoreAudit(RETAIL_STORE_VISIT, answers);
}

describe('stored score', () => {
	it('round-trips the domain score exactly, n.a., hidden checkpoints and critical caps included', () => {
		for (const score of [
			sampleScore(() => 'yes'),
			sampleScore((i) => (i % 3 === 0 ? 'no' : i % 3 === 1 ? 'na' : 'yes')),
			sampleScore((i) => (i % 2 ? 'no' : undefined)),
			sampleScore(() => undefined)
		]) {
			expect(decodeStoredScore(encodeStoredScore(score))).toEqual(score);
		}
		const failing = sampleScore(() => 'no');
		expect(failing.criticalFailures.length).toBeGreaterThan(0);
		expect(decodeStoredScore(encodeStoredScore(failing))).toEqual(failing);
	});

	it('reads a score stored as the whole JSON before this format, unchanged', () => {
		const score = sampleScore((i) => (i % 4 ? 'yes' : 'no'));
		expect(decodeStoredScore(JSON.stringify(score))).toEqual(score);
	});

	it('is at most a third of the size of the whole JSON', () => {
		const score = sampleScore((i) => (i % 5 ? 'yes' : 'no'));
		const slim = encodeStoredScore(score).length;
		const whole = JSON.stringify(score).length;
		expect(slim).toBeLessThan(whole / 3);
	});

	it('refuses a version it does not know instead of guessing', () => {
		expect(() => decodeStoredScore('{"v":3,"s":[]}')).toThrow(/version 3/);
	});
});
