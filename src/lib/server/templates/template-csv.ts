import { CsvError, parse } from 'csv-parse/sync';
import { checkTemplate, type TemplateProblem } from '$lib/domain/template-check';
import type {
	Checkpoint,
	ChoiceOption,
	JourneyTemplate,
	Locale,
	LocalizedText,
	ResponseSpec,
	Stage,
	VisibilityCondition
} from '$lib/domain/types';
import { LOCALES } from '$lib/domain/types';

/**
 * The spreadsheet import of a journey: one row per checkpoint (docs/template-schema.md,
 * "Spreadsheet import"). Parsed with csv-parse; every problem is reported with its row (the
 * spreadsheet's, the header being row 1) and column, and nothing is returned to store unless
 * there are none.
 */

export interface CsvProblem {
	row: number;
	/** The column's header name, or null for a problem of the whole row or file. */
	column: string | null;
	/** The spreadsheet's column letter (A, B, …), or null. */
	columnLetter: string | null;
	/** A stable code (CSV_PROBLEM_CODES, or a TemplateProblemCode) for translated messages. */
	code: CsvProblemCode | TemplateProblem['code'];
	/** The offending cell or name, where the message names one. */
	value?: string;
	message: string;
}

export const CSV_PROBLEM_CODES = [
	'unreadable',
	'empty_file',
	'unknown_column',
	'duplicate_column',
	'missing_column',
	'no_checkpoints',
	'too_many_cells',
	'not_a_number',
	'not_yes_no',
	'stage_key_empty',
	'stage_title_missing',
	'unknown_type',
	'options_missing',
	'labels_count',
	'option_malformed',
	'prompt_missing',
	'photo_rule',
	'condition_malformed'
] as const;
export type CsvProblemCode = (typeof CSV_PROBLEM_CODES)[number];

export type CsvImportResult =
	| { ok: true; template: JourneyTemplate; checkpoints: number }
	| { ok: false; problems: CsvProblem[] };

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
type CsvType = (typeof TYPES)[number];

const localized = (base: string) => LOCALES.map((locale) => `${base}_${locale}`);

/** Every column the import knows, in the order an export would write them. */
export const CSV_COLUMNS = [
	'stage_key',
	...localized('stage'),
	'checkpoint_id',
	'type',
	...localized('prompt'),
	...localized('guidance'),
	'weight',
	'critical',
	'required',
	'photo',
	'note_on_negative',
	'options',
	...localized('option_labels'),
	...localized('unit'),
	'min',
	'max',
	'pass_min',
	'pass_max',
	'visible_if'
] as const;
const REQUIRED_COLUMNS = ['stage_key', 'stage_en', 'type', 'prompt_en'];
const KNOWN = new Set<string>(CSV_COLUMNS);

function letterOf(index: number): string {
	let n = index + 1;
	let out = '';
	while (n > 0) {
		const rem = (n - 1) % 26;
		out = String.fromCharCode(65 + rem) + out;
		n = Math.floor((n - 1) / 26);
	}
	return out;
}

const TRUE = new Set(['yes', 'y', 'true', '1', 'x', 'ja', 'tak']);
const FALSE = new Set(['', 'no', 'n', 'false', '0', 'nej', 'nei', 'nie']);

/** Parses a CSV text into a draft template named `name`, or every problem it has. */
export function importTemplateCsv(
	text: string,
	options: { id: string; name: LocalizedText; locationKind?: JourneyTemplate['locationKind'] }
): CsvImportResult {
	const problems: CsvProblem[] = [];
	let records: { record: string[]; info: { lines: number } }[];
	try {
		records = parse(text, {
			bom: true,
			info: true,
			skip_empty_lines: true,
			relax_column_count: true,
			trim: true
		}) as { record: string[]; info: { lines: number } }[];
	} catch (error) {
		const line = error instanceof CsvError ? Number(error.lines ?? 0) || 1 : 1;
		return {
			ok: false,
			problems: [
				{
					row: line,
					column: null,
					columnLetter: null,
					code: 'unreadable',
					message: `Not a readable CSV file (near line ${line}): ${(error as Error).message}`
				}
			]
		};
	}
	if (records.length === 0) {
		return {
			ok: false,
			problems: [
				{
					row: 1,
					column: null,
					columnLetter: null,
					code: 'empty_file',
					message: 'The file is empty'
				}
			]
		};
	}
	const header = records[0]!.record.map((name) => name.trim().toLowerCase());
	const at = new Map<string, number>();
	header.forEach((name, index) => {
		if (!KNOWN.has(name)) {
			problems.push({
				row: 1,
				column: name,
				columnLetter: letterOf(index),
				code: 'unknown_column',
				value: name,
				message: `Unknown column "${name}"`
			});
		} else if (at.has(name)) {
			problems.push({
				row: 1,
				column: name,
				columnLetter: letterOf(index),
				code: 'duplicate_column',
				value: name,
				message: `Column "${name}" appears twice`
			});
		} else at.set(name, index);
	});
	for (const name of REQUIRED_COLUMNS) {
		if (!at.has(name)) {
			problems.push({
				row: 1,
				column: name,
				columnLetter: null,
				code: 'missing_column',
				value: name,
				message: `The column "${name}" is missing`
			});
		}
	}
	if (problems.length > 0) return { ok: false, problems };
	if (records.length === 1) {
		return {
			ok: false,
			problems: [
				{
					row: 2,
					column: null,
					columnLetter: null,
					code: 'no_checkpoints',
					message: 'The file has no checkpoints'
				}
			]
		};
	}

	const stages: Stage[] = [];
	const stageRows = new Map<string, number>();
	const checkpointRows = new Map<string, number>();
	const cellProblems = new Set<string>();

	// Rows as a spreadsheet numbers them (the header is row 1; a quoted line break stays in its row).
	for (const [index, { record }] of records.slice(1).entries()) {
		const row = index + 2;
		const cell = (name: string) => {
			const index = at.get(name);
			return index === undefined ? '' : (record[index] ?? '').trim();
		};
		const problem = (column: string, code: CsvProblemCode, message: string, value?: string) => {
			cellProblems.add(`${row}:${column}`);
			problems.push({
				row,
				column,
				columnLetter: letterOf(at.get(column) ?? 0),
				code,
				...(value === undefined ? {} : { value }),
				message
			});
		};
		if (record.length > header.length) {
			problems.push({
				row,
				column: null,
				columnLetter: letterOf(header.length),
				code: 'too_many_cells',
				message: `The row has ${record.length} cells; the header has ${header.length}`
			});
		}
		const texts = (base: string): LocalizedText | undefined => {
			const en = cell(`${base}_en`);
			const other: Partial<Record<Locale, string>> = {};
			for (const locale of LOCALES) {
				if (locale !== 'en' && cell(`${base}_${locale}`) !== '')
					other[locale] = cell(`${base}_${locale}`);
			}
			if (en === '' && Object.keys(other).length === 0) return undefined;
			return { en, ...other };
		};
		const number = (column: string): number | undefined => {
			const raw = cell(column).replace(',', '.');
			if (raw === '') return undefined;
			const value = Number(raw);
			if (!Number.isFinite(value)) {
				problem(column, 'not_a_number', `"${cell(column)}" is not a number`, cell(column));
				return undefined;
			}
			return value;
		};
		const flag = (column: string): boolean => {
			const raw = cell(column).toLowerCase();
			if (TRUE.has(raw)) return true;
			if (!FALSE.has(raw)) {
				problem(column, 'not_yes_no', `"${cell(column)}" is not yes or no`, cell(column));
			}
			return false;
		};

		const stageKey = cell('stage_key');
		if (stageKey === '') problem('stage_key', 'stage_key_empty', 'The stage key is empty');
		let stage = stages.find((s) => s.id === stageKey);
		if (!stage) {
			const title = texts('stage');
			if (!title || title.en === '')
				problem('stage_en', 'stage_title_missing', 'A new stage needs its English title');
			stage = { id: stageKey, title: title ?? { en: '' }, weight: 1, checkpoints: [] };
			stages.push(stage);
			stageRows.set(stageKey, row);
		}

		const type = cell('type').toLowerCase() as CsvType;
		let response: ResponseSpec = { type: 'yes_no' };
		if (!(TYPES as readonly string[]).includes(type)) {
			problem(
				'type',
				'unknown_type',
				`Unknown type "${cell('type')}"; use one of ${TYPES.join(', ')}`,
				cell('type')
			);
		} else if (type === 'single_choice' || type === 'multiple_choice') {
			response = { type, options: parseOptions() };
		} else if (type === 'number') {
			const pass = { min: number('pass_min'), max: number('pass_max') };
			const unit = texts('unit');
			response = {
				type,
				...(unit ? { unit } : {}),
				...(number('min') !== undefined ? { min: number('min') } : {}),
				...(number('max') !== undefined ? { max: number('max') } : {}),
				...(pass.min !== undefined || pass.max !== undefined
					? {
							pass: {
								...(pass.min !== undefined ? { min: pass.min } : {}),
								...(pass.max !== undefined ? { max: pass.max } : {})
							}
						}
					: {})
			};
		} else if (type === 'scale') response = { type, min: 1, max: 5 };
		else response = { type } as ResponseSpec;

		function parseOptions(): ChoiceOption[] {
			const raw = cell('options');
			if (raw === '') {
				problem('options', 'options_missing', 'A choice needs its options, e.g. "good=1;poor=0"');
				return [];
			}
			const labels = Object.fromEntries(
				LOCALES.map((locale) => [locale, cell(`option_labels_${locale}`)])
			) as Record<Locale, string>;
			const parts = raw.split(';').map((part) => part.trim());
			const labelLists = Object.fromEntries(
				LOCALES.map((locale) => [
					locale,
					labels[locale] === '' ? [] : labels[locale].split('|').map((l) => l.trim())
				])
			) as Record<Locale, string[]>;
			for (const locale of LOCALES) {
				const list = labelLists[locale];
				if (list.length > 0 && list.length !== parts.length) {
					problem(
						`option_labels_${locale}`,
						'labels_count',
						`${list.length} labels for ${parts.length} options (separate them with |)`
					);
				}
			}
			return parts.map((part, index) => {
				const [id = '', score = ''] = part.split('=').map((s) => s.trim());
				const value = Number(score.replace(',', '.'));
				if (id === '' || score === '' || !Number.isFinite(value)) {
					problem(
						'options',
						'option_malformed',
						`Option "${part}" is not id=points (points 0..1)`,
						part
					);
				}
				const label: LocalizedText = { en: labelLists.en[index] ?? id };
				for (const locale of LOCALES) {
					const text = labelLists[locale][index];
					if (locale !== 'en' && text) label[locale] = text;
				}
				return { id, label, score: Number.isFinite(value) ? value : 0 };
			});
		}

		const prompt = texts('prompt');
		if (!prompt || prompt.en === '')
			problem('prompt_en', 'prompt_missing', 'The English prompt is empty');
		const guidance = texts('guidance');
		const scored =
			!['text', 'time'].includes(type) && !(type === 'number' && !('pass' in response));
		const weight = number('weight') ?? (scored ? 1 : 0);
		const photo = (cell('photo').toLowerCase() || 'none') as Checkpoint['evidence']['photo'];
		if (!['required', 'optional', 'none'].includes(photo)) {
			problem(
				'photo',
				'photo_rule',
				`"${cell('photo')}" is not required, optional or none`,
				cell('photo')
			);
		}
		const id = cell('checkpoint_id') || `cp-${row}`;
		const checkpoint: Checkpoint = {
			id,
			prompt: prompt ?? { en: '' },
			...(guidance ? { guidance } : {}),
			response,
			weight,
			critical: flag('critical'),
			required: flag('required'),
			evidence: { photo, noteOnNegative: flag('note_on_negative') }
		};
		const condition = parseCondition(cell('visible_if'));
		if (condition === 'bad') {
			problem(
				'visible_if',
				'condition_malformed',
				`"${cell('visible_if')}" is not "id = value", "id != value", "id in a|b" or "id answered"`,
				cell('visible_if')
			);
		} else if (condition) checkpoint.visibleWhen = condition;
		if (!checkpointRows.has(id)) checkpointRows.set(id, row);
		else checkpointRows.set(`${id}#${row}`, row);
		stage.checkpoints.push(checkpoint);
	}

	const template: JourneyTemplate = {
		id: options.id,
		version: 1,
		name: options.name,
		locationKind: options.locationKind ?? 'any',
		stages
	};
	for (const found of checkTemplate(template)) {
		const located = locate(found, stageRows, checkpointRows, records.length);
		if (cellProblems.has(`${located.row}:${located.column}`)) continue;
		problems.push({
			...located,
			code: found.code,
			columnLetter: located.column ? letterOf(at.get(located.column) ?? 0) : null,
			message: found.message
		});
	}
	if (problems.length > 0) return { ok: false, problems: dedupe(problems) };
	return {
		ok: true,
		template,
		checkpoints: stages.reduce((n, s) => n + s.checkpoints.length, 0)
	};
}

function dedupe(problems: CsvProblem[]): CsvProblem[] {
	const seen = new Set<string>();
	return problems
		.filter((p) => {
			const key = `${p.row}|${p.column}|${p.message}`;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		})
		.sort((a, b) => a.row - b.row || (a.columnLetter ?? '').localeCompare(b.columnLetter ?? ''));
}

const COLUMN_OF_CODE: Partial<Record<TemplateProblem['code'], string>> = {
	text_missing: 'prompt_en',
	weight_invalid: 'weight',
	weight_on_unscored: 'weight',
	critical_not_scorable: 'critical',
	note_rule_unusable: 'note_on_negative',
	options_empty: 'options',
	duplicate_option_id: 'options',
	option_score_invalid: 'options',
	number_range_invalid: 'min',
	photo_rule_invalid: 'photo',
	condition_unknown_checkpoint: 'visible_if',
	condition_not_earlier: 'visible_if',
	condition_value_invalid: 'visible_if',
	duplicate_checkpoint_id: 'checkpoint_id',
	checkpoint_id_missing: 'checkpoint_id',
	stage_id_missing: 'stage_key',
	duplicate_stage_id: 'stage_key'
};

/** The row and column of a template problem found after the rows were read. */
function locate(
	problem: TemplateProblem,
	stageRows: ReadonlyMap<string, number>,
	checkpointRows: ReadonlyMap<string, number>,
	rowCount: number
): { row: number; column: string | null } {
	if (problem.checkpointId !== null) {
		const row = checkpointRows.get(problem.checkpointId) ?? 2;
		if (problem.code === 'key_invalid') {
			return { row, column: problem.path.includes('options') ? 'options' : 'checkpoint_id' };
		}
		if (problem.code === 'duplicate_checkpoint_id') {
			const repeat = [...checkpointRows].find(([key]) =>
				key.startsWith(`${problem.checkpointId}#`)
			);
			return { row: repeat?.[1] ?? row, column: 'checkpoint_id' };
		}
		return { row, column: COLUMN_OF_CODE[problem.code] ?? null };
	}
	if (problem.stageId !== null) {
		const row = stageRows.get(problem.stageId) ?? 2;
		return {
			row,
			column:
				problem.code === 'text_missing'
					? 'stage_en'
					: problem.code === 'key_invalid'
						? 'stage_key'
						: (COLUMN_OF_CODE[problem.code] ?? 'stage_key')
		};
	}
	return { row: problem.code === 'no_stages' ? rowCount + 1 : 1, column: null };
}

function parseCondition(raw: string): VisibilityCondition | 'bad' | null {
	if (raw === '') return null;
	let match = /^(\S+)\s+answered$/i.exec(raw);
	if (match) return { checkpointId: match[1]!, op: 'answered' };
	match = /^(\S+)\s+in\s+(.+)$/i.exec(raw);
	if (match) {
		return { checkpointId: match[1]!, op: 'in', values: match[2]!.split('|').map(conditionValue) };
	}
	match = /^([^\s!=]+)\s*(!=|=)\s*(.+)$/.exec(raw);
	if (match) {
		const value = conditionValue(match[3]!);
		return match[2] === '='
			? { checkpointId: match[1]!, op: 'equals', value }
			: { checkpointId: match[1]!, op: 'not_equals', value };
	}
	return 'bad';
}

/** A condition value: a number when it reads as one (scale, number answers), else the text. */
function conditionValue(raw: string): string | number {
	const text = raw.trim();
	return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}
