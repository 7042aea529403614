import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganisation, type TestOrganisation } from '../testing/factories';
import { fakeRequestEvent } from '../testing/request-event';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { SESSION_COOKIE } from './session-cookie';
import { createSessionHandle } from './session-handle';
import { SESSION_TTL_MS, signOut, startSession } from './sessions';

const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
const DAY = 86_400_000;

describe('session handle', () => {
	let handle: TestDatabase;
	let org: TestOrganisation;
	beforeAll(async () => {
		handle = await createTestDatabase();
		org = await createTestOrganisation(handle.db);
	});
	afterAll(async () => {
		await handle.dispose();
	});

	async function run(
		cookies: Record<string, string>,
		at: number,
		url = 'https://app.example/api/me'
	) {
		const event = fakeRequestEvent(new Request(url), { cookies });
		const sessionHandle = createSessionHandle(
			async () => handle.db,
			() => at
		);
		let seen: App.Locals | undefined;
		await sessionHandle({
			event,
			resolve: async (e) => {
				seen = { ...e.locals };
				return new Response('ok');
			}
		});
		return { locals: seen!, written: event.cookies.written };
	}

	it('sets locals.user and sessionId from a valid cookie', async () => {
		const { token, sessionId } = await startSession(handle.db, org.shopper.id, T0);
		const { locals, written } = await run({ [SESSION_COOKIE]: token }, T0 + DAY);
		expect(locals).toEqual({ user: org.shopper, sessionId });
		expect(written.size).toBe(0);
	});

	it('leaves locals null without a cookie', async () => {
		const { locals, written } = await run({}, T0);
		expect(locals).toEqual({ user: null, sessionId: null });
		expect(written.size).toBe(0);
	});

	it('clears a stale cookie: expired, signed out or forged', async () => {
		const expired = await startSession(handle.db, org.shopper.id, T0);
		const signedOut = await startSession(handle.db, org.shopper.id, T0);
		await signOut(handle.db, signedOut.sessionId);
		for (const token of [expired.token, signedOut.token, 'forged']) {
			const at = token === expired.token ? T0 + SESSION_TTL_MS + 1 : T0 + 1;
			const { locals, written } = await run({ [SESSION_COOKIE]: token }, at);
			expect(locals.user).toBeNull();
			expect(written.get(SESSION_COOKIE)).toMatchObject({ value: '', options: { path: '/' } });
		}
	});

	it('re-sends the cookie when sliding expiry extends the session', async () => {
		const { token } = await startSession(handle.db, org.manager.id, T0);
		const at = T0 + 20 * DAY;
		const { locals, written } = await run(
			{ [SESSION_COOKIE]: token },
			at,
			'http://lan.local/api/me'
		);
		expect(locals.user?.id).toBe(org.manager.id);
		expect(written.get(SESSION_COOKIE)).toEqual({
			value: token,
			options: {
				path: '/',
				httpOnly: true,
				sameSite: 'lax',
				secure: false,
				maxAge: SESSION_TTL_MS / 1000
			}
		});
		const https = await run({ [SESSION_COOKIE]: token }, at + 16 * DAY);
		expect(https.written.get(SESSION_COOKIE)?.options).toMatchObject({
			secure: true,
			httpOnly: true
		});
	});
});
