import * as v from 'valibot';

/**
 * `shopper` runs audits; `manager` reviews and plans (and may run audits too, see `fieldWork`);
 * `admin` also manages the organisation; `viewer` reads approved audits of chosen locations.
 */
export const ROLES = ['shopper', 'manager', 'admin', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is signed in, as the server tells the device. Never carries secrets. */
export const SessionUserSchema = v.strictObject({
	id: v.string(),
	email: v.string(),
	displayName: v.string(),
	/** What reports show instead of the shopper's name (invariant 6). */
	pseudonym: v.string(),
	role: v.picklist(ROLES),
	/**
	 * Whether this person runs audits on a device (managers who choose to; shoppers always do,
	 * whatever this says). Optional on input so a user stored on a tablet before it existed still
	 * reads back, as signed in, offline.
	 */
	fieldWork: v.optional(v.boolean(), false),
	organisation: v.strictObject({ id: v.string(), name: v.string() })
});
export type SessionUser = v.InferOutput<typeof SessionUserSchema>;

export const SignInRequestSchema = v.strictObject({
	email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email(), v.maxLength(254)),
	password: v.pipe(v.string(), v.minLength(1), v.maxLength(1024))
});
export type SignInRequest = v.InferOutput<typeof SignInRequestSchema>;

export const SignInResponseSchema = v.strictObject({ user: SessionUserSchema });
