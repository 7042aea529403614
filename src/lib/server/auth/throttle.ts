import type { ThrottlePolicy } from '../repos/sign-in-throttle';

/** Per account: 5 failures within 15 minutes lock the email for 15 minutes. */
export const EMAIL_THROTTLE: ThrottlePolicy = {
	maxFailures: 5,
	windowMs: 15 * 60 * 1000,
	lockMs: 15 * 60 * 1000
};

// Higher per address: a shop or office behind one NAT has many shoppers typing passwords.
/** Per client IP: 20 failures within 15 minutes lock the address for 15 minutes. */
export const IP_THROTTLE: ThrottlePolicy = {
	maxFailures: 20,
	windowMs: 15 * 60 * 1000,
	lockMs: 15 * 60 * 1000
};

/** The throttle key of an email. */
export const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;

/** The throttle key of a client address. */
export const ipKey = (ip: string) => `ip:${ip}`;
