import { describe, expect, it } from 'vitest';
import { diffAudits, isUnchanged, type ComparableAudit } from './audit-changes';

const base: ComparableAudit = {
	answers: [
		{ checkpointId: 'a', value: 'yes' },
		{ checkpointId: 'b', value: ['x', 'y'] },
		{ checkpointId: 'c', value: 3 }
	],
	notes: [{ checkpointId: 'a', text: 'Greeted at once' }],
	narrative: 'Calm visit.',
	photos: [
		{ id: 'p1', checkpointId: 'a', caption: 'Door' },
		{ id: 'p2', checkpointId: null, caption: 'Receipt' }
	]
};

describe('diffAudits', () => {
	it('finds nothing between an audit and itself, whatever the order of a multiple choice', () => {
		const same = {
			...base,
			answers: [
				...base.answers.slice(0, 1),
				{ checkpointId: 'b', value: ['y', 'x'] },
				base.answers[2]!
			]
		};
		const changes = diffAudits(base, same);
		expect(isUnchanged(changes)).toBe(true);
	});

	it('lists changed, added and removed answers and notes, the narrative, photos and captions', () => {
		const after: ComparableAudit = {
			answers: [
				{ checkpointId: 'a', value: 'no' },
				{ checkpointId: 'c', value: 3 },
				{ checkpointId: 'd', value: 'Asked twice' }
			],
			notes: [
				{ checkpointId: 'a', text: 'Greeted after two minutes' },
				{ checkpointId: 'd', text: 'New note' }
			],
			narrative: 'Calm visit. Staff were busy.',
			photos: [
				{ id: 'p1', checkpointId: 'a', caption: 'Door, closed' },
				{ id: 'p3', checkpointId: 'd', caption: 'Shelf' }
			]
		};
		const changes = diffAudits(base, after);
		expect(changes.answers).toEqual([
			{ checkpointId: 'a', before: 'yes', after: 'no' },
			{ checkpointId: 'b', before: ['x', 'y'], after: null },
			{ checkpointId: 'd', before: null, after: 'Asked twice' }
		]);
		expect(changes.notes).toEqual([
			{ checkpointId: 'a', before: 'Greeted at once', after: 'Greeted after two minutes' },
			{ checkpointId: 'd', before: null, after: 'New note' }
		]);
		expect(changes.narrative).toEqual({
			before: 'Calm visit.',
			after: 'Calm visit. Staff were busy.'
		});
		expect(changes.photosAdded).toEqual([{ id: 'p3', checkpointId: 'd', caption: 'Shelf' }]);
		expect(changes.photosRemoved).toEqual([{ id: 'p2', checkpointId: null, caption: 'Receipt' }]);
		expect(changes.captionsChanged).toEqual([{ id: 'p1', before: 'Door', after: 'Door, closed' }]);
		expect(isUnchanged(changes)).toBe(false);
	});
});
