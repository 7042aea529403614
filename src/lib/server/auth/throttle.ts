import type { ThrottlePolicy } from '../repos/sign-in-throttle';

/**
 * Per account and address (`email` + client address): the 5th failure within 15 minutes locks
 * that pair for 1 minute, each further one doubles the lock (2, 4, 8 minutes) up to 15. Slows a
 * guesser at one address without locking the person out anywhere else.
 */
export const PAIR_THROTTLE: ThrottlePolicy = {
	maxFailures: 5,
	windowMs: 15 * 60 * 1000,
	lockMs: 60 * 1000,
	maxLockMs: 15 * 60 * 1000
};

/**
 * Per account across addresses: 20 failures within 15 minutes (a guesser spreading over many
 * addresses) lock the account for 15 minutes — but only for addresses it has not signed in from
 * successfully within `KNOWN_ADDRESS_MS`; the owner's usual addresses keep working.
 */
export const ACCOUNT_THROTTLE: ThrottlePolicy = {
	maxFailures: 20,
	windowMs: 15 * 60 * 1000,
	lockMs: 15 * 60 * 1000
};

// Higher per address: a shop or office behind one NAT has many shoppers typing passwords.
/** Per client address across accounts: 20 failures within 15 minutes lock the address for 15 minutes. */
export const IP_THROTTLE: ThrottlePolicy = {
	maxFailures: 20,
	windowMs: 15 * 60 * 1000,
	lockMs: 15 * 60 * 1000
};

/** How long a successful sign-in's address counts as the account's own. */
export const KNOWN_ADDRESS_MS = 90 * 24 * 60 * 60 * 1000;

/** The throttle key of an email (the account across addresses). */
export const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;

/** The throttle key of a client address. */
export const ipKey = (ip: string) => `ip:${ip}`;

/** The throttle key of an email at one client address (`unknown` when there is none). */
export const pairKey = (email: string, ip: string | null) =>
	`pair:${email.trim().toLowerCase()}|${ip ?? 'unknown'}`;
