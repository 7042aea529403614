import { API } from '$lib/contract/api-paths';
import type { TemplateProblem } from '$lib/domain/template-check';
import type { JourneyTemplate } from '$lib/domain/types';

/** A refusal of the template API: its code, sentence and details (e.g. a conflict's revision). */
export class TemplateApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly details?: unknown
	) {
		super(message);
		this.name = 'TemplateApiError';
	}
}

async function send<T>(method: string, path: string, body: unknown): Promise<T> {
	let response: Response;
	try {
		response = await fetch(path, {
			method,
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify(body)
		});
	} catch {
		throw new TemplateApiError(0, 'offline', 'No connection to the server.');
	}
	const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
	if (!response.ok) {
		throw new TemplateApiError(
			response.status,
			typeof answer.error === 'string' ? answer.error : 'failed',
			typeof answer.message === 'string' ? answer.message : response.statusText,
			answer.details
		);
	}
	return answer as T;
}

/** `PUT /api/templates/{id}`: saves the draft made on `revision`. */
export function saveDraft(
	id: string,
	revision: number,
	template: JourneyTemplate
): Promise<{ revision: number; problems: TemplateProblem[] }> {
	return send('PUT', API.template(id), { revision, template });
}
