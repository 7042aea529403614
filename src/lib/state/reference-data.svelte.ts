import type { Assignment } from '$lib/contract/sync';
import { DEMO_LOCATIONS } from '$lib/domain/demo-locations';
import type { JourneyTemplate, Location } from '$lib/domain/types';
import { getDeviceServices } from './app-services';
import { notifications } from './notifications.svelte';

/**
 * The built-in templates (about 12 KB gzip of text), loaded only when the device has no pulled
 * one: a separate chunk, precached by the service worker like every other, so it works offline.
 */
const builtins = () => import('$lib/domain/builtin-templates');

/**
 * The journey templates a device may use: pulled from the server when it has them, the
 * built-in ones otherwise (a fresh tablet that never synced still works).
 */
export async function findTemplate(id: string, version: number): Promise<JourneyTemplate | null> {
	const { reference } = await getDeviceServices();
	const pulled = await reference.getTemplate(id, version);
	if (pulled) return pulled;
	return (await builtins()).getBuiltinTemplate(id, version) ?? null;
}

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
			this.#locations = locations.length ? locations : DEMO_LOCATIONS;
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
