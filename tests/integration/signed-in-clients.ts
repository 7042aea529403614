import { expect } from 'vitest';
import { API } from '$lib/contract/api-paths';
import { TEST_PASSWORD } from '$lib/server/testing/factories';
import { cookieFetch } from './cookie-fetch';

/**
 * A browser tab of its own (see `cookieFetch`), signed in through the API as `email` — the
 * sign-in must answer 200 — or signed out when `email` is null.
 */
export async function signedInFetch(
	baseUrl: string,
	email: string | null,
	password = TEST_PASSWORD
): Promise<typeof fetch> {
	const f = cookieFetch(baseUrl);
	if (email) {
		const response = await f(`${baseUrl}${API.signIn}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ email, password })
		});
		expect(response.status).toBe(200);
	}
	return f;
}

/**
 * One tab per role of an authorization matrix, from each role's email (null: signed out). They
 * sign in one after another in the roster's order, so the server sees the same sequence each run.
 */
export async function signInRoster<Who extends string>(
	baseUrl: string,
	roster: Record<Who, string | null>
): Promise<Map<Who, typeof fetch>> {
	const clients = new Map<Who, typeof fetch>();
	for (const [who, email] of Object.entries(roster) as [Who, string | null][]) {
		clients.set(who, await signedInFetch(baseUrl, email));
	}
	return clients;
}

/**
 * The status `run` gets for each role, one role at a time in `roles`' order (requests of the
 * same test must not race each other), as one object to compare with the expected matrix.
 */
export async function statusOfEach<Who extends string>(
	roles: readonly Who[],
	run: (who: Who) => Promise<number>
): Promise<Record<Who, number>> {
	const got = {} as Record<Who, number>;
	for (const who of roles) got[who] = await run(who);
	return got;
}
