import type { PullResponse } from '$lib/contract/sync';
import type { PulledData } from '$lib/client/storage/reference-store';
import type { JourneyTemplate } from '$lib/domain/types';
import { ApiRequestError } from '$lib/client/api/api-error';

/**
 * The pull with its templates checked by the domain's `validateTemplate`. A broken template
 * refuses the whole pull (`bad_response`), so the cursor does not move past it. The rules load
 * only when a pull carries templates: most pulls carry none, and a tablet opening a stage screen
 * should not download the template validator for nothing.
 */
export async function checkPulledTemplates(pull: PullResponse): Promise<PulledData> {
	if (pull.templates.length === 0) return { ...pull, templates: [] };
	const { validateTemplate } = await import('$lib/domain/template-rules');
	const templates: JourneyTemplate[] = [];
	for (const candidate of pull.templates) {
		const template = candidate as unknown as JourneyTemplate;
		let problems: unknown[];
		try {
			problems = validateTemplate(template);
		} catch (error) {
			problems = [error];
		}
		if (problems.length > 0) {
			throw new ApiRequestError(
				'bad_response',
				`Pulled template ${candidate.id} v${candidate.version} is not valid`,
				{ details: problems }
			);
		}
		templates.push(template);
	}
	return { ...pull, templates };
}
