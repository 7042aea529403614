import type { Assignment } from '$lib/contract/sync';
import type { JourneyTemplate, Location } from '$lib/domain/types';
import { getDeviceServices } from './app-services';
import { builtins } from './find-template';
import { notifications } from './notifications.svelte';

export { findTemplate } from './find-template';

/** What the signed-in shopper may start: their assignments, the locations and the templates. */
export class ReferenceData {
	#assignments = $state.raw<Assignment[]>([]);
	#locations = $state.raw<Location[]>([]);
	#templates = $state.raw<JourneyTemplate[]>([]);
	#loaded = $state(false);

	get assignments(): readonly Assignment[] {
		return this.#assignments;
	}

	/** Open visits, soonest first. */
	get openAssignments(): Assignment[] {
		return this.#assignments
			.filter((a) => a.status === 'open')
			.sort((a, b) => a.windowStart - b.windowStart);
	}

	get locations(): readonly Location[] {
		return this.#locations;
	}

	get templates(): readonly JourneyTemplate[] {
		return this.#templates;
	}

	get loaded(): boolean {
		return this.#loaded;
	}

	templateOf(id: string, version: number): JourneyTemplate | undefined {
		return this.#templates.find((t) => t.id === id && t.version === version);
	}

	async refresh(): Promise<void> {
		try {
			const { reference } = await getDeviceServices();
			const [assignments, locations, templates] = await Promise.all([
				reference.listAssignments(),
				reference.listLocations(),
				reference.listTemplates()
			]);
			this.#assignments = assignments;
			// Before the first pull only (a chunk of its own, like the built-in journeys below).
			this.#locations = locations.length
				? locations
				: (await import('$lib/domain/demo-locations')).DEMO_LOCATIONS;
			this.#templates = latestVersions(
				templates.length ? templates : (await builtins()).BUILTIN_TEMPLATES
			);
		} catch (error) {
			notifications.error(error);
		} finally {
			this.#loaded = true;
		}
	}
}

/** The newest published version of each template: what a new audit is filled against. */
function latestVersions(templates: readonly JourneyTemplate[]): JourneyTemplate[] {
	const newest = new Map<string, JourneyTemplate>();
	for (const t of templates) {
		const seen = newest.get(t.id);
		if (!seen || seen.version < t.version) newest.set(t.id, t);
	}
	return [...newest.values()];
}
