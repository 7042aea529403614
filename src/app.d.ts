// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/contract/auth';

declare global {
	namespace App {
		interface Error {
			/** A stable code for clients; the message is for people. */
			code?: string;
		}
		interface Locals {
			/** The signed-in user, checked against the session table on every request; null when signed out. */
			user: SessionUser | null;
			/** Hash of the session token, to sign out exactly this session. */
			sessionId: string | null;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
