import type { Selectable } from 'kysely';
import type { Role, SessionUser } from '$lib/contract/auth';
import type { Db } from '../db/connect';
import type { UserTable } from '../db/schema';
import type { Organisation } from './organisations';

/** A user as stored, including the password hash: never send this to a client. */
export interface UserRecord {
	id: string;
	organisationId: string;
	email: string;
	displayName: string;
	pseudonym: string;
	role: Role;
	/** Runs audits on a device: every shopper, and managers or admins who choose to. */
	fieldWork: boolean;
	passwordHash: string;
	createdAt: number;
	/** When an admin deactivated them (null: active); optional when creating. */
	deactivatedAt?: number | null;
}

function toRecord(row: Selectable<UserTable>): UserRecord {
	return {
		id: row.id,
		organisationId: row.organisation_id,
		email: row.email,
		displayName: row.display_name,
		pseudonym: row.pseudonym,
		role: row.role,
		fieldWork: Number(row.field_work) === 1,
		passwordHash: row.password_hash,
		createdAt: Number(row.created_at),
		deactivatedAt: row.deactivated_at === null ? null : Number(row.deactivated_at)
	};
}

/** Inserts a user; the email is stored lower-cased and is unique across the service. */
export async function createUser(db: Db, user: UserRecord): Promise<UserRecord> {
	const record = { ...user, email: user.email.trim().toLowerCase() };
	await db
		.insertInto('users')
		.values({
			id: record.id,
			organisation_id: record.organisationId,
			email: record.email,
			display_name: record.displayName,
			pseudonym: record.pseudonym,
			role: record.role,
			field_work: record.fieldWork ? 1 : 0,
			password_hash: record.passwordHash,
			created_at: record.createdAt
		})
		.execute();
	return { ...record, deactivatedAt: record.deactivatedAt ?? null };
}

/** The user with this email (compared lower-cased), or undefined. Used by sign-in only. */
export async function findUserByEmail(db: Db, email: string): Promise<UserRecord | undefined> {
	const row = await db
		.selectFrom('users')
		.selectAll()
		.where('email', '=', email.trim().toLowerCase())
		.executeTakeFirst();
	return row && toRecord(row);
}

/** The user with this id in this organisation, or undefined: another tenant's user is not found. */
export async function getUser(
	db: Db,
	organisationId: string,
	id: string
): Promise<UserRecord | undefined> {
	const row = await db
		.selectFrom('users')
		.selectAll()
		.where('id', '=', id)
		.where('organisation_id', '=', organisationId)
		.executeTakeFirst();
	return row && toRecord(row);
}

/** Every user of an organisation, by email. */
export async function listUsers(db: Db, organisationId: string): Promise<UserRecord[]> {
	const rows = await db
		.selectFrom('users')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.orderBy('email')
		.execute();
	return rows.map(toRecord);
}

/** What the device may know of a user: no hash, with the organisation's name. */
export function toSessionUser(user: UserRecord, organisation: Organisation): SessionUser {
	return {
		id: user.id,
		email: user.email,
		displayName: user.displayName,
		pseudonym: user.pseudonym,
		role: user.role,
		fieldWork: user.fieldWork,
		organisation: { id: organisation.id, name: organisation.name }
	};
}

/** One page of an organisation's members by email, after `afterEmail` (served by users_org_email). */
export async function pageUsers(
	db: Db,
	organisationId: string,
	afterEmail: string | null,
	limit: number
): Promise<UserRecord[]> {
	const rows = await userPageQuery(db, organisationId, afterEmail, limit).execute();
	return rows.map(toRecord);
}

/** The query of `pageUsers` (query-plans.test.ts asks the planners about it). */
export function userPageQuery(
	db: Db,
	organisationId: string,
	afterEmail: string | null,
	limit: number
) {
	let select = db.selectFrom('users').selectAll().where('organisation_id', '=', organisationId);
	if (afterEmail !== null) select = select.where('email', '>', afterEmail);
	return select.orderBy('email').limit(limit);
}

/** Changes a member's profile fields; false when the organisation has no such member. */
export async function updateUser(
	db: Db,
	organisationId: string,
	id: string,
	changes: Partial<{
		pseudonym: string;
		displayName: string;
		passwordHash: string;
		deactivatedAt: number | null;
	}>
): Promise<boolean> {
	const set: Record<string, unknown> = {};
	if (changes.pseudonym !== undefined) set.pseudonym = changes.pseudonym;
	if (changes.displayName !== undefined) set.display_name = changes.displayName;
	if (changes.passwordHash !== undefined) set.password_hash = changes.passwordHash;
	if (changes.deactivatedAt !== undefined) set.deactivated_at = changes.deactivatedAt;
	const result = await db
		.updateTable('users')
		.set(set)
		.where('organisation_id', '=', organisationId)
		.where('id', '=', id)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}
