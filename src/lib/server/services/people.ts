import { randomInt, randomUUID } from 'node:crypto';
import * as v from 'valibot';
import type { Role, SessionUser } from '$lib/contract/auth';
import {
	ChangePasswordSchema,
	MemberInviteSchema,
	NewPasswordSchema,
	type MemberInvite
} from '$lib/contract/office';
import { runsAudits } from '$lib/domain/roles';
import { hashPassword, verifyPassword } from '../auth/password';
import { startSession } from '../auth/sessions';
import { isWellFormedToken, newSessionToken, sessionIdOf } from '../auth/session-token';
import type { Db } from '../db/connect';
import { getLocation } from '../repos/locations';
import { deleteSessionsOfUser } from '../repos/sessions';
import {
	consumeSignInLink,
	findUsableSignInLink,
	insertSignInLink,
	voidSignInLinksOfUser
} from '../repos/sign-in-links';
import { listLocationIdsOfUser, replaceLocationsOfUser } from '../repos/user-locations';
import {
	createUser,
	findUserByEmail,
	getUser,
	pageUsers,
	updateUser,
	type UserRecord
} from '../repos/users';
import { ServiceError } from '../service-error';
import type { ServiceContext } from './context';

/** How long a one-time sign-in link works. */
export const SIGN_IN_LINK_TTL_MS = 72 * 60 * 60 * 1000;

/** A member as the admin's people pages show them: never a hash. */
export interface Member {
	id: string;
	email: string;
	displayName: string;
	pseudonym: string;
	role: Role;
	fieldWork: boolean;
	active: boolean;
	createdAt: number;
}

function toMember(record: UserRecord): Member {
	return {
		id: record.id,
		email: record.email,
		displayName: record.displayName,
		pseudonym: record.pseudonym,
		role: record.role,
		fieldWork: record.fieldWork,
		active: !record.deactivatedAt,
		createdAt: record.createdAt
	};
}

/** Admins only: people of the organisation are the admin's to manage. */
export function requireAdmin(user: SessionUser): void {
	if (user.role !== 'admin') {
		throw new ServiceError('forbidden', 'forbidden', 'Only admins manage people.');
	}
}

function invalid(code: string, issues: readonly v.BaseIssue<unknown>[] | string): ServiceError {
	if (typeof issues === 'string') return new ServiceError('invalid', code, issues);
	const issue = issues[0];
	return new ServiceError('invalid', code, issue?.message ?? 'Invalid input.', {
		field: issue?.path?.map((p) => String(p.key)).join('.') ?? ''
	});
}

/** Parses an invitation with the contract; invalid `invalid_member` naming the field. */
export function parseInvite(input: unknown): MemberInvite {
	const parsed = v.safeParse(MemberInviteSchema, input);
	if (!parsed.success) throw invalid('invalid_member', parsed.issues);
	return parsed.output;
}

/** A page of the organisation's members by email. Admins only. */
export async function listMembers(
	ctx: ServiceContext,
	user: SessionUser,
	query: { cursor?: string | null; limit?: number }
): Promise<{ items: Member[]; nextCursor: string | null }> {
	requireAdmin(user);
	const limit = Math.min(Math.max(1, Math.trunc(query.limit ?? 50)), 100);
	let after: string | null = null;
	if (query.cursor) {
		after = Buffer.from(query.cursor, 'base64url').toString('utf8');
		if (!after) {
			throw new ServiceError(
				'bad_request',
				'invalid_cursor',
				'The cursor is not one this API gave out.'
			);
		}
	}
	const rows = await pageUsers(ctx.db, user.organisation.id, after, limit + 1);
	const items = rows.slice(0, limit).map(toMember);
	const last = items.at(-1);
	return {
		items,
		nextCursor: rows.length > limit && last ? Buffer.from(last.email).toString('base64url') : null
	};
}

/** One member with the locations they were given (report readers). Admins only. */
export async function readMember(
	ctx: ServiceContext,
	user: SessionUser,
	id: string
): Promise<Member & { locationIds: string[] }> {
	requireAdmin(user);
	const record = await memberOf(ctx.db, user, id);
	return {
		...toMember(record),
		locationIds: await listLocationIdsOfUser(ctx.db, user.organisation.id, id)
	};
}

async function memberOf(db: Db, user: SessionUser, id: string): Promise<UserRecord> {
	const record = await getUser(db, user.organisation.id, id);
	if (!record) throw new ServiceError('not_found', 'member_not_found', 'There is no such member.');
	return record;
}

/** A temporary password: 14 characters without look-alikes, ~80 bits. */
export function temporaryPassword(): string {
	const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
	let password = '';
	for (let i = 0; i < 14; i++) password += alphabet[randomInt(alphabet.length)];
	return password;
}

/** A hash no password matches: the member signs in first through their link. */
function unusablePasswordHash(): string {
	return `invited$${randomUUID()}`;
}

async function newLink(db: Db, user: SessionUser, memberId: string, now: number): Promise<string> {
	await voidSignInLinksOfUser(db, memberId, now);
	const token = newSessionToken();
	await insertSignInLink(db, {
		id: sessionIdOf(token),
		organisationId: user.organisation.id,
		userId: memberId,
		createdBy: user.id,
		createdAt: now,
		expiresAt: now + SIGN_IN_LINK_TTL_MS,
		usedAt: null
	});
	return token;
}

/** What an invitation hands back once: a link token or a temporary password. */
export interface Invitation {
	member: Member;
	/** The one-time link's token (the link is `/welcome/<token>`); stored only hashed. */
	linkToken: string | null;
	expiresAt: number | null;
	temporaryPassword: string | null;
}

/**
 * Invites a member: a new user of the organisation with a one-time sign-in link (single use,
 * expiring after SIGN_IN_LINK_TTL_MS, stored hashed) or a temporary password shown once. Admins
 * only; conflict `email_taken` when the email has an account; shoppers need a pseudonym.
 */
export async function inviteMember(
	ctx: ServiceContext,
	user: SessionUser,
	input: MemberInvite,
	now: number
): Promise<Invitation> {
	requireAdmin(user);
	const fieldWork = input.role === 'shopper';
	if (runsAudits({ role: input.role, fieldWork }) && !input.pseudonym) {
		throw new ServiceError(
			'invalid',
			'invalid_member',
			'A shopper needs a pseudonym: reports show it instead of their name.',
			{ field: 'pseudonym' }
		);
	}
	if (await findUserByEmail(ctx.db, input.email)) {
		throw new ServiceError('conflict', 'email_taken', 'This email already has an account.', {
			field: 'email'
		});
	}
	const password = input.method === 'password' ? temporaryPassword() : null;
	const passwordHash = password ? await hashPassword(password) : unusablePasswordHash();
	return ctx.db.transaction().execute(async (trx) => {
		const record = await createUser(trx, {
			id: randomUUID(),
			organisationId: user.organisation.id,
			email: input.email,
			displayName: input.displayName,
			pseudonym: input.pseudonym || input.displayName,
			role: input.role,
			fieldWork,
			passwordHash,
			createdAt: now
		});
		const linkToken = password ? null : await newLink(trx, user, record.id, now);
		return {
			member: toMember(record),
			linkToken,
			expiresAt: linkToken ? now + SIGN_IN_LINK_TTL_MS : null,
			temporaryPassword: password
		};
	});
}

/** A new one-time link for a member (earlier unused links stop working). Admins only. */
export async function issueSignInLink(
	ctx: ServiceContext,
	user: SessionUser,
	id: string,
	now: number
): Promise<{ linkToken: string; expiresAt: number }> {
	requireAdmin(user);
	const record = await memberOf(ctx.db, user, id);
	if (record.deactivatedAt) throw deactivated();
	return { linkToken: await newLink(ctx.db, user, id, now), expiresAt: now + SIGN_IN_LINK_TTL_MS };
}

/** Sets what reports show for a member instead of their name. Admins only. */
export async function setPseudonym(
	ctx: ServiceContext,
	user: SessionUser,
	id: string,
	pseudonym: string
): Promise<Member> {
	requireAdmin(user);
	const value = pseudonym.trim();
	const parsed = v.safeParse(MemberInviteSchema.entries.pseudonym, value);
	if (!parsed.success || !value) {
		throw new ServiceError(
			'invalid',
			'invalid_pseudonym',
			'Write a pseudonym (at most 100 characters).',
			{
				field: 'pseudonym'
			}
		);
	}
	await memberOf(ctx.db, user, id);
	await updateUser(ctx.db, user.organisation.id, id, { pseudonym: value });
	return toMember(await memberOf(ctx.db, user, id));
}

/**
 * Deactivates a member: every session ends at once (deleted, and the session check refuses a
 * deactivated member besides), sign-in and unused links are refused; their audits and data stay.
 * Admins only; an admin cannot deactivate themselves.
 */
export async function deactivateMember(
	ctx: ServiceContext,
	user: SessionUser,
	id: string,
	now: number
): Promise<Member> {
	requireAdmin(user);
	if (id === user.id) {
		throw new ServiceError('conflict', 'cannot_deactivate_self', 'You cannot deactivate yourself.');
	}
	await memberOf(ctx.db, user, id);
	await ctx.db.transaction().execute(async (trx) => {
		await updateUser(trx, user.organisation.id, id, { deactivatedAt: now });
		await deleteSessionsOfUser(trx, id);
		await voidSignInLinksOfUser(trx, id, now);
	});
	return toMember(await memberOf(ctx.db, user, id));
}

/** Lets a deactivated member sign in again (with their password). Admins only. */
export async function reactivateMember(
	ctx: ServiceContext,
	user: SessionUser,
	id: string
): Promise<Member> {
	requireAdmin(user);
	await memberOf(ctx.db, user, id);
	await updateUser(ctx.db, user.organisation.id, id, { deactivatedAt: null });
	return toMember(await memberOf(ctx.db, user, id));
}

/**
 * Resets a member's password to a temporary one shown once; their sessions end (a tablet keeps
 * its unsynced work and asks them to sign in again). Admins only.
 */
export async function resetPassword(
	ctx: ServiceContext,
	user: SessionUser,
	id: string
): Promise<{ temporaryPassword: string }> {
	requireAdmin(user);
	const record = await memberOf(ctx.db, user, id);
	if (record.deactivatedAt) throw deactivated();
	const password = temporaryPassword();
	const passwordHash = await hashPassword(password);
	await ctx.db.transaction().execute(async (trx) => {
		await updateUser(trx, user.organisation.id, id, { passwordHash });
		await deleteSessionsOfUser(trx, id);
	});
	return { temporaryPassword: password };
}

/**
 * Everyone changes their own password, giving the current one (invalid `wrong_password`
 * otherwise); their other sessions end, this one stays.
 */
export async function changeOwnPassword(
	ctx: ServiceContext,
	user: SessionUser,
	sessionId: string | null,
	input: unknown
): Promise<void> {
	const parsed = v.safeParse(ChangePasswordSchema, input);
	if (!parsed.success) throw invalid('invalid_password', parsed.issues);
	const record = await getUser(ctx.db, user.organisation.id, user.id);
	if (!record) throw new ServiceError('unauthenticated', 'unauthenticated', 'Sign in to continue.');
	if (!(await verifyPassword(parsed.output.currentPassword, record.passwordHash))) {
		throw new ServiceError('invalid', 'wrong_password', 'The current password is not right.', {
			field: 'currentPassword'
		});
	}
	const passwordHash = await hashPassword(parsed.output.newPassword);
	await ctx.db.transaction().execute(async (trx) => {
		await updateUser(trx, user.organisation.id, user.id, { passwordHash });
		await deleteSessionsOfUser(trx, user.id, sessionId);
	});
}

/** Gives a report reader these locations (all the organisation's). Admins only. */
export async function setViewerLocations(
	ctx: ServiceContext,
	user: SessionUser,
	id: string,
	locationIds: readonly string[]
): Promise<string[]> {
	requireAdmin(user);
	const record = await memberOf(ctx.db, user, id);
	if (record.role !== 'viewer') {
		throw new ServiceError('invalid', 'not_a_viewer', 'Only report readers are given locations.');
	}
	const unique = [...new Set(locationIds)];
	for (const locationId of unique) {
		if (!(await getLocation(ctx.db, user.organisation.id, locationId))) {
			throw new ServiceError('invalid', 'unknown_location', 'There is no such location.', {
				locationId
			});
		}
	}
	await ctx.db
		.transaction()
		.execute((trx) => replaceLocationsOfUser(trx, user.organisation.id, id, unique));
	return listLocationIdsOfUser(ctx.db, user.organisation.id, id);
}

/** Who a usable link is for (the welcome page greets them); not_found `link_invalid` otherwise. */
export async function checkSignInLink(
	ctx: ServiceContext,
	token: string,
	now: number
): Promise<{ email: string; displayName: string }> {
	const link = isWellFormedToken(token)
		? await findUsableSignInLink(ctx.db, sessionIdOf(token), now)
		: undefined;
	const member = link && (await getUser(ctx.db, link.organisationId, link.userId));
	if (!link || !member || member.deactivatedAt) throw linkInvalid();
	return { email: member.email, displayName: member.displayName };
}

/**
 * Uses a one-time link: sets the member's password and starts a session, in one transaction
 * whose first step marks the link used — so a used, expired or unknown link is refused
 * (`link_invalid`) and two uses at once give one session.
 */
export async function redeemSignInLink(
	ctx: ServiceContext,
	token: string,
	newPassword: string,
	now: number
): Promise<{ token: string; sessionId: string; expiresAt: number }> {
	const parsed = v.safeParse(NewPasswordSchema, newPassword);
	if (!parsed.success) throw invalid('invalid_password', parsed.issues);
	if (!isWellFormedToken(token)) throw linkInvalid();
	const id = sessionIdOf(token);
	const link = await findUsableSignInLink(ctx.db, id, now);
	if (!link) throw linkInvalid();
	const passwordHash = await hashPassword(parsed.output);
	return ctx.db.transaction().execute(async (trx) => {
		if (!(await consumeSignInLink(trx, id, now))) throw linkInvalid();
		const member = await getUser(trx, link.organisationId, link.userId);
		if (!member || member.deactivatedAt) throw linkInvalid();
		await updateUser(trx, link.organisationId, link.userId, { passwordHash });
		return startSession(trx, link.userId, now);
	});
}

function linkInvalid(): ServiceError {
	return new ServiceError(
		'not_found',
		'link_invalid',
		'This sign-in link was used already, has expired, or does not exist. Ask your admin for a new one.'
	);
}

function deactivated(): ServiceError {
	return new ServiceError('conflict', 'member_deactivated', 'This member is deactivated.');
}
