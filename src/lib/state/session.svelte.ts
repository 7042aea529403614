import type { SessionUser } from '$lib/contract/auth';
import { SignOutRefusedError } from '$lib/client/sync/session';
import { getDeviceServices } from './app-services';
import { notifications } from './notifications.svelte';
import { signInFailure, type SignInFailure } from './sign-in-failure';
import { syncStatus } from './sync-status.svelte';

export type SignInResult = { ok: true; user: SessionUser } | ({ ok: false } & SignInFailure);
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
			return { ok: false, ...signInFailure(error, location.origin) };
		}
	}

	/**
	 * After a one-time sign-in link: the server has set the session cookie; the device stores
	 * the user and pulls, as after a sign-in. False when there is no session to take over.
	 */
	async adopt(): Promise<SessionUser | null> {
		try {
			const services = await getDeviceServices();
			const user = await services.session.adopt();
			await services.sync.pull();
			this.#user = user;
			this.#expired = false;
			void services.sync.resume().then(() => syncStatus.markPulled());
			return user;
		} catch {
			return null;
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

export const session = new Session();
