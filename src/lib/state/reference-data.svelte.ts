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
	#archivedTemplateIds = $state.raw<ReadonlySet<string>>(new Set());
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

	/** The newest version of every template, archived ones too (assigned visits name them). */
	get templates(): readonly JourneyTemplate[] {
		return this.#templates;
	}

	/**
	 * The journeys a new audit at `location` may be filled against: templates for its kind of
	 * store first, then those for any store, and none the organisation had archived at the last
	 * pull. Archiving hides a journey only here: audits started on it and visits planned on it
	 * keep their template.
	 */
	templatesFor(location: Location): JourneyTemplate[] {
		return this.#templates
			.filter((t) => !this.#archivedTemplateIds.has(t.id))
			.filter((t) => t.locationKind === 'any' || t.locationKind === location.kind)
			.sort((a, b) => Number(a.locationKind === 'any') - Number(b.locationKind === 'any'));
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
			const [assignments, locations, templates, archivedTemplateIds] = await Promise.all([
				reference.listAssignments(),
				reference.listLocations(),
				reference.listTemplates(),
				reference.getArchivedTemplateIds()
			]);
			this.#assignments = assignments;
			this.#archivedTemplateIds = new Set(archivedTemplateIds);
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
