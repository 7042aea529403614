import type { SessionUser } from '$lib/contract/auth';
import { ApiRequestError } from '$lib/client/api/api-error';
import { SignOutRefusedError } from '$lib/client/sync/session';
import type { MessageKey } from '$lib/i18n/messages/en';
import { getDeviceServices } from './app-services';
import { notifications } from './notifications.svelte';
import { syncStatus } from './sync-status.svelte';

export type SignInResult = { ok: true; user: SessionUser } | { ok: false; messageKey: MessageKey };
export type SignOutResult =
	| { ok: true }
	| { ok: false; pending: { audits: number; photos: number } }
	| { ok: false; failed: true };

/**
 * Who is signed in on this device. Kept in IndexedDB, so a shopper who signed in once keeps
 * working offline; when the server session expires, `expired` asks them to sign in again.
 */
class Session {
	#user = $state.raw<SessionUser | null>(null);
	#loaded = $state(false);
	#expired = $state(false);

	get user(): SessionUser | null {
		return this.#user;
	}

	get loaded(): boolean {
		return this.#loaded;
	}

	/** The server turned the session down during sync: sign in again; nothing is lost. */
	get expired(): boolean {
		return this.#expired;
	}

	markExpired(): void {
		this.#expired = true;
	}

	async init(): Promise<void> {
		try {
			this.#user = await (await getDeviceServices()).session.currentUser();
		} catch (error) {
			notifications.error(error);
		} finally {
			this.#loaded = true;
		}
	}

	async signIn(email: string, password: string): Promise<SignInResult> {
		try {
			const services = await getDeviceServices();
			const user = await services.session.signIn({ email, password });
			// Assignments and templates are on the device before the first screen shows them.
			await services.sync.pull();
			this.#user = user;
			this.#expired = false;
			void services.sync.resume().then(() => syncStatus.markPulled());
			return { ok: true, user };
		} catch (error) {
			return { ok: false, messageKey: signInFailureKey(error) };
		}
	}

	/** Refused while anything on the device is not on the server: signing out must lose nothing. */
	async signOut(): Promise<SignOutResult> {
		try {
			const services = await getDeviceServices();
			await services.session.signOut();
			services.sync.stop();
			this.#user = null;
			return { ok: true };
		} catch (error) {
			if (error instanceof SignOutRefusedError) return { ok: false, pending: error.pending };
			notifications.error(error);
			return { ok: false, failed: true };
		}
	}
}

function signInFailureKey(error: unknown): MessageKey {
	if (!(error instanceof ApiRequestError)) return 'error.unexpected';
	switch (error.reason) {
		case 'offline':
		case 'timeout':
			return 'signIn.error.offline';
		case 'rate_limited':
			return 'signIn.error.throttled';
		case 'unauthenticated':
		case 'invalid':
			return 'signIn.error.credentials';
		default:
			return 'signIn.error.server';
	}
}

export const session = new Session();
