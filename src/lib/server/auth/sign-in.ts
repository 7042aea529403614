import type { SessionUser } from '$lib/contract/auth';
import type { Db } from '../db/connect';
import { ServiceError } from '../service-error';
import { getOrganisation } from '../repos/organisations';
import { clearFailures, lockedUntil, recordFailure } from '../repos/sign-in-throttle';
import { findUserByEmail, toSessionUser } from '../repos/users';
import { hashPassword, verifyPassword } from './password';
import { startSession } from './sessions';
import { EMAIL_THROTTLE, emailKey, IP_THROTTLE, ipKey } from './throttle';

/** A successful sign-in: the user and the session token to put in the cookie. */
export interface SignInResult {
	user: SessionUser;
	token: string;
	sessionId: string;
	expiresAt: number;
}

let dummyHash: Promise<string> | undefined;

// Unknown emails are verified against this, so they take as long as a wrong password.
function getDummyHash(): Promise<string> {
	dummyHash ??= hashPassword('not a password of anyone');
	return dummyHash;
}

/**
 * Checks an email and password and starts a session. Refuses with 429 `too_many_attempts` (and
 * Retry-After) while the email or the client address is locked, and 401 `invalid_credentials`
 * for an unknown email or a wrong password alike. `ip` is null when the address is unknown.
 */
export async function signIn(
	db: Db,
	input: { email: string; password: string; ip: string | null; now: number }
): Promise<SignInResult> {
	const { password, now } = input;
	const email = input.email.trim().toLowerCase();
	const keys = [emailKey(email), ...(input.ip ? [ipKey(input.ip)] : [])];
	const until = await lockedUntil(db, keys, now);
	if (until > now) throw tooManyAttempts(until - now);

	const user = await findUserByEmail(db, email);
	const ok = await verifyPassword(password, user?.passwordHash ?? (await getDummyHash()));
	const organisation = user && ok ? await getOrganisation(db, user.organisationId) : undefined;
	if (!user || !ok || !organisation) {
		await recordFailure(db, emailKey(email), now, EMAIL_THROTTLE);
		if (input.ip) await recordFailure(db, ipKey(input.ip), now, IP_THROTTLE);
		throw new ServiceError(
			'unauthenticated',
			'invalid_credentials',
			'The email or password is not right.'
		);
	}
	await clearFailures(db, emailKey(email));
	const session = await startSession(db, user.id, now);
	return { user: toSessionUser(user, organisation), ...session };
}

function tooManyAttempts(remainingMs: number): ServiceError {
	const seconds = Math.max(1, Math.ceil(remainingMs / 1000));
	return new ServiceError(
		'throttled',
		'too_many_attempts',
		`Too many sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`,
		{ retryAfterSeconds: seconds },
		{ 'Retry-After': String(seconds) }
	);
}
