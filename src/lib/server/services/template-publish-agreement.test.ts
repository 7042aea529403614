import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TemplateProblem } from '$lib/domain/template-check';
import type { Checkpoint, JourneyTemplate } from '$lib/domain/types';
import { TemplateEditor } from '$lib/state/template-editor.svelte';
import { getTemplate } from '../repos/templates';
import { createTemplate, publishTemplateDraft, saveTemplateDraft } from './template-builder';
import { openSyncFixture, type SyncFixture } from './test-helpers';

// What the editor shows as the author types and what the server refuses on publish are the same
// list, for every broken template here: nothing the editor accepts is refused later, and nothing
// it flags is published.

const cp = (id: string, extra: Partial<Checkpoint> = {}): Checkpoint => ({
	id,
	prompt: { en: `Prompt ${id}`, da: `Spørgsmål ${id}` },
	response: { type: 'yes_no' },
	weight: 1,
	critical: false,
	required: true,
	evidence: { photo: 'none', noteOnNegative: false },
	...extra
});

function good(): JourneyTemplate {
	return {
		id: 'ignored',
		version: 1,
		name: { en: 'Agreement', da: 'Enighed' },
		locationKind: 'any',
		criticalFailCap: 50,
		stages: [
			{
				id: 'st-1',
				title: { en: 'Arrival', da: 'Ankomst' },
				weight: 1,
				checkpoints: [
					cp('cp-yn', { critical: true }),
					cp('cp-choice', {
						response: {
							type: 'single_choice',
							options: [
								{ id: 'a', label: { en: 'A' }, score: 1 },
								{ id: 'b', label: { en: 'B' }, score: 0 }
							]
						}
					})
				]
			},
			{
				id: 'st-2',
				title: { en: 'Checkout', da: 'Kassen' },
				weight: 2,
				checkpoints: [
					cp('cp-num', {
						response: { type: 'number', min: 0, max: 60, pass: { max: 5 }, unit: { en: 'min' } },
						visibleWhen: { checkpointId: 'cp-yn', op: 'equals', value: 'yes' }
					}),
					cp('cp-text', { response: { type: 'text' }, weight: 0 })
				]
			}
		]
	};
}

const broken: [string, (t: JourneyTemplate) => void][] = [
	['no English name', (t) => (t.name = { en: ' ', da: 'Navn' })],
	['a stage without checkpoints', (t) => (t.stages[1]!.checkpoints = [])],
	['a stage without a title', (t) => (t.stages[0]!.title = { en: '' })],
	['two stages with one key', (t) => (t.stages[1]!.id = 'st-1')],
	['a stage key with spaces', (t) => (t.stages[1]!.id = 'check out')],
	['a negative weight', (t) => (t.stages[0]!.checkpoints[0]!.weight = -1)],
	['points on a text answer', (t) => (t.stages[1]!.checkpoints[1]!.weight = 2)],
	['a critical text answer', (t) => (t.stages[1]!.checkpoints[1]!.critical = true)],
	[
		'an empty choice list',
		(t) => (t.stages[0]!.checkpoints[1]!.response = { type: 'single_choice', options: [] })
	],
	[
		'an option worth more than the checkpoint',
		(t) => {
			const r = t.stages[0]!.checkpoints[1]!.response;
			if (r.type === 'single_choice') r.options[0]!.score = 2;
		}
	],
	[
		'a reversed number range',
		(t) =>
			(t.stages[1]!.checkpoints[0]!.response = { type: 'number', min: 9, max: 1, pass: { max: 5 } })
	],
	[
		'a condition on a later checkpoint',
		(t) =>
			(t.stages[0]!.checkpoints[0]!.visibleWhen = {
				checkpointId: 'cp-num',
				op: 'answered'
			})
	],
	[
		'a condition value the answer can never take',
		(t) =>
			(t.stages[1]!.checkpoints[0]!.visibleWhen = {
				checkpointId: 'cp-yn',
				op: 'equals',
				value: 'na'
			})
	],
	['a cap above 100', (t) => (t.criticalFailCap = 140)],
	[
		'a note rule on a time answer',
		(t) => {
			t.stages[1]!.checkpoints[1]!.response = { type: 'time' };
			t.stages[1]!.checkpoints[1]!.evidence.noteOnNegative = true;
		}
	]
];

const key = (p: TemplateProblem) => `${p.code}@${p.path}`;

describe('the editor’s validation and the server’s publish check agree', () => {
	let f: SyncFixture;
	beforeAll(async () => {
		f = await openSyncFixture();
	});
	afterAll(async () => {
		await f.database.dispose();
	});

	async function serverProblems(
		template: JourneyTemplate
	): Promise<TemplateProblem[] | 'published'> {
		const created = await createTemplate(
			f.ctx,
			f.a.manager,
			{ from: 'blank', name: 'x' },
			Date.now()
		);
		const saved = await saveTemplateDraft(
			f.ctx,
			f.a.manager,
			created.id,
			{ revision: created.revision, template },
			Date.now()
		);
		try {
			await publishTemplateDraft(f.ctx, f.a.manager, created.id, saved.revision, Date.now());
		} catch (error) {
			const e = error as { code: string; details: { problems: TemplateProblem[] } };
			expect(e.code).toBe('template_invalid');
			expect(await getTemplate(f.ctx.db, f.a.organisation.id, created.id, 1)).toBeUndefined();
			return e.details.problems;
		}
		return 'published';
	}

	function editorProblems(template: JourneyTemplate, id: string): TemplateProblem[] {
		const editor = new TemplateEditor({
			template: { ...template, id },
			revision: 1,
			save: async () => ({ revision: 2 })
		});
		return editor.problems;
	}

	it('both accept the good template, and the server publishes it', async () => {
		expect(editorProblems(good(), 'tpl-x')).toEqual([]);
		expect(await serverProblems(good())).toBe('published');
	});

	it.each(broken)(
		'both refuse %s, naming the same problems at the same paths',
		async (_, breakIt) => {
			const template = good();
			breakIt(template);
			const editor = editorProblems(template, 'tpl-x').map(key);
			const server = await serverProblems(template);
			expect(server).not.toBe('published');
			expect(editor.length).toBeGreaterThan(0);
			expect((server as TemplateProblem[]).map(key)).toEqual(editor);
		}
	);
});
