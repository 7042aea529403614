import type { SessionUser, SignInRequest } from '$lib/contract/auth';
import type { ApiClient } from '$lib/client/api/api-client';
import { ApiRequestError } from '$lib/client/api/api-error';
import type { AuditStore, PendingSummary } from '$lib/client/storage/audit-store';
import type { ReferenceStore } from '$lib/client/storage/reference-store';

/** Signing out was refused because audits or photos on this device are not on the server. */
export class SignOutRefusedError extends Error {
	readonly reason = 'unsynced_work' as const;
	readonly pending: PendingSummary;

	constructor(pending: PendingSummary) {
		super(
			`${pending.audits} audit(s) with ${pending.photos} photo(s) are not on the server yet; ` +
				'sync (or finish and submit drafts) before signing out'
		);
		this.name = 'SignOutRefusedError';
		this.pending = pending;
	}
}

/**
 * Sign-in state of the device. The user is kept in IndexedDB so a shopper who signed in once
 * keeps working offline; the server session (cookie) may expire meanwhile, which sync reports
 * as `needs_sign_in` without losing anything.
 */
export class SessionService {
	readonly #api: ApiClient;
	readonly #audits: AuditStore;
	readonly #reference: ReferenceStore;

	constructor(deps: { api: ApiClient; audits: AuditStore; reference: ReferenceStore }) {
		this.#api = deps.api;
		this.#audits = deps.audits;
		this.#reference = deps.reference;
	}

	/** The user stored on this device (works offline), or null when nobody signed in. */
	currentUser(): Promise<SessionUser | null> {
		return this.#reference.getUser();
	}

	/**
	 * Signs in online and stores the user. Throws ApiRequestError (`unauthenticated` or
	 * `invalid` for wrong credentials, `offline`, ...). Signing in as a different user than the
	 * stored one clears the pulled reference data; audits are never touched.
	 */
	async signIn(request: SignInRequest): Promise<SessionUser> {
		const user = await this.#api.signIn(request);
		await this.#reference.setUser(user);
		return user;
	}

	/**
	 * Takes over the session the server already started for this browser (a one-time sign-in
	 * link sets the cookie) and stores its user, as `signIn` does. Throws ApiRequestError when
	 * there is none.
	 */
	async adopt(): Promise<SessionUser> {
		const user = await this.#api.me();
		await this.#reference.setUser(user);
		return user;
	}

	/**
	 * Signs out, refused with SignOutRefusedError while any audit (drafts included) or photo is
	 * not on the server. Offline, the server session is left to expire; the device forgets the
	 * user and the pulled data either way.
	 */
	async signOut(): Promise<void> {
		const pending = await this.#audits.pendingSummary();
		if (pending.audits > 0) throw new SignOutRefusedError(pending);
		try {
			await this.#api.signOut();
		} catch (error) {
			if (!(error instanceof ApiRequestError)) throw error;
			// Offline or already expired: the device still signs out.
		}
		await this.#reference.clearSession();
	}
}
