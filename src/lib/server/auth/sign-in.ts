import type { SessionUser } from '$lib/contract/auth';
import type { Db } from '../db/connect';
import { ServiceError } from '../service-error';
import { getOrganisation } from '../repos/organisations';
import {
	clearFailures,
	isKnownSignInAddress,
	lockedUntil,
	recordFailure,
	rememberSignInAddress
} from '../repos/sign-in-throttle';
import { findUserByEmail, toSessionUser } from '../repos/users';
import { hashPassword, verifyPassword } from './password';
import { startSession } from './sessions';
import {
	ACCOUNT_THROTTLE,
	emailKey,
	IP_THROTTLE,
	ipKey,
	KNOWN_ADDRESS_MS,
	PAIR_THROTTLE,
	pairKey
} from './throttle';

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
 * Retry-After) while this email at this client address is locked (progressively, after 5
 * failures), while the address is locked (many accounts tried from it), or while the account is
 * locked for addresses it has not signed in from before (many failures spread over addresses) —
 * so a guesser is slowed, and the owner still signs in from elsewhere or from their own address.
 * 401 `invalid_credentials` for an unknown email or a wrong password alike. `ip` is null when the
 * address is unknown (then it is never a known address).
 */
export async function signIn(
	db: Db,
	input: { email: string; password: string; ip: string | null; now: number }
): Promise<SignInResult> {
	const { password, now, ip } = input;
	const email = input.email.trim().toLowerCase();
	const pair = pairKey(email, ip);
	const blocking = await lockedUntil(db, [pair, ...(ip ? [ipKey(ip)] : [])], now);
	if (blocking > now) throw tooManyAttempts(blocking - now);

	const user = await findUserByEmail(db, email);
	const accountLock = await lockedUntil(db, [emailKey(email)], now);
	if (accountLock > now) {
		const known =
			user !== undefined &&
			ip !== null &&
			(await isKnownSignInAddress(db, user.id, ip, now - KNOWN_ADDRESS_MS));
		if (!known) throw tooManyAttempts(accountLock - now);
	}

	const ok = await verifyPassword(password, user?.passwordHash ?? (await getDummyHash()));
	const organisation = user && ok ? await getOrganisation(db, user.organisationId) : undefined;
	// A deactivated member is refused like a wrong password: nothing says the account exists.
	if (!user || !ok || !organisation || user.deactivatedAt) {
		await recordFailure(db, pair, now, PAIR_THROTTLE);
		await recordFailure(db, emailKey(email), now, ACCOUNT_THROTTLE);
		if (ip) await recordFailure(db, ipKey(ip), now, IP_THROTTLE);
		throw new ServiceError(
			'unauthenticated',
			'invalid_credentials',
			'The email or password is not right.'
		);
	}
	// The account-wide count stays: the owner signing in must not reset a guesser's progress.
	await clearFailures(db, pair);
	if (ip) await rememberSignInAddress(db, user.id, ip, now);
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
