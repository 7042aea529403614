import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JourneyTemplate } from '$lib/domain/types';
import { TemplateEditor, type SaveDraft } from './template-editor.svelte';

const draft = (): JourneyTemplate => ({
	id: 'tpl-1',
	version: 1,
	name: { en: 'Draft' },
	locationKind: 'any',
	stages: [{ id: 'st-1', title: { en: '' }, weight: 1, checkpoints: [] }]
});

describe('TemplateEditor', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('autosaves once after typing pauses, with the revision, and shows each state', async () => {
		const saves: [number, string][] = [];
		const save: SaveDraft = async (revision, template) => {
			saves.push([revision, template.stages[0]!.title.en]);
			return { revision: revision + 1 };
		};
		const editor = new TemplateEditor({ template: draft(), revision: 4, save, delayMs: 500 });
		expect(editor.saveState).toBe('saved');
		editor.template.stages[0]!.title.en = 'A';
		editor.track();
		editor.template.stages[0]!.title.en = 'Arrival';
		editor.track();
		expect(editor.saveState).toBe('pending');
		await vi.advanceTimersByTimeAsync(499);
		expect(saves).toEqual([]);
		await vi.advanceTimersByTimeAsync(1);
		expect(saves).toEqual([[4, 'Arrival']]);
		expect(editor.saveState).toBe('saved');
		expect(editor.revision).toBe(5);
		// Nothing new: no save.
		editor.track();
		await vi.advanceTimersByTimeAsync(1000);
		expect(saves).toHaveLength(1);
	});

	it('is saved again when a change is undone before it was sent', async () => {
		const saves: number[] = [];
		const save: SaveDraft = async (revision) => {
			saves.push(revision);
			return { revision: revision + 1 };
		};
		const editor = new TemplateEditor({ template: draft(), revision: 1, save, delayMs: 500 });
		editor.template.name.en = 'Changed';
		editor.track();
		expect(editor.saveState).toBe('pending');
		editor.template.name.en = 'Draft';
		editor.track();
		expect(editor.saveState).toBe('saved');
		await vi.advanceTimersByTimeAsync(1000);
		expect(saves).toEqual([]);
		expect(editor.saveState).toBe('saved');
	});

	it('keeps the change and says so when a save fails; a retry sends it', async () => {
		let fail = true;
		const save: SaveDraft = async (revision) => {
			if (fail) throw new Error('offline');
			return { revision: revision + 1 };
		};
		const editor = new TemplateEditor({ template: draft(), revision: 1, save });
		editor.template.name.en = 'Renamed';
		await editor.flush();
		expect(editor.saveState).toBe('failed');
		expect(editor.template.name.en).toBe('Renamed');
		fail = false;
		await editor.retry();
		expect(editor.saveState).toBe('saved');
		expect(editor.revision).toBe(2);
	});

	it('stops on a conflict: nothing is overwritten', async () => {
		const calls: number[] = [];
		const save: SaveDraft = async (revision) => {
			calls.push(revision);
			throw Object.assign(new Error('conflict'), { code: 'draft_conflict' });
		};
		const editor = new TemplateEditor({ template: draft(), revision: 3, save });
		editor.template.name.en = 'Mine';
		await editor.flush();
		expect(editor.saveState).toBe('conflict');
		editor.template.name.en = 'Mine again';
		editor.track();
		await editor.flush();
		expect(calls).toEqual([3]);
	});

	it('validates as the author types, with the domain rules, and keeps stage keys on rename', () => {
		const editor = new TemplateEditor({
			template: draft(),
			revision: 1,
			save: async (r) => ({ revision: r + 1 })
		});
		expect(editor.problems.map((p) => p.code).sort()).toEqual(['stage_empty', 'text_missing']);
		editor.template.stages[0]!.title.en = 'Arrival';
		editor.addCheckpoint(0, 'yes_no').prompt.en = 'Clean?';
		expect(editor.problems).toEqual([]);
		const second = editor.addStage();
		second.title.en = 'Checkout';
		editor.addCheckpoint(1, 'text').prompt.en = 'Notes';
		const keys = editor.template.stages.map((s) => s.id);
		expect(keys[1]).toMatch(/^st-[0-9a-f]{10}$/);
		editor.template.stages[1]!.title.en = 'Checkout and farewell';
		editor.moveStage(1, 0);
		expect(editor.template.stages.map((s) => s.id)).toEqual([keys[1], keys[0]]);
		// A condition on a removed checkpoint goes with it.
		const target = editor.template.stages[1]!.checkpoints[0]!;
		const dependent = editor.addCheckpoint(1, 'yes_no');
		dependent.prompt.en = 'Why?';
		editor.setCondition(dependent, { checkpointId: target.id, op: 'equals', value: 'no' });
		expect(editor.problems).toEqual([]);
		editor.removeCheckpoint(1, 0);
		expect(editor.template.stages[1]!.checkpoints[0]!.visibleWhen).toBeUndefined();
		// Switching to an unscored type clears what it cannot have.
		dependent.critical = true;
		editor.setResponseType(editor.template.stages[1]!.checkpoints[0]!, 'time');
		expect(editor.template.stages[1]!.checkpoints[0]!).toMatchObject({
			weight: 0,
			critical: false
		});
		expect(editor.problems).toEqual([]);
	});
});
