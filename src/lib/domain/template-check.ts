import { validateTemplate, type TemplateErrorCode } from './template-rules';
import type { JourneyTemplate } from './types';

/**
 * The one check a template must pass before it is published: the domain's template rules
 * (`validateTemplate`), the key formats the API stores, and — for a competitor template linked
 * to an own-store template — the stage keys benchmarking compares. The office editor runs it
 * as the author types; the server runs the same function on publish and refuses with every
 * problem it returns. Pure: no I/O.
 */

export type TemplateProblemCode = TemplateErrorCode | 'key_invalid' | 'linked_stage_missing';

/** One problem, named by where it is (`stages[1].checkpoints[0]`) and by the ids around it. */
export interface TemplateProblem {
	code: TemplateProblemCode;
	/** A path into the template: `name`, `stages[2]`, `stages[2].checkpoints[0]`. */
	path: string;
	stageId: string | null;
	checkpointId: string | null;
	message: string;
}

export interface TemplateCheckContext {
	/** The stage keys of the own-store template this (competitor) template is linked to. */
	linkedStageKeys?: readonly string[];
}

/** Ids as the API takes them (see contract `Id`): stage keys, checkpoint and option ids. */
export const TEMPLATE_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/** `stages[i]` / `stages[i].checkpoints[j]` of a stage and checkpoint id, or the template. */
function pathOf(template: JourneyTemplate, stageId: string | null, checkpointId: string | null) {
	if (stageId === null) return 'template';
	const s = template.stages.findIndex((stage) => stage.id === stageId);
	if (s < 0) return 'template';
	if (checkpointId === null) return `stages[${s}]`;
	const c = template.stages[s]!.checkpoints.findIndex((cp) => cp.id === checkpointId);
	return c < 0 ? `stages[${s}]` : `stages[${s}].checkpoints[${c}]`;
}

/** Every problem of `template`, in template order; an empty list means it can be published. */
export function checkTemplate(
	template: JourneyTemplate,
	context: TemplateCheckContext = {}
): TemplateProblem[] {
	const problems: TemplateProblem[] = [];
	const keyProblem = (
		key: string,
		path: string,
		what: string,
		s: string | null,
		c: string | null
	) => {
		if (key.trim() !== '' && !TEMPLATE_KEY_PATTERN.test(key)) {
			problems.push({
				code: 'key_invalid',
				path,
				stageId: s,
				checkpointId: c,
				message: `${what} "${key}" may hold only letters, digits and . _ : - (at most 100)`
			});
		}
	};
	keyProblem(template.id, 'id', 'The template id', null, null);
	template.stages.forEach((stage, s) => {
		keyProblem(stage.id, `stages[${s}].id`, 'The stage key', stage.id, null);
		stage.checkpoints.forEach((checkpoint, c) => {
			const at = `stages[${s}].checkpoints[${c}]`;
			keyProblem(checkpoint.id, `${at}.id`, 'The checkpoint id', stage.id, checkpoint.id);
			const spec = checkpoint.response;
			if (spec.type === 'single_choice' || spec.type === 'multiple_choice') {
				spec.options.forEach((option, o) =>
					keyProblem(
						option.id,
						`${at}.response.options[${o}].id`,
						'The option id',
						stage.id,
						checkpoint.id
					)
				);
			}
		});
	});
	for (const error of validateTemplate(template)) {
		problems.push({
			code: error.code,
			path: pathOf(template, error.stageId, error.checkpointId),
			stageId: error.stageId,
			checkpointId: error.checkpointId,
			message: error.message
		});
	}
	const keys = new Set(template.stages.map((stage) => stage.id));
	for (const key of context.linkedStageKeys ?? []) {
		if (!keys.has(key)) {
			problems.push({
				code: 'linked_stage_missing',
				path: 'stages',
				stageId: key,
				checkpointId: null,
				message: `The linked own-store template has stage "${key}"; benchmarking needs it here too`
			});
		}
	}
	return problems;
}
