import { readFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateTemplate } from '$lib/domain/template-rules';
import { listTemplatesPage, importTemplateSpreadsheet } from '../services/template-builder';
import { openSyncFixture, type SyncFixture } from '../services/test-helpers';
import { CSV_COLUMNS, importTemplateCsv } from './template-csv';

const TYPES = [
	'yes_no',
	'yes_no_na',
	'scale',
	'single_choice',
	'multiple_choice',
	'number',
	'text',
	'time'
] as const;

/** A 60-checkpoint questionnaire over 6 stages, every type, in four languages. */
function sixtyRows(): Record<string, string>[] {
	const rows: Record<string, string>[] = [];
	for (let i = 0; i < 60; i++) {
		const stage = Math.floor(i / 10);
		const type = TYPES[i % TYPES.length]!;
		const row: Record<string, string> = {
			stage_key: `stage-${stage}`,
			stage_en: `Stage ${stage}`,
			stage_da: `Fase ${stage}`,
			stage_nb: `Fase ${stage} nb`,
			stage_pl: `Etap ${stage}`,
			checkpoint_id: `q${i}`,
			type,
			prompt_en: `Question ${i}, "quoted", with a comma`,
			prompt_da: `Spørgsmål ${i}`,
			prompt_nb: `Spørsmål ${i}`,
			prompt_pl: `Pytanie ${i}: źdźbło`,
			guidance_en: i % 3 === 0 ? `Look closely\nat line two` : '',
			weight: type === 'text' || type === 'time' ? '0' : String(1 + (i % 3)),
			critical: type === 'yes_no' && i % 16 === 0 ? 'yes' : 'no',
			required: i % 2 === 0 ? 'yes' : '',
			photo: i % 5 === 0 ? 'optional' : 'none',
			note_on_negative: type === 'yes_no_na' ? 'yes' : 'no'
		};
		if (type === 'single_choice' || type === 'multiple_choice') {
			row.options = 'good=1;ok=0.5;poor=0';
			row.option_labels_en = 'Good|OK|Poor';
			row.option_labels_da = 'God|OK|Dårlig';
			row.option_labels_nb = 'God|OK|Dårlig';
			row.option_labels_pl = 'Dobrze|OK|Słabo';
		}
		if (type === 'number') {
			Object.assign(row, {
				unit_en: 'minutes',
				unit_da: 'minutter',
				unit_nb: 'minutter',
				unit_pl: 'minuty',
				min: '0',
				max: '120',
				pass_max: '5'
			});
		}
		if (i === 9) row.visible_if = 'q8 = yes';
		if (i === 17) row.visible_if = 'q12 in good|ok';
		rows.push(row);
	}
	return rows;
}

const toCsv = (rows: Record<string, string>[]) =>
	stringify(rows, { header: true, columns: [...CSV_COLUMNS] });

describe('the spreadsheet import', () => {
	let f: SyncFixture;
	beforeEach(async () => {
		f = await openSyncFixture();
	});
	afterEach(async () => {
		await f.database.dispose();
	});

	it('imports a 60-checkpoint questionnaire in four languages', async () => {
		const detail = await importTemplateSpreadsheet(
			f.ctx,
			f.a.manager,
			{ csv: toCsv(sixtyRows()), name: { en: 'Programme 2027', da: 'Program 2027' } },
			Date.now()
		);
		expect(detail.checkpoints).toBe(60);
		expect(detail.problems).toEqual([]);
		const template = detail.draft;
		expect(validateTemplate(template)).toEqual([]);
		expect(template.stages.map((s) => s.id)).toEqual([0, 1, 2, 3, 4, 5].map((n) => `stage-${n}`));
		expect(template.stages[2]!.title).toEqual({
			en: 'Stage 2',
			da: 'Fase 2',
			nb: 'Fase 2 nb',
			pl: 'Etap 2'
		});
		const all = template.stages.flatMap((s) => s.checkpoints);
		expect(all).toHaveLength(60);
		expect(new Set(all.map((c) => c.response.type))).toEqual(new Set(TYPES));
		expect(all[0]!.prompt).toEqual({
			en: 'Question 0, "quoted", with a comma',
			da: 'Spørgsmål 0',
			nb: 'Spørsmål 0',
			pl: 'Pytanie 0: źdźbło'
		});
		expect(all[0]!.guidance).toEqual({ en: 'Look closely\nat line two' });
		expect(all[3]!.response).toEqual({
			type: 'single_choice',
			options: [
				{ id: 'good', score: 1, label: { en: 'Good', da: 'God', nb: 'God', pl: 'Dobrze' } },
				{ id: 'ok', score: 0.5, label: { en: 'OK', da: 'OK', nb: 'OK', pl: 'OK' } },
				{ id: 'poor', score: 0, label: { en: 'Poor', da: 'Dårlig', nb: 'Dårlig', pl: 'Słabo' } }
			]
		});
		expect(all[5]!.response).toEqual({
			type: 'number',
			unit: { en: 'minutes', da: 'minutter', nb: 'minutter', pl: 'minuty' },
			min: 0,
			max: 120,
			pass: { max: 5 }
		});
		expect(all[9]!.visibleWhen).toEqual({ checkpointId: 'q8', op: 'equals', value: 'yes' });
		expect(all[17]!.visibleWhen).toEqual({ checkpointId: 'q12', op: 'in', values: ['good', 'ok'] });
		expect(all[0]!).toMatchObject({ critical: true, required: true, weight: 1 });
		expect(all[0]!.evidence).toEqual({ photo: 'optional', noteOnNegative: false });
	});

	it('refuses a file with five planted errors with five messages naming row and column, storing nothing', async () => {
		const rows = sixtyRows();
		rows[3]!.type = 'essay'; // row 5, type
		rows[10]!.weight = 'heavy'; // row 12, weight
		rows[20]!.prompt_en = ''; // row 22, prompt_en
		rows[30]!.critical = 'maybe'; // row 32, critical
		rows[40]!.visible_if = 'q59 = yes'; // row 42, visible_if: a later checkpoint
		const before = (await listTemplatesPage(f.ctx, f.a.manager, null)).templates.length;
		const refused = await importTemplateSpreadsheet(
			f.ctx,
			f.a.manager,
			{ csv: toCsv(rows), name: { en: 'Broken' } },
			Date.now()
		).catch((e: unknown) => e);
		expect(refused).toMatchObject({ reason: 'invalid', code: 'import_invalid' });
		const problems = (refused as { details: { problems: unknown[] } }).details.problems;
		expect(problems).toEqual([
			expect.objectContaining({ row: 5, column: 'type', columnLetter: 'G', code: 'unknown_type' }),
			expect.objectContaining({
				row: 12,
				column: 'weight',
				columnLetter: 'P',
				code: 'not_a_number'
			}),
			expect.objectContaining({
				row: 22,
				column: 'prompt_en',
				columnLetter: 'H',
				code: 'prompt_missing'
			}),
			expect.objectContaining({
				row: 32,
				column: 'critical',
				columnLetter: 'Q',
				code: 'not_yes_no'
			}),
			expect.objectContaining({
				row: 42,
				column: 'visible_if',
				columnLetter: 'AH',
				code: 'condition_not_earlier'
			})
		]);
		expect((await listTemplatesPage(f.ctx, f.a.manager, null)).templates.length).toBe(before);
	});

	it('names unknown and missing columns in the header row, and counts a quoted line break as part of its row', () => {
		const header = importTemplateCsv('stage_key,stage_en,kind,prompt_en\ns,S,yes_no,P\n', {
			id: 'x',
			name: { en: 'X' }
		});
		expect(header).toEqual({
			ok: false,
			problems: [
				{
					row: 1,
					column: 'kind',
					columnLetter: 'C',
					code: 'unknown_column',
					value: 'kind',
					message: 'Unknown column "kind"'
				},
				{
					row: 1,
					column: 'type',
					columnLetter: null,
					code: 'missing_column',
					value: 'type',
					message: 'The column "type" is missing'
				}
			]
		});
		const multiline = importTemplateCsv(
			'stage_key,stage_en,type,prompt_en,weight\ns,S,yes_no,"two\nlines",1\ns,S,yes_no,P,x\n',
			{ id: 'x', name: { en: 'X' } }
		);
		expect(multiline).toMatchObject({
			ok: false,
			problems: [{ row: 3, column: 'weight', columnLetter: 'E' }]
		});
	});

	it('imports the example in docs/template-schema.md as documented', () => {
		const doc = readFileSync(
			new URL('../../../../docs/template-schema.md', import.meta.url),
			'utf8'
		);
		const csv = /```csv\n([\s\S]*?)```/.exec(doc)![1]!;
		const result = importTemplateCsv(csv, { id: 'x', name: { en: 'Example' } });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const [clean, busy, queue] = result.template.stages[0]!.checkpoints;
		expect(clean).toMatchObject({
			id: 'cp-2',
			weight: 2,
			critical: true,
			prompt: { da: 'Var indgangen ren?' }
		});
		expect(busy!.response).toMatchObject({
			type: 'single_choice',
			options: [
				{ id: 'calm', score: 1 },
				{ id: 'busy', score: 0.5, label: { en: 'Busy', da: 'Travlt' } }
			]
		});
		expect(queue!.visibleWhen).toEqual({ checkpointId: 'cp-3', op: 'equals', value: 'busy' });
	});
});
