import { newAudit } from '$lib/domain/new-audit';
import type { JourneyTemplate, Location } from '$lib/domain/types';
import { i18n } from '$lib/i18n/i18n.svelte';
import { getAuditStore } from './app-services';
import { checkPresenceAtTimeIn } from './presence.svelte';

/** Creates a draft audit on the device (time-in is now) and returns its id. */
export async function startAudit(
	template: JourneyTemplate,
	location: Location,
	assignmentId: string | null = null,
	now: number = Date.now()
): Promise<string> {
	const audit = newAudit({
		id: crypto.randomUUID(),
		template,
		location,
		locale: i18n.locale,
		now,
		assignmentId
	});
	const store = await getAuditStore();
	await store.createAudit(audit);
	// The one position reading runs beside the visit; only its outcome reaches the audit.
	void checkPresenceAtTimeIn(audit.id, location.id, now);
	return audit.id;
}
