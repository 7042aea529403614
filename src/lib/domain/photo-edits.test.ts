import { describe, expect, it } from 'vitest';
import {
	MAX_EDIT_LABEL,
	normaliseEdit,
	normaliseEdits,
	pixelBlockSize,
	redactedBlocks
} from './photo-edits';

describe('normaliseEdit', () => {
	it.each([
		['no kind', { from: { x: 0, y: 0 }, to: { x: 1, y: 1 } }],
		['an unknown kind', { kind: 'laser', at: { x: 0.5, y: 0.5 } }],
		['a point that is not a number', { kind: 'arrow', from: { x: '1', y: 0 }, to: { x: 0, y: 0 } }],
		['an infinite point', { kind: 'circle', from: { x: Infinity, y: 0 }, to: { x: 0, y: 0 } }],
		['an empty stroke', { kind: 'freehand', points: [] }],
		['an empty label', { kind: 'text', at: { x: 0.5, y: 0.5 }, text: '   ' }],
		[
			'a brush without a radius above 0',
			{ kind: 'pixelate-brush', points: [{ x: 0, y: 0 }], radius: 0 }
		]
	])('refuses %s', (_, value) => {
		expect(normaliseEdit(value)).toBeNull();
	});

	it('clamps points to the photo, trims and cuts labels, caps the brush', () => {
		expect(normaliseEdit({ kind: 'arrow', from: { x: -1, y: 0.5 }, to: { x: 2, y: 1.5 } })).toEqual(
			{
				kind: 'arrow',
				from: { x: 0, y: 0.5 },
				to: { x: 1, y: 1 }
			}
		);
		const label = normaliseEdit({
			kind: 'text',
			at: { x: 0.1, y: 0.1 },
			text: ` ${'x'.repeat(90)} `
		});
		expect(label).toMatchObject({ kind: 'text', text: 'x'.repeat(MAX_EDIT_LABEL) });
		expect(
			normaliseEdit({ kind: 'pixelate-brush', points: [{ x: 0.5, y: 0.5 }], radius: 3 })
		).toMatchObject({ radius: 0.25 });
	});

	it('normaliseEdits keeps the valid edits in order and drops extra fields', () => {
		const edits = normaliseEdits([
			{ kind: 'circle', from: { x: 0.1, y: 0.1 }, to: { x: 0.2, y: 0.2 }, colour: 'blue' },
			'nonsense',
			{ kind: 'pixelate-box', from: { x: 0.3, y: 0.3 }, to: { x: 0.4, y: 0.4 } }
		]);
		expect(edits.map((e) => e.kind)).toEqual(['circle', 'pixelate-box']);
		expect(edits[0]).not.toHaveProperty('colour');
		expect(normaliseEdits('x')).toEqual([]);
	});
});

describe('redactedBlocks', () => {
	it('blocks are about 1/24 of the longer edge and never under 16 px', () => {
		expect(pixelBlockSize(2048, 1536)).toBe(85);
		expect(pixelBlockSize(200, 100)).toBe(16);
	});

	it('a box marks every block it touches, partly covered ones too', () => {
		// 160×80 px, 16-px blocks: 10 columns × 5 rows. A box from (20, 20) to (40, 30) px
		// touches columns 1–2 and row 1.
		const blocks = redactedBlocks(
			[
				{ kind: 'pixelate-box', from: { x: 40 / 160, y: 30 / 80 }, to: { x: 20 / 160, y: 20 / 80 } }
			],
			160,
			80,
			16
		);
		expect([...blocks].sort((a, b) => a - b)).toEqual([11, 12]);
	});

	it('a brush marks the blocks along its stroke within its radius, nothing far from it', () => {
		const blocks = redactedBlocks(
			[
				{
					kind: 'pixelate-brush',
					points: [
						{ x: 0.05, y: 0.5 },
						{ x: 0.95, y: 0.5 }
					],
					radius: 0.01
				}
			],
			160,
			80,
			16
		);
		// y = 40 px ± 1.6 px: rows 2 only (32–47); the whole width.
		expect([...blocks].every((b) => Math.floor(b / 10) === 2)).toBe(true);
		expect(blocks.size).toBe(10);
	});

	it('annotations redact nothing', () => {
		expect(
			redactedBlocks(
				[
					{ kind: 'arrow', from: { x: 0, y: 0 }, to: { x: 1, y: 1 } },
					{ kind: 'text', at: { x: 0.5, y: 0.5 }, text: 'here' }
				],
				100,
				100
			).size
		).toBe(0);
	});
});
