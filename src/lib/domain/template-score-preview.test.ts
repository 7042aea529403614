import { describe, expect, it } from 'vitest';
import { RETAIL_STORE_VISIT } from './builtin-templates';
import { scoreAudit } from './scoring';
import { previewScoring } from './template-score-preview';
import type { AnswerValue, Checkpoint, JourneyTemplate } from './types';

const cp = (id: string, weight: number, extra: Partial<Checkpoint> = {}): Checkpoint => ({
	id,
	prompt: { en: id },
	response: { type: 'yes_no' },
	weight,
	critical: false,
	required: true,
	evidence: { photo: 'none', noteOnNegative: false },
	...extra
});

describe('previewScoring', () => {
	const template: JourneyTemplate = {
		id: 't',
		version: 1,
		name: { en: 'T' },
		locationKind: 'any',
		stages: [
			{ id: 'a', title: { en: 'A' }, weight: 1, checkpoints: [cp('a1', 1), cp('a2', 3)] },
			{
				id: 'b',
				title: { en: 'B' },
				weight: 3,
				checkpoints: [cp('b1', 2), cp('b2', 0, { response: { type: 'text' } })]
			},
			{
				id: 'c',
				title: { en: 'C' },
				weight: 5,
				checkpoints: [cp('c1', 0, { response: { type: 'time' } })]
			}
		]
	};

	it('gives points possible per stage and each weight’s share of the stage and the total', () => {
		const [a, b, c] = previewScoring(template);
		expect(a).toMatchObject({ maxPoints: 4, ofTotal: 25 });
		expect(a!.checkpoints.map((x) => [x.ofStage, x.ofTotal])).toEqual([
			[25, 6.25],
			[75, 18.75]
		]);
		expect(b).toMatchObject({ maxPoints: 2, ofTotal: 75 });
		expect(b!.checkpoints.map((x) => x.ofTotal)).toEqual([75, 0]);
		// A stage that scores nothing has no share, whatever its weight.
		expect(c).toMatchObject({ maxPoints: 0, ofTotal: 0 });
	});

	it('agrees with scoreAudit: failing a checkpoint costs exactly its share of the total', () => {
		const preview = previewScoring(RETAIL_STORE_VISIT);
		const all = RETAIL_STORE_VISIT.stages.flatMap((s) => s.checkpoints);
		const target = all.find((c) => c.response.type === 'yes_no' && !c.visibleWhen && c.weight > 0)!;
		const answers = new Map<string, AnswerValue>();
		for (const c of all) {
			if (c.response.type === 'yes_no' || c.response.type === 'yes_no_na') answers.set(c.id, 'yes');
			if (c.response.type === 'scale') answers.set(c.id, 5);
			if (c.response.type === 'single_choice') {
				answers.set(c.id, c.response.options.find((o) => o.score === 1)!.id);
			}
			if (c.response.type === 'multiple_choice') {
				answers.set(
					c.id,
					c.response.options.filter((o) => o.score > 0).map((o) => o.id)
				);
			}
			if (c.response.type === 'number' && c.response.pass) {
				answers.set(c.id, c.response.pass.max ?? c.response.pass.min ?? 0);
			}
		}
		// Every checkpoint visible and fully scored first: 100 %.
		const full = scoreAudit(RETAIL_STORE_VISIT, answers).uncappedPercent!;
		answers.set(target.id, 'no');
		const failed = scoreAudit(RETAIL_STORE_VISIT, answers).uncappedPercent!;
		const share = preview.flatMap((s) => s.checkpoints).find((x) => x.checkpointId === target.id)!;
		expect(full - failed).toBeCloseTo(share.ofTotal, 6);
	});
});
