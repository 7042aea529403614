import type {
	Checkpoint,
	ChoiceOption,
	LocalizedText,
	PhotoRule,
	ResponseSpec,
	VisibilityCondition
} from '../types';

/** Compact LocalizedText: English and Danish always, Norwegian and Polish when given. */
export function t(en: string, da: string, nb?: string, pl?: string): LocalizedText {
	const text: LocalizedText = { en, da };
	if (nb !== undefined) text.nb = nb;
	if (pl !== undefined) text.pl = pl;
	return text;
}

/** A choice option. */
export function option(id: string, score: number, label: LocalizedText): ChoiceOption {
	return { id, label, score };
}

/** Response specs, one per type; `numberInput` takes the unit, range and pass range. */
export const yesNo = (): ResponseSpec => ({ type: 'yes_no' });
export const yesNoNa = (): ResponseSpec => ({ type: 'yes_no_na' });
export const scale = (): ResponseSpec => ({ type: 'scale', min: 1, max: 5 });
export const text = (): ResponseSpec => ({ type: 'text' });
export const time = (): ResponseSpec => ({ type: 'time' });
export const singleChoice = (options: ChoiceOption[]): ResponseSpec => ({
	type: 'single_choice',
	options
});
export const multipleChoice = (options: ChoiceOption[]): ResponseSpec => ({
	type: 'multiple_choice',
	options
});
export const numberInput = (spec: Omit<Extract<ResponseSpec, { type: 'number' }>, 'type'>) =>
	({ type: 'number', ...spec }) satisfies ResponseSpec;

/** Minutes, as a unit for number checkpoints. */
export const MINUTES = t('minutes', 'minutter', 'minutter', 'minuty');

/** What a built-in checkpoint spells out; everything else takes the defaults of `checkpoint`. */
export interface CheckpointInput {
	id: string;
	prompt: LocalizedText;
	guidance?: LocalizedText;
	response: ResponseSpec;
	/** Default 1; informational types (text, time, number without pass) default to 0. */
	weight?: number;
	/** Default false. */
	critical?: boolean;
	/** Default true. */
	required?: boolean;
	/** Default 'none'. */
	photo?: PhotoRule;
	/** Default false. */
	noteOnNegative?: boolean;
	visibleWhen?: VisibilityCondition;
}

const INFORMATIONAL = new Set(['text', 'time']);

/** A checkpoint with defaults: weight 1 (0 for text/time/number without pass), not critical, required, no photo, no note rule. */
export function checkpoint(input: CheckpointInput): Checkpoint {
	const { response } = input;
	const informational =
		INFORMATIONAL.has(response.type) || (response.type === 'number' && response.pass === undefined);
	const result: Checkpoint = {
		id: input.id,
		prompt: input.prompt,
		response,
		weight: input.weight ?? (informational ? 0 : 1),
		critical: input.critical ?? false,
		required: input.required ?? true,
		evidence: { photo: input.photo ?? 'none', noteOnNegative: input.noteOnNegative ?? false }
	};
	if (input.guidance !== undefined) result.guidance = input.guidance;
	if (input.visibleWhen !== undefined) result.visibleWhen = input.visibleWhen;
	return result;
}

/** Shorthand for "visible when an earlier checkpoint equals a value". */
export function whenEquals(checkpointId: string, value: string | number): VisibilityCondition {
	return { checkpointId, op: 'equals', value };
}
