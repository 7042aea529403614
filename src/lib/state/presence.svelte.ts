import type { PresenceConsent } from '$lib/client/storage/reference-store';
import { readPresence } from '$lib/client/presence/read-presence';
import { getDeviceServices } from './app-services';

/**
 * The presence check as the home screen shows it: whether the organisation has it on (as last
 * pulled) and the signed-in shopper's answer on this device (null: not asked yet).
 */
export class PresenceConsentState {
	#loaded = $state(false);
	#enabled = $state(false);
	#consent = $state<PresenceConsent | null>(null);
	#userId: string | null = null;

	get loaded(): boolean {
		return this.#loaded;
	}

	get enabled(): boolean {
		return this.#enabled;
	}

	get consent(): PresenceConsent | null {
		return this.#consent;
	}

	/** Reads the setting and the answer from the device. */
	async refresh(): Promise<void> {
		try {
			const { reference } = await getDeviceServices();
			const [user, config] = await Promise.all([
				reference.getUser(),
				reference.getPresenceConfig()
			]);
			this.#userId = user?.id ?? null;
			this.#enabled = config.enabled && user !== null;
			this.#consent = user ? await reference.getPresenceConsent(user.id) : null;
		} catch {
			this.#enabled = false;
		} finally {
			this.#loaded = true;
		}
	}

	/** Records the shopper's answer on this device; it applies from the next visit started. */
	async choose(consent: PresenceConsent): Promise<void> {
		if (this.#userId === null) return;
		const { reference } = await getDeviceServices();
		await reference.setPresenceConsent(this.#userId, consent);
		this.#consent = consent;
	}
}

/**
 * At time-in: when the organisation has the check on, the shopper consented on this device and
 * the store's position was pulled, reads the position once and stores only the outcome in the
 * draft audit. Anything else leaves the audit without a presence outcome. Never throws.
 */
export async function checkPresenceAtTimeIn(
	auditId: string,
	locationId: string,
	now: number
): Promise<void> {
	try {
		const { audits, reference } = await getDeviceServices();
		const [user, config] = await Promise.all([reference.getUser(), reference.getPresenceConfig()]);
		if (!user || !config.enabled) return;
		if ((await reference.getPresenceConsent(user.id)) !== 'granted') return;
		const store = config.stores.find((candidate) => candidate.locationId === locationId);
		if (!store) return;
		const presence = await readPresence(store, now);
		await audits.updateAudit(auditId, (audit) => ({ ...audit, presence }), Date.now());
	} catch {
		// The audit was handed in or deleted meanwhile, or storage failed: no outcome is kept.
	}
}
