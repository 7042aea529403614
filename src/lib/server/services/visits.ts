import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import type { SessionUser } from '$lib/contract/auth';
import { problemOfIssue, type CodedProblem } from '$lib/contract/form-problem';
import {
	VisitInputSchema,
	WaveInputSchema,
	type VisitInput,
	type WaveInput
} from '$lib/contract/office';
import { runsAudits } from '$lib/domain/roles';
import type { LocalizedText } from '$lib/domain/types';
import {
	outsideWindow,
	serverProgress,
	visitState,
	type VisitState
} from '$lib/domain/visit-state';
import type { Db } from '../db/connect';
import {
	getAssignment,
	insertAssignments,
	newestAuditsOf,
	pageVisits,
	updateUnstartedAssignment,
	type NewAssignment,
	type VisitRow
} from '../repos/assignments';
import { getLocation } from '../repos/locations';
import { findTemplateDraft } from '../repos/template-drafts';
import { getTemplate, listTemplates } from '../repos/templates';
import { getUser, listUsers } from '../repos/users';
import { ServiceError } from '../service-error';
import { requireReviewWork } from './audit-access';
import type { ServiceContext } from './context';
import { decodeKeysetCursor, encodeKeysetCursor } from './keyset-cursor';

/** The longest window a visit may have. */
export const MAX_WINDOW_MS = 366 * 24 * 60 * 60 * 1000;

/** One visit as the office lists it. */
export interface OfficeVisit {
	id: string;
	templateId: string;
	templateVersion: number;
	location: { id: string; name: string; kind: 'own' | 'competitor'; timeZone: string };
	shopper: { id: string; pseudonym: string };
	windowStart: number;
	windowEnd: number;
	brief: LocalizedText;
	status: 'open' | 'done' | 'cancelled';
	/** Derived (visit-state.ts): open, in_progress, done, overdue or cancelled. */
	state: VisitState;
	auditId: string | null;
	/** The audit began (time-in) or was handed in outside the window: shown to the reviewer. */
	startedOutsideWindow: boolean;
	submittedOutsideWindow: boolean;
}

export function toOfficeVisit(row: VisitRow, now: number): OfficeVisit {
	const audit = row.audit;
	return {
		id: row.id,
		templateId: row.templateId,
		templateVersion: row.templateVersion,
		location: {
			id: row.location.id,
			name: row.location.name,
			kind: row.location.kind,
			timeZone: row.timeZone
		},
		shopper: { id: row.shopperId, pseudonym: row.shopperPseudonym },
		windowStart: row.windowStart,
		windowEnd: row.windowEnd,
		brief: row.brief,
		status: row.status,
		state: visitState(row, serverProgress(audit?.state ?? null), now),
		auditId: audit?.id ?? null,
		startedOutsideWindow: audit?.timeIn != null && outsideWindow(row, audit.timeIn),
		submittedOutsideWindow: audit?.submittedAt != null && outsideWindow(row, audit.submittedAt)
	};
}

/**
 * What a form or body gets wrong: a field (for a wave, `visits.3.shopperId`), its stable code with
 * the values its sentence names (the office words it in the reader's language), and the English
 * sentence.
 */
export interface VisitProblem extends CodedProblem {
	field: string;
	message: string;
}

function invalidVisit(problems: VisitProblem[], code = 'invalid_visit'): ServiceError {
	return new ServiceError('invalid', code, problems[0]?.message ?? 'Invalid visit.', { problems });
}

/** Parses a visit with the contract; invalid `invalid_visit` with every problem. */
export function parseVisitInput(input: unknown): VisitInput {
	const parsed = v.safeParse(VisitInputSchema, input);
	if (!parsed.success) throw invalidVisit(issuesOf(parsed.issues));
	return parsed.output;
}

/** Parses a wave with the contract; invalid `invalid_wave` with every problem. */
export function parseWaveInput(input: unknown): WaveInput {
	const parsed = v.safeParse(WaveInputSchema, input);
	if (!parsed.success) throw invalidVisit(issuesOf(parsed.issues), 'invalid_wave');
	return parsed.output;
}

function issuesOf(issues: readonly v.BaseIssue<unknown>[]): VisitProblem[] {
	return issues.map((issue) => ({
		field: issue.path?.map((p) => String(p.key)).join('.') ?? '',
		...problemOfIssue(issue),
		message: issue.message
	}));
}

/** Checks the parts every visit shares; returns problems (empty: fine). */
async function checkCommon(
	db: Db,
	organisationId: string,
	input: Pick<VisitInput, 'templateId' | 'templateVersion' | 'windowStart' | 'windowEnd' | 'brief'>
): Promise<VisitProblem[]> {
	const problems: VisitProblem[] = [];
	if (!(await getTemplate(db, organisationId, input.templateId, input.templateVersion))) {
		problems.push({
			field: 'templateId',
			code: 'template_not_published',
			message: 'That template version is not published here.'
		});
	} else if ((await findTemplateDraft(db, organisationId, input.templateId))?.archivedAt != null) {
		// An archived journey takes no new visits (its audits and versions stay).
		problems.push({
			field: 'templateId',
			code: 'template_archived',
			message: 'This template is archived: no new visits on it.'
		});
	}
	if (!(input.windowEnd > input.windowStart)) {
		problems.push({
			field: 'windowEnd',
			code: 'window_not_after_start',
			message: 'The window must end after it starts.'
		});
	} else if (input.windowEnd - input.windowStart > MAX_WINDOW_MS) {
		problems.push({
			field: 'windowEnd',
			code: 'window_too_long',
			message: 'A window can be at most a year long.'
		});
	}
	if (!input.brief.en.trim()) {
		problems.push({
			field: 'brief.en',
			code: 'brief_english_missing',
			message: 'Write the brief in English (the fallback).'
		});
	}
	return problems;
}

/** Checks a location and shopper of the organisation; problems named with `prefix`. */
async function checkPlace(
	db: Db,
	organisationId: string,
	locationId: string,
	shopperId: string,
	prefix: string
): Promise<VisitProblem[]> {
	const problems: VisitProblem[] = [];
	const [location, shopper] = await Promise.all([
		getLocation(db, organisationId, locationId),
		getUser(db, organisationId, shopperId)
	]);
	if (!location) {
		problems.push({
			field: `${prefix}locationId`,
			code: 'no_such_location',
			message: 'There is no such location.'
		});
	} else if (location.archivedAt !== null) {
		problems.push({
			field: `${prefix}locationId`,
			code: 'location_archived',
			params: { name: location.name },
			message: `${location.name} is archived.`
		});
	}
	if (!shopper || !runsAudits(shopper)) {
		problems.push({
			field: `${prefix}shopperId`,
			code: 'not_a_shopper',
			message: 'Choose someone who runs visits.'
		});
	} else if (shopper.deactivatedAt) {
		problems.push({
			field: `${prefix}shopperId`,
			code: 'shopper_deactivated',
			params: { pseudonym: shopper.pseudonym },
			message: `${shopper.pseudonym} is deactivated.`
		});
	}
	return problems;
}

function newAssignment(
	organisationId: string,
	input: Omit<VisitInput, 'brief'> & { brief: LocalizedText },
	now: number
): NewAssignment {
	return {
		id: randomUUID(),
		organisationId,
		templateId: input.templateId,
		templateVersion: input.templateVersion,
		locationId: input.locationId,
		shopperId: input.shopperId,
		windowStart: input.windowStart,
		windowEnd: input.windowEnd,
		brief: cleanBrief(input.brief),
		status: 'open',
		updatedAt: now
	};
}

/** The brief without languages left empty. */
function cleanBrief(brief: LocalizedText): LocalizedText {
	const clean: LocalizedText = { en: brief.en.trim() };
	for (const locale of ['da', 'nb', 'pl'] as const) {
		const text = brief[locale]?.trim();
		if (text) clean[locale] = text;
	}
	return clean;
}

/** Plans one visit. Managers and admins; invalid `invalid_visit` with every problem. */
export async function planVisit(
	ctx: ServiceContext,
	user: SessionUser,
	input: VisitInput,
	now: number
): Promise<OfficeVisit> {
	requireReviewWork(user);
	const org = user.organisation.id;
	const problems = [
		...(await checkCommon(ctx.db, org, input)),
		...(await checkPlace(ctx.db, org, input.locationId, input.shopperId, ''))
	];
	if (problems.length > 0) throw invalidVisit(problems);
	const assignment = newAssignment(org, input, now);
	await insertAssignments(ctx.db, [assignment]);
	return readVisit(ctx, user, assignment.id, now);
}

/**
 * Plans a wave: one template version and window over many locations, a shopper per location, in
 * one transaction — a problem in any row refuses the whole wave (`invalid_wave`, every problem
 * named `visits.<index>.<field>`) and stores nothing.
 */
export async function planWave(
	ctx: ServiceContext,
	user: SessionUser,
	input: WaveInput,
	now: number
): Promise<{ visits: string[] }> {
	requireReviewWork(user);
	const org = user.organisation.id;
	const problems = await checkCommon(ctx.db, org, input);
	const seen = new Set<string>();
	for (const [index, row] of input.visits.entries()) {
		problems.push(
			...(await checkPlace(ctx.db, org, row.locationId, row.shopperId, `visits.${index}.`))
		);
		if (seen.has(row.locationId)) {
			problems.push({
				field: `visits.${index}.locationId`,
				code: 'location_twice',
				message: 'This location is in the wave twice.'
			});
		}
		seen.add(row.locationId);
	}
	if (problems.length > 0) throw invalidVisit(problems, 'invalid_wave');
	const rows = input.visits.map((row) =>
		newAssignment(org, { ...input, locationId: row.locationId, shopperId: row.shopperId }, now)
	);
	await ctx.db.transaction().execute(async (trx) => {
		// In chunks: SQLite takes at most 32766 bound values in one statement.
		for (let i = 0; i < rows.length; i += 100) await insertAssignments(trx, rows.slice(i, i + 100));
	});
	return { visits: rows.map((row) => row.id) };
}

/** What the office's visit list asks for. */
export interface VisitListQuery {
	state?: VisitState | null;
	locationId?: string | null;
	shopperId?: string | null;
	cursor?: string | null;
	limit?: number;
}

/** A page of the organisation's visits by window start. Managers and admins. */
export async function listVisitPage(
	ctx: ServiceContext,
	user: SessionUser,
	query: VisitListQuery,
	now: number
): Promise<{ items: OfficeVisit[]; nextCursor: string | null }> {
	requireReviewWork(user);
	const limit = Math.min(Math.max(1, Math.trunc(query.limit ?? 50)), 100);
	const rows = await pageVisits(ctx.db, user.organisation.id, {
		state: query.state ?? null,
		locationId: query.locationId || null,
		shopperId: query.shopperId || null,
		after: query.cursor ? decodeKeysetCursor(query.cursor) : null,
		limit: limit + 1,
		now
	});
	const items = rows.slice(0, limit).map((row) => toOfficeVisit(row, now));
	const last = items.at(-1);
	return {
		items,
		nextCursor: rows.length > limit && last ? encodeKeysetCursor(last.windowStart, last.id) : null
	};
}

/** One visit of the organisation; not_found for another organisation's id. */
export async function readVisit(
	ctx: ServiceContext,
	user: SessionUser,
	id: string,
	now: number
): Promise<OfficeVisit> {
	requireReviewWork(user);
	const visit = await findVisitRow(ctx.db, user.organisation.id, id);
	if (!visit) throw visitNotFound();
	return toOfficeVisit(visit, now);
}

async function findVisitRow(
	db: Db,
	organisationId: string,
	id: string
): Promise<VisitRow | undefined> {
	const assignment = await getAssignment(db, organisationId, id);
	if (!assignment) return undefined;
	const [location, shopper, audits] = await Promise.all([
		getLocation(db, organisationId, assignment.locationId),
		getUser(db, organisationId, assignment.shopperId),
		newestAuditsOf(db, organisationId, [id])
	]);
	return {
		...assignment,
		timeZone: location?.timeZone ?? 'UTC',
		shopperPseudonym: shopper?.pseudonym ?? '',
		audit: audits.get(id) ?? null
	};
}

/**
 * Changes an open visit nobody has started: conflict `visit_not_editable` once it is started,
 * done or cancelled (the tablet may hold it already; its audit keeps what it started on).
 */
export async function editVisit(
	ctx: ServiceContext,
	user: SessionUser,
	id: string,
	input: VisitInput,
	now: number
): Promise<OfficeVisit> {
	requireReviewWork(user);
	const org = user.organisation.id;
	if (!(await getAssignment(ctx.db, org, id))) throw visitNotFound();
	const problems = [
		...(await checkCommon(ctx.db, org, input)),
		...(await checkPlace(ctx.db, org, input.locationId, input.shopperId, ''))
	];
	if (problems.length > 0) throw invalidVisit(problems);
	const changed = await updateUnstartedAssignment(
		ctx.db,
		org,
		id,
		{ ...input, brief: cleanBrief(input.brief) },
		now
	);
	if (!changed) throw notEditable();
	return readVisit(ctx, user, id, now);
}

/** Cancels an open visit nobody has started (it leaves the shopper's tablet on the next pull). */
export async function cancelVisit(
	ctx: ServiceContext,
	user: SessionUser,
	id: string,
	now: number
): Promise<OfficeVisit> {
	requireReviewWork(user);
	const org = user.organisation.id;
	if (!(await getAssignment(ctx.db, org, id))) throw visitNotFound();
	if (!(await updateUnstartedAssignment(ctx.db, org, id, { status: 'cancelled' }, now))) {
		throw notEditable();
	}
	return readVisit(ctx, user, id, now);
}

/** What the planning forms offer: published, unarchived template versions (newest of each) and shoppers. */
export async function planningChoices(ctx: ServiceContext, user: SessionUser) {
	requireReviewWork(user);
	const org = user.organisation.id;
	const [templates, users] = await Promise.all([
		listTemplates(ctx.db, org),
		listUsers(ctx.db, org)
	]);
	const newest = new Map<string, { id: string; version: number; name: LocalizedText }>();
	for (const { template } of templates) {
		const known = newest.get(template.id);
		if (!known || known.version < template.version) {
			newest.set(template.id, { id: template.id, version: template.version, name: template.name });
		}
	}
	// Archived journeys take no new visits: not offered.
	const open = await Promise.all(
		[...newest.values()].map(async (t) => {
			const draft = await findTemplateDraft(ctx.db, org, t.id);
			return draft?.archivedAt != null ? null : t;
		})
	);
	return {
		templates: open
			.filter((t): t is NonNullable<typeof t> => t !== null)
			.sort((a, b) => a.id.localeCompare(b.id)),
		shoppers: users
			.filter((member) => runsAudits(member) && !member.deactivatedAt)
			.map((member) => ({
				id: member.id,
				pseudonym: member.pseudonym,
				displayName: member.displayName
			}))
	};
}

function visitNotFound(): ServiceError {
	return new ServiceError('not_found', 'visit_not_found', 'There is no such visit.');
}

function notEditable(): ServiceError {
	return new ServiceError(
		'conflict',
		'visit_not_editable',
		'Only an open visit that nobody has started can be changed or cancelled.'
	);
}
