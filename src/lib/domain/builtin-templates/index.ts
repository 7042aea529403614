import type { JourneyTemplate } from '../types';
import { COMPETITOR_VISIT } from './competitor-visit';
import { COMPLAINT_HANDLING } from './complaint-handling';
import { RETAIL_STORE_VISIT } from './retail-store-visit';

export { COMPETITOR_VISIT, deriveCompetitorTemplate } from './competitor-visit';
export { COMPLAINT_HANDLING } from './complaint-handling';
export { OWN_STORE_ONLY_CHECKPOINT_IDS, RETAIL_STORE_VISIT } from './retail-store-visit';

/** Every template shipped with the product; the server seeds these into a new organisation. */
export const BUILTIN_TEMPLATES: JourneyTemplate[] = [
	RETAIL_STORE_VISIT,
	COMPETITOR_VISIT,
	COMPLAINT_HANDLING
];

/** The built-in template with this id and version, or undefined when there is none. */
export function getBuiltinTemplate(id: string, version: number): JourneyTemplate | undefined {
	return BUILTIN_TEMPLATES.find((template) => template.id === id && template.version === version);
}
