import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiFailure } from '../http/api-error';
import { ServiceError } from '../service-error';
import { createTestOrganisation, TEST_PASSWORD, type TestOrganisation } from '../testing/factories';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { authenticate } from './sessions';
import { signIn } from './sign-in';
import { ACCOUNT_THROTTLE, IP_THROTTLE, PAIR_THROTTLE } from './throttle';

const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
const MINUTE = 60_000;

async function failure(run: Promise<unknown>): Promise<ApiFailure> {
	const error = await run.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ServiceError);
	// Checked as the API answers it: the status is the transport's, not the service's.
	return ApiFailure.fromServiceError(error as ServiceError);
}

describe('signIn', () => {
	let handle: TestDatabase;
	let org: TestOrganisation;
	beforeAll(async () => {
		handle = await createTestDatabase();
		org = await createTestOrganisation(handle.db);
	});
	afterAll(async () => {
		await handle.dispose();
	});

	it('signs in with the right password, in any letter case of the email', async () => {
		const result = await signIn(handle.db, {
			email: org.shopper.email.toUpperCase(),
			password: TEST_PASSWORD,
			ip: '10.0.0.1',
			now: T0
		});
		expect(result.user).toEqual(org.shopper);
		expect((await authenticate(handle.db, result.token, T0 + 1))?.user.id).toBe(org.shopper.id);
	});

	it('answers a wrong password and an unknown email alike with 401', async () => {
		const wrong = await failure(
			signIn(handle.db, { email: org.manager.email, password: 'nope', ip: '10.0.0.2', now: T0 })
		);
		const unknown = await failure(
			signIn(handle.db, { email: 'nobody@example.com', password: 'nope', ip: '10.0.0.2', now: T0 })
		);
		for (const f of [wrong, unknown]) {
			expect(f).toMatchObject({ status: 401, code: 'invalid_credentials' });
		}
		expect(unknown.message).toBe(wrong.message);
	});

	it('five wrong passwords from one address slow that address, progressively, not the owner elsewhere', async () => {
		const email = org.admin.email;
		const attacker = '192.0.2.66';
		const attempt = (password: string, now: number, ip = attacker) =>
			signIn(handle.db, { email, password, ip, now });
		for (let i = 0; i < PAIR_THROTTLE.maxFailures; i++) {
			expect((await failure(attempt('wrong', T0 + i * 1000))).status).toBe(401);
		}
		const lockedAt = T0 + 4000;
		// The guesser's address is locked for this account, even for the right password…
		const locked = await failure(attempt(TEST_PASSWORD, lockedAt + 1000));
		expect(locked).toMatchObject({ status: 429, code: 'too_many_attempts' });
		expect(locked.headers?.['Retry-After']).toBe(String(59));
		// …while the owner signs in from another address, one never used before.
		const owner = await attempt(TEST_PASSWORD, lockedAt + 1000, '198.51.100.20');
		expect(owner.user.id).toBe(org.admin.id);
		// Each further failure doubles the lock: 2 minutes after the next one.
		const next = lockedAt + MINUTE;
		expect((await failure(attempt('wrong', next))).status).toBe(401);
		const longer = await failure(attempt(TEST_PASSWORD, next + 1000));
		expect(longer.headers?.['Retry-After']).toBe(String(2 * 60 - 1));
		const unlocked = await attempt(TEST_PASSWORD, next + 2 * MINUTE);
		expect(unlocked.user.id).toBe(org.admin.id);
	});

	it('locks an account tried from many addresses for new addresses only, not for a known one', async () => {
		const fresh = await createTestOrganisation(handle.db);
		const email = fresh.shopper.email;
		const at = T0 + 50 * MINUTE;
		// The owner signed in from home before.
		await signIn(handle.db, { email, password: TEST_PASSWORD, ip: '198.51.100.7', now: at });
		for (let i = 0; i < ACCOUNT_THROTTLE.maxFailures; i++) {
			const ip = `203.0.113.${i + 1}`;
			expect(
				(await failure(signIn(handle.db, { email, password: 'x', ip, now: at + i }))).status
			).toBe(401);
		}
		const later = at + MINUTE;
		const fromNew = await failure(
			signIn(handle.db, { email, password: TEST_PASSWORD, ip: '203.0.113.200', now: later })
		);
		expect(fromNew).toMatchObject({ status: 429, code: 'too_many_attempts' });
		const fromHome = await signIn(handle.db, {
			email,
			password: TEST_PASSWORD,
			ip: '198.51.100.7',
			now: later
		});
		expect(fromHome.user.id).toBe(fresh.shopper.id);
		// The owner's sign-in does not reset the guessers' count.
		const again = await failure(
			signIn(handle.db, { email, password: TEST_PASSWORD, ip: '203.0.113.201', now: later + 1 })
		);
		expect(again.status).toBe(429);
	});

	it('starts a new window for failures spread beyond 15 minutes', async () => {
		const email = org.otherShopper.email;
		for (let i = 0; i < 8; i++) {
			const now = T0 + i * 4 * MINUTE;
			expect(
				(await failure(signIn(handle.db, { email, password: 'x', ip: null, now }))).status
			).toBe(401);
		}
		const ok = await signIn(handle.db, {
			email,
			password: TEST_PASSWORD,
			ip: null,
			now: T0 + 33 * MINUTE
		});
		expect(ok.user.id).toBe(org.otherShopper.id);
	});

	it('clears the email count after a successful sign-in', async () => {
		const email = org.manager.email;
		const at = T0 + 100 * MINUTE;
		for (let i = 0; i < PAIR_THROTTLE.maxFailures - 1; i++) {
			await failure(signIn(handle.db, { email, password: 'x', ip: null, now: at }));
		}
		await signIn(handle.db, { email, password: TEST_PASSWORD, ip: null, now: at });
		expect(
			(await failure(signIn(handle.db, { email, password: 'x', ip: null, now: at }))).status
		).toBe(401);
		expect(
			(await failure(signIn(handle.db, { email, password: 'x', ip: null, now: at }))).status
		).toBe(401);
	});

	it('locks a client address that tries many emails', async () => {
		const ip = '203.0.113.7';
		const at = T0 + 200 * MINUTE;
		// Known emails, each below its own limit: unknown ones would cost a full-price scrypt each.
		const other = await createTestOrganisation(handle.db);
		const emails = [org, other].flatMap((o) =>
			[o.shopper, o.otherShopper, o.manager, o.admin].map((u) => u.email)
		);
		for (let i = 0; i < IP_THROTTLE.maxFailures; i++) {
			const email = emails[i % emails.length]!;
			expect((await failure(signIn(handle.db, { email, password: 'x', ip, now: at }))).status).toBe(
				401
			);
		}
		const locked = await failure(
			signIn(handle.db, { email: org.shopper.email, password: TEST_PASSWORD, ip, now: at + MINUTE })
		);
		expect(locked.status).toBe(429);
		const elsewhere = await signIn(handle.db, {
			email: org.shopper.email,
			password: TEST_PASSWORD,
			ip: '198.51.100.1',
			now: at + MINUTE
		});
		expect(elsewhere.user.id).toBe(org.shopper.id);
	});
});
