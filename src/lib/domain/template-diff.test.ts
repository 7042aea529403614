import { describe, expect, it } from 'vitest';
import { RETAIL_STORE_VISIT } from './builtin-templates';
import { diffTemplates } from './template-diff';
import type { JourneyTemplate } from './types';

const v1 = (): JourneyTemplate => structuredClone(RETAIL_STORE_VISIT);

describe('diffTemplates', () => {
	it('finds nothing between a version and itself', () => {
		expect(diffTemplates(v1(), v1())).toEqual([]);
	});

	it('names a renamed stage by its key, not as a removal and an addition', () => {
		const next = v1();
		next.stages[1]!.title = { en: 'Being greeted' };
		expect(diffTemplates(v1(), next)).toEqual([
			{
				kind: 'stage_changed',
				stageId: next.stages[1]!.id,
				title: 'Being greeted',
				fields: ['title']
			}
		]);
	});

	it('lists additions, removals, moves and changed fields', () => {
		const before = v1();
		const next = v1();
		const [first, second] = next.stages;
		next.stages[0] = second!;
		next.stages[1] = first!;
		const removedStage = next.stages.pop()!;
		const moved = next.stages[2]!.checkpoints.shift()!;
		next.stages[3]!.checkpoints.push(moved);
		next.stages[3]!.checkpoints[0]!.weight = 7;
		next.stages[3]!.checkpoints[0]!.critical = !next.stages[3]!.checkpoints[0]!.critical;
		next.stages.push({
			id: 'st-new',
			title: { en: 'New' },
			weight: 1,
			checkpoints: [{ ...moved, id: 'cp-new', prompt: { en: 'Fresh' } }]
		});
		next.name = { en: 'Renamed' };
		const changes = diffTemplates(before, next);
		const kinds = changes.map((c) => c.kind);
		expect(changes[0]).toEqual({ kind: 'template_changed', fields: ['name'] });
		expect(kinds).toContain('stage_moved');
		expect(changes).toContainEqual({
			kind: 'stage_removed',
			stageId: removedStage.id,
			title: removedStage.title.en
		});
		expect(changes).toContainEqual(
			expect.objectContaining({ kind: 'checkpoint_moved', checkpointId: moved.id })
		);
		expect(changes).toContainEqual(
			expect.objectContaining({
				kind: 'checkpoint_changed',
				checkpointId: next.stages[3]!.checkpoints[0]!.id,
				fields: ['weight', 'critical']
			})
		);
		expect(changes).toContainEqual(
			expect.objectContaining({ kind: 'stage_added', stageId: 'st-new' })
		);
		expect(changes).toContainEqual(
			expect.objectContaining({ kind: 'checkpoint_added', checkpointId: 'cp-new' })
		);
		// The removed stage's checkpoints are removals too.
		for (const checkpoint of removedStage.checkpoints) {
			expect(changes).toContainEqual(
				expect.objectContaining({ kind: 'checkpoint_removed', checkpointId: checkpoint.id })
			);
		}
	});
});
