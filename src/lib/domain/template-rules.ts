import { isAnswerValid, isScoredResponse } from './answer-rules';
import type { Checkpoint, JourneyTemplate, LocalizedText, ResponseSpec, Stage } from './types';

export type TemplateErrorCode =
	| 'template_id_missing'
	| 'version_invalid'
	| 'cap_invalid'
	| 'text_missing'
	| 'no_stages'
	| 'stage_id_missing'
	| 'duplicate_stage_id'
	| 'stage_empty'
	| 'stage_weight_invalid'
	| 'checkpoint_id_missing'
	| 'duplicate_checkpoint_id'
	| 'weight_invalid'
	| 'response_type_unknown'
	| 'options_empty'
	| 'duplicate_option_id'
	| 'option_score_invalid'
	| 'scale_range_invalid'
	| 'number_range_invalid'
	| 'photo_rule_invalid'
	| 'weight_on_unscored'
	| 'critical_not_scorable'
	| 'note_rule_unusable'
	| 'condition_unknown_checkpoint'
	| 'condition_not_earlier'
	| 'condition_value_invalid';

/** One structural problem in a template, with where it is. */
export interface TemplateError {
	code: TemplateErrorCode;
	stageId: string | null;
	checkpointId: string | null;
	message: string;
}

const RESPONSE_TYPES = new Set([
	'yes_no',
	'yes_no_na',
	'scale',
	'single_choice',
	'multiple_choice',
	'number',
	'text',
	'time'
]);
const PHOTO_RULES = new Set(['required', 'optional', 'none']);

function isBlank(text: LocalizedText | undefined): boolean {
	return text === undefined || typeof text.en !== 'string' || text.en.trim() === '';
}

function isNonNegativeNumber(value: number): boolean {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isOrderedRange(range: { min?: number; max?: number }): boolean {
	const { min, max } = range;
	if (min !== undefined && !Number.isFinite(min)) return false;
	if (max !== undefined && !Number.isFinite(max)) return false;
	return min === undefined || max === undefined || min <= max;
}

/** Problems in a response spec alone, as [code, message] pairs. */
function responseProblems(spec: ResponseSpec): [TemplateErrorCode, string][] {
	const problems: [TemplateErrorCode, string][] = [];
	if (!RESPONSE_TYPES.has(spec.type))
		return [['response_type_unknown', `Unknown type ${spec.type}`]];
	if (spec.type === 'single_choice' || spec.type === 'multiple_choice') {
		if (spec.options.length === 0) problems.push(['options_empty', 'The choice list is empty']);
		const seen = new Set<string>();
		for (const option of spec.options) {
			if (option.id.trim() === '' || seen.has(option.id)) {
				problems.push(['duplicate_option_id', `Option id "${option.id}" is empty or repeated`]);
			}
			seen.add(option.id);
			if (!isNonNegativeNumber(option.score) || option.score > 1) {
				problems.push(['option_score_invalid', `Option "${option.id}" scores outside 0..1`]);
			}
			if (isBlank(option.label)) {
				problems.push(['text_missing', `Option "${option.id}" has no English label`]);
			}
		}
	}
	if (spec.type === 'scale' && (spec.min !== 1 || spec.max !== 5)) {
		problems.push(['scale_range_invalid', 'A scale runs from 1 to 5']);
	}
	if (spec.type === 'scale' && spec.labels !== undefined) {
		if (
			(spec.labels.min !== undefined && isBlank(spec.labels.min)) ||
			(spec.labels.max !== undefined && isBlank(spec.labels.max))
		) {
			problems.push(['text_missing', 'A scale label has no English text']);
		}
	}
	if (spec.type === 'number') {
		if (!isOrderedRange(spec)) problems.push(['number_range_invalid', 'min is above max']);
		if (spec.pass !== undefined) {
			const { min, max } = spec.pass;
			if (!isOrderedRange(spec.pass) || (min === undefined && max === undefined)) {
				problems.push(['number_range_invalid', 'The pass range is empty or reversed']);
			}
		}
		if (spec.unit !== undefined && isBlank(spec.unit)) {
			problems.push(['text_missing', 'The unit has no English text']);
		}
	}
	return problems;
}

/** Problems of one checkpoint that need no other checkpoint, as [code, message] pairs. */
function checkpointProblems(checkpoint: Checkpoint): [TemplateErrorCode, string][] {
	const problems = responseProblems(checkpoint.response);
	const scored = isScoredResponse(checkpoint.response);
	if (isBlank(checkpoint.prompt)) problems.push(['text_missing', 'The prompt has no English text']);
	if (checkpoint.guidance !== undefined && isBlank(checkpoint.guidance)) {
		problems.push(['text_missing', 'The guidance has no English text']);
	}
	if (!isNonNegativeNumber(checkpoint.weight)) {
		problems.push(['weight_invalid', 'The weight must be a number ≥ 0']);
	} else if (checkpoint.weight > 0 && !scored) {
		problems.push(['weight_on_unscored', `A ${checkpoint.response.type} answer earns no points`]);
	}
	if (checkpoint.critical && !scored) {
		problems.push(['critical_not_scorable', 'A critical checkpoint must be able to fail']);
	}
	if (!PHOTO_RULES.has(checkpoint.evidence.photo)) {
		problems.push(['photo_rule_invalid', `Unknown photo rule ${checkpoint.evidence.photo}`]);
	}
	if (checkpoint.evidence.noteOnNegative && !scored) {
		problems.push(['note_rule_unusable', 'This answer can never be negative']);
	}
	return problems;
}

/** Whether a condition value could ever be an answer of the referenced checkpoint. */
function isPossibleValue(spec: ResponseSpec, value: string | number): boolean {
	if (spec.type === 'multiple_choice') return spec.options.some((option) => option.id === value);
	return isAnswerValid(spec, value);
}

/** Problems of a checkpoint's visibility condition, given the checkpoints before it. */
function conditionProblems(
	checkpoint: Checkpoint,
	earlier: ReadonlyMap<string, Checkpoint>,
	all: ReadonlySet<string>
): [TemplateErrorCode, string][] {
	const condition = checkpoint.visibleWhen;
	if (condition === undefined) return [];
	const target = earlier.get(condition.checkpointId);
	if (target === undefined) {
		return all.has(condition.checkpointId)
			? [['condition_not_earlier', `"${condition.checkpointId}" does not come earlier`]]
			: [['condition_unknown_checkpoint', `No checkpoint "${condition.checkpointId}"`]];
	}
	const values =
		condition.op === 'in' ? condition.values : condition.op === 'answered' ? [] : [condition.value];
	if (condition.op === 'in' && values.length === 0) {
		return [['condition_value_invalid', 'An "in" condition needs at least one value']];
	}
	const impossible = values.filter((value) => !isPossibleValue(target.response, value));
	return impossible.map((value): [TemplateErrorCode, string] => [
		'condition_value_invalid',
		`"${value}" is never an answer of "${target.id}" (${target.response.type})`
	]);
}

/** The stage-level problems: id, weight, emptiness, title. */
function stageProblems(
	stage: Stage,
	seenStages: ReadonlySet<string>
): [TemplateErrorCode, string][] {
	const problems: [TemplateErrorCode, string][] = [];
	if (stage.id.trim() === '') problems.push(['stage_id_missing', 'A stage has no id']);
	else if (seenStages.has(stage.id)) {
		problems.push(['duplicate_stage_id', `Stage id "${stage.id}" repeats`]);
	}
	if (!isNonNegativeNumber(stage.weight)) {
		problems.push(['stage_weight_invalid', 'The stage weight must be a number ≥ 0']);
	}
	if (stage.checkpoints.length === 0)
		problems.push(['stage_empty', 'The stage has no checkpoints']);
	if (isBlank(stage.title)) problems.push(['text_missing', 'The stage title has no English text']);
	if (stage.description !== undefined && isBlank(stage.description)) {
		problems.push(['text_missing', 'The stage description has no English text']);
	}
	return problems;
}

/**
 * Structural errors of a template, in template order; an empty list means it can be published.
 * Checks: template id, positive integer version, criticalFailCap within 0..100, English text
 * everywhere, at least one stage, unique non-empty stage ids, non-empty stages, stage and
 * checkpoint weights ≥ 0, checkpoint ids unique across the template, known response types,
 * non-empty choice lists with unique ids and scores within 0..1, scale 1..5, ordered number
 * and pass ranges, a weight, `critical` or `noteOnNegative` only on answers that can be scored,
 * and visibility conditions that refer to an EARLIER checkpoint with values that checkpoint can
 * actually take (e.g. 'na' only on yes_no_na, option ids of that checkpoint).
 */
export function validateTemplate(template: JourneyTemplate): TemplateError[] {
	const errors: TemplateError[] = [];
	const push = (
		[code, message]: [TemplateErrorCode, string],
		stageId: string | null,
		checkpointId: string | null
	): void => {
		errors.push({ code, stageId, checkpointId, message });
	};
	if (template.id.trim() === '')
		push(['template_id_missing', 'The template has no id'], null, null);
	if (!Number.isInteger(template.version) || template.version < 1) {
		push(['version_invalid', 'The version must be an integer ≥ 1'], null, null);
	}
	const cap = template.criticalFailCap;
	if (cap !== undefined && (!Number.isFinite(cap) || cap < 0 || cap > 100)) {
		push(['cap_invalid', 'criticalFailCap must lie within 0..100'], null, null);
	}
	if (isBlank(template.name)) push(['text_missing', 'The name has no English text'], null, null);
	if (template.stages.length === 0) push(['no_stages', 'The template has no stages'], null, null);

	const all = new Set(template.stages.flatMap((stage) => stage.checkpoints.map((c) => c.id)));
	const earlier = new Map<string, Checkpoint>();
	const seenStages = new Set<string>();
	for (const stage of template.stages) {
		for (const problem of stageProblems(stage, seenStages)) push(problem, stage.id, null);
		seenStages.add(stage.id);
		for (const checkpoint of stage.checkpoints) {
			const at = (problem: [TemplateErrorCode, string]) => push(problem, stage.id, checkpoint.id);
			if (checkpoint.id.trim() === '') at(['checkpoint_id_missing', 'A checkpoint has no id']);
			else if (earlier.has(checkpoint.id)) {
				at(['duplicate_checkpoint_id', `Checkpoint id "${checkpoint.id}" repeats`]);
			}
			checkpointProblems(checkpoint).forEach(at);
			conditionProblems(checkpoint, earlier, all).forEach(at);
			if (!earlier.has(checkpoint.id)) earlier.set(checkpoint.id, checkpoint);
		}
	}
	return errors;
}
