import { randomBytes } from 'node:crypto';
import * as v from 'valibot';
import type { SessionUser } from '$lib/contract/auth';
import {
	JourneyTemplateSchema,
	TEMPLATE_DOCUMENT_FORMAT,
	TemplateDocumentSchema,
	type CreateTemplateRequest,
	type TemplateDocument,
	type TemplateSummary
} from '$lib/contract/templates';
import { BUILTIN_TEMPLATES, deriveCompetitorTemplate } from '$lib/domain/builtin-templates';
import { reviewsAudits } from '$lib/domain/roles';
import { checkTemplate, type TemplateProblem } from '$lib/domain/template-check';
import { diffTemplates, type TemplateChange } from '$lib/domain/template-diff';
import type { JourneyTemplate, LocalizedText } from '$lib/domain/types';
import type { Db } from '../db/connect';
import {
	findTemplateDraft,
	insertTemplateDraft,
	listTemplateDrafts,
	listTemplateVersions,
	markTemplatePublished,
	setTemplateArchived,
	updateTemplateDraft,
	type TemplateDraftRecord
} from '../repos/template-drafts';
import { getTemplate, publishTemplate } from '../repos/templates';
import { ServiceError } from '../service-error';
import { importTemplateCsv, type CsvProblem } from '../templates/template-csv';
import type { ServiceContext } from './context';
import { decodeKeysetCursor, encodeKeysetCursor } from './keyset-cursor';

/**
 * The journey builder's use cases (issue 9): managers and admins of an organisation list,
 * create, edit (autosaved drafts, conflict-safe by revision), publish (immutable versions,
 * checked by the domain's `checkTemplate`), archive, compare, import and export templates.
 * Everything is scoped to the caller's organisation: another organisation's id is not_found.
 */

export const TEMPLATE_PAGE_SIZE = 25;

/** Managers and admins build templates; viewers and shoppers are refused. */
export function requireTemplateWork(user: SessionUser): void {
	if (!reviewsAudits(user)) {
		throw new ServiceError('forbidden', 'forbidden', 'Only managers and admins build templates.');
	}
}

/** What the editor and `GET /api/templates/{id}` show of one template. */
export interface TemplateDetail {
	id: string;
	draft: JourneyTemplate;
	revision: number;
	latestVersion: number;
	archived: boolean;
	linkedTemplateId: string | null;
	/** The stage keys of the linked own-store template's latest version, which this one must keep. */
	linkedStageKeys: string[];
	versions: { version: number; publishedAt: number }[];
	/** The draft's problems now (what publishing would refuse with). */
	problems: TemplateProblem[];
	updatedAt: number;
}

function summaryOf(record: TemplateDraftRecord, published?: JourneyTemplate): TemplateSummary {
	return {
		id: record.id,
		name: record.name,
		locationKind: record.locationKind,
		latestVersion: record.latestVersion,
		draftRevision: record.revision,
		unpublishedChanges:
			published === undefined ||
			JSON.stringify({ ...published, version: 0 }) !==
				JSON.stringify({ ...record.draft, version: 0 }),
		archived: record.archivedAt !== null,
		linkedTemplateId: record.linkedTemplateId,
		updatedAt: record.updatedAt
	};
}

async function headOf(db: Db, user: SessionUser, id: string): Promise<TemplateDraftRecord> {
	const record = await findTemplateDraft(db, user.organisation.id, id);
	if (!record)
		throw new ServiceError('not_found', 'template_not_found', 'There is no such template.');
	return record;
}

/** One page of the organisation's templates, most recently changed first. */
export async function listTemplatesPage(
	ctx: ServiceContext,
	user: SessionUser,
	cursor: string | null
): Promise<{ templates: TemplateSummary[]; next: string | null }> {
	requireTemplateWork(user);
	const after = cursor ? decodeKeysetCursor(cursor) : undefined;
	const rows = await listTemplateDrafts(ctx.db, user.organisation.id, {
		limit: TEMPLATE_PAGE_SIZE + 1,
		after
	});
	const page = rows.slice(0, TEMPLATE_PAGE_SIZE);
	const templates = await Promise.all(
		page.map(async (record) =>
			summaryOf(
				record,
				record.latestVersion > 0
					? await getTemplate(ctx.db, user.organisation.id, record.id, record.latestVersion)
					: undefined
			)
		)
	);
	const last = page.at(-1);
	return {
		templates,
		next:
			rows.length > TEMPLATE_PAGE_SIZE && last ? encodeKeysetCursor(last.updatedAt, last.id) : null
	};
}

/** A fresh template id: `tpl-` and 12 random hex digits. */
function newTemplateId(): string {
	return `tpl-${randomBytes(6).toString('hex')}`;
}

/** A fresh stage key or checkpoint id; made once, never from a title. */
export function newKey(prefix: 'st' | 'cp' | 'op'): string {
	return `${prefix}-${randomBytes(5).toString('hex')}`;
}

async function latestOf(db: Db, user: SessionUser, id: string): Promise<JourneyTemplate> {
	const record = await headOf(db, user, id);
	if (record.latestVersion > 0) {
		const published = await getTemplate(db, user.organisation.id, id, record.latestVersion);
		if (published) return published;
	}
	return record.draft;
}

async function insertNew(
	db: Db,
	user: SessionUser,
	template: Omit<JourneyTemplate, 'id' | 'version'>,
	linkedTemplateId: string | null,
	now: number
): Promise<TemplateDetail> {
	const id = newTemplateId();
	const draft = { ...template, id, version: 1 } as JourneyTemplate;
	await insertTemplateDraft(db, {
		organisationId: user.organisation.id,
		id,
		draft,
		revision: 1,
		latestVersion: 0,
		archivedAt: null,
		linkedTemplateId,
		createdAt: now,
		updatedAt: now,
		updatedBy: user.id
	});
	return getTemplateDetail({ db, dataDir: '' }, user, id);
}

/** A new draft: blank, a copy of any template (its latest or a named version), a built-in, or a competitor template linked to an own-store one. */
export async function createTemplate(
	ctx: ServiceContext,
	user: SessionUser,
	request: CreateTemplateRequest,
	now: number
): Promise<TemplateDetail> {
	requireTemplateWork(user);
	const db = ctx.db;
	switch (request.from) {
		case 'blank':
			return insertNew(
				db,
				user,
				{
					name: { en: request.name },
					locationKind: 'any',
					stages: [
						{
							id: newKey('st'),
							title: { en: '' },
							weight: 1,
							checkpoints: []
						}
					]
				},
				null,
				now
			);
		case 'builtin': {
			const builtin = BUILTIN_TEMPLATES.find((t) => t.id === request.builtinId);
			if (!builtin)
				throw new ServiceError(
					'not_found',
					'builtin_not_found',
					'There is no such built-in template.'
				);
			return insertNew(db, user, structuredClone(builtin), null, now);
		}
		case 'copy': {
			const source =
				request.version === undefined
					? await latestOf(db, user, request.templateId)
					: await getTemplate(db, user.organisation.id, request.templateId, request.version);
			if (!source)
				throw new ServiceError(
					'not_found',
					'template_not_found',
					'There is no such template version.'
				);
			const name: LocalizedText = { ...source.name, en: `${source.name.en} (copy)` };
			return insertNew(db, user, { ...structuredClone(source), name }, null, now);
		}
		case 'competitor': {
			const own = await latestOf(db, user, request.templateId);
			if (own.locationKind === 'competitor') {
				throw new ServiceError(
					'invalid',
					'not_own_store_template',
					'Link a competitor template to an own-store template.'
				);
			}
			const derived = deriveCompetitorTemplate(own, [], {
				id: own.id,
				version: 1,
				name: { ...own.name, en: `${own.name.en} (competitor)` },
				description: own.description
			});
			return insertNew(db, user, structuredClone(derived), request.templateId, now);
		}
	}
}

/** The stage keys a (linked) template must keep: its own-store template's latest version's. */
async function linkedStageKeysOf(
	db: Db,
	user: SessionUser,
	record: TemplateDraftRecord
): Promise<string[]> {
	if (!record.linkedTemplateId) return [];
	const own = await findTemplateDraft(db, user.organisation.id, record.linkedTemplateId);
	if (!own) return [];
	const source =
		own.latestVersion > 0
			? await getTemplate(db, user.organisation.id, own.id, own.latestVersion)
			: own.draft;
	return (source ?? own.draft).stages.map((stage) => stage.id);
}

/** One template as the editor opens it. */
export async function getTemplateDetail(
	ctx: ServiceContext,
	user: SessionUser,
	id: string
): Promise<TemplateDetail> {
	requireTemplateWork(user);
	const record = await headOf(ctx.db, user, id);
	const linkedStageKeys = await linkedStageKeysOf(ctx.db, user, record);
	return {
		id: record.id,
		draft: record.draft,
		revision: record.revision,
		latestVersion: record.latestVersion,
		archived: record.archivedAt !== null,
		linkedTemplateId: record.linkedTemplateId,
		linkedStageKeys,
		versions: await listTemplateVersions(ctx.db, user.organisation.id, id),
		problems: checkTemplate(record.draft, { linkedStageKeys }),
		updatedAt: record.updatedAt
	};
}

/**
 * Saves the whole draft made on `revision`. Someone else's save since → conflict `draft_conflict`
 * with the current revision (nothing changes). The id and version are the server's: the draft
 * always aims at the next version.
 */
export async function saveTemplateDraft(
	ctx: ServiceContext,
	user: SessionUser,
	id: string,
	input: { revision: number; template: JourneyTemplate },
	now: number
): Promise<{ revision: number; problems: TemplateProblem[] }> {
	requireTemplateWork(user);
	const record = await headOf(ctx.db, user, id);
	const draft: JourneyTemplate = { ...input.template, id, version: record.latestVersion + 1 };
	const revision = await updateTemplateDraft(
		ctx.db,
		user.organisation.id,
		id,
		input.revision,
		draft,
		user.id,
		now
	);
	if (revision === null) {
		const current = await headOf(ctx.db, user, id);
		throw new ServiceError(
			'conflict',
			'draft_conflict',
			'Someone saved this draft meanwhile; reload it to see their changes.',
			{ revision: current.revision }
		);
	}
	return {
		revision,
		problems: checkTemplate(draft, {
			linkedStageKeys: await linkedStageKeysOf(ctx.db, user, record)
		})
	};
}

/**
 * Publishes the draft at `revision` as the next immutable version, when `checkTemplate` finds
 * nothing; otherwise invalid `template_invalid` with every problem (path-named) and nothing
 * stored. Audits on earlier versions keep theirs; new audits use the new one.
 */
export async function publishTemplateDraft(
	ctx: ServiceContext,
	user: SessionUser,
	id: string,
	revision: number,
	now: number
): Promise<{ version: number; revision: number }> {
	requireTemplateWork(user);
	return ctx.db.transaction().execute(async (trx) => {
		const record = await headOf(trx, user, id);
		if (record.revision !== revision) {
			throw new ServiceError(
				'conflict',
				'draft_conflict',
				'The draft changed since you saw it; publish what is saved now after a look.',
				{ revision: record.revision }
			);
		}
		if (record.archivedAt !== null) {
			throw new ServiceError(
				'conflict',
				'template_archived',
				'Restore the template before publishing it.'
			);
		}
		const version = record.latestVersion + 1;
		const template: JourneyTemplate = { ...record.draft, id, version };
		const problems = checkTemplate(template, {
			linkedStageKeys: await linkedStageKeysOf(trx, user, record)
		});
		if (problems.length > 0) {
			throw new ServiceError(
				'invalid',
				'template_invalid',
				`The template has ${problems.length} problem(s); nothing was published.`,
				{ problems }
			);
		}
		await publishTemplate(trx, user.organisation.id, template, now);
		const marked = await markTemplatePublished(
			trx,
			user.organisation.id,
			id,
			revision,
			version,
			{ ...template, version: version + 1 },
			user.id,
			now
		);
		if (!marked) {
			throw new ServiceError('conflict', 'draft_conflict', 'The draft changed while publishing.');
		}
		return { version, revision: revision + 1 };
	});
}

/** Archives (no new visits; its versions and audits stay) or restores a template. */
export async function setTemplateArchive(
	ctx: ServiceContext,
	user: SessionUser,
	id: string,
	archived: boolean,
	now: number
): Promise<{ archived: boolean }> {
	requireTemplateWork(user);
	await headOf(ctx.db, user, id);
	await setTemplateArchived(ctx.db, user.organisation.id, id, archived ? now : null, now);
	return { archived };
}

/**
 * For planning visits: refuses (conflict `template_archived`) a template the organisation has
 * archived, and not_found one it does not have. Visits on published versions only.
 */
export async function assertTemplateOpenForVisits(
	db: Db,
	organisationId: string,
	id: string
): Promise<void> {
	const record = await findTemplateDraft(db, organisationId, id);
	if (!record)
		throw new ServiceError('not_found', 'template_not_found', 'There is no such template.');
	if (record.archivedAt !== null) {
		throw new ServiceError(
			'conflict',
			'template_archived',
			'This template is archived: no new visits on it.'
		);
	}
}

/** One published version (immutable), as the export document. */
export async function exportTemplateVersion(
	ctx: ServiceContext,
	user: SessionUser,
	id: string,
	version: number
): Promise<TemplateDocument> {
	requireTemplateWork(user);
	const record = await headOf(ctx.db, user, id);
	const template = await getTemplate(ctx.db, user.organisation.id, id, version);
	if (!template)
		throw new ServiceError('not_found', 'version_not_found', 'There is no such version.');
	return {
		format: TEMPLATE_DOCUMENT_FORMAT,
		formatVersion: 1,
		linkedTemplateId: record.linkedTemplateId,
		template: template as TemplateDocument['template']
	};
}

/** What changed from version `from` to version `to` (0 for `to` means the current draft). */
export async function diffTemplateVersions(
	ctx: ServiceContext,
	user: SessionUser,
	id: string,
	from: number,
	to: number
): Promise<{ from: number; to: number; changes: TemplateChange[] }> {
	requireTemplateWork(user);
	const record = await headOf(ctx.db, user, id);
	const load = async (version: number) => {
		if (version === 0) return record.draft;
		const template = await getTemplate(ctx.db, user.organisation.id, id, version);
		if (!template)
			throw new ServiceError('not_found', 'version_not_found', `There is no version ${version}.`);
		return template;
	};
	return { from, to, changes: diffTemplates(await load(from), await load(to)) };
}

/** Problems of an import file: where (a path or a row and column) and what. */
export type ImportProblem = { path: string; code?: string; message: string } | CsvProblem;

function invalidImport(problems: ImportProblem[]): ServiceError {
	return new ServiceError(
		'invalid',
		'import_invalid',
		`The file has ${problems.length} problem(s); nothing was imported.`,
		{ problems }
	);
}

/**
 * A new draft from a template document (docs/template-schema.md): the structure is checked by the
 * contract, the content by `checkTemplate`; any problem refuses the whole file, storing nothing.
 * The template gets a new id here (its stage and checkpoint keys are kept).
 */
export async function importTemplateDocument(
	ctx: ServiceContext,
	user: SessionUser,
	document: unknown,
	now: number
): Promise<TemplateDetail> {
	requireTemplateWork(user);
	const parsed = v.safeParse(TemplateDocumentSchema, document);
	if (!parsed.success) {
		throw invalidImport(
			parsed.issues.map((issue) => ({
				path: v.getDotPath(issue) ?? '(file)',
				message: issue.message
			}))
		);
	}
	const template = parsed.output.template as JourneyTemplate;
	const problems = checkTemplate(template);
	if (problems.length > 0) {
		throw invalidImport(problems.map((p) => ({ path: p.path, code: p.code, message: p.message })));
	}
	return insertNew(ctx.db, user, template, null, now);
}

/** A new draft from a spreadsheet (CSV); every problem with its row and column, or nothing stored. */
export async function importTemplateSpreadsheet(
	ctx: ServiceContext,
	user: SessionUser,
	input: { csv: string; name: LocalizedText; locationKind?: JourneyTemplate['locationKind'] },
	now: number
): Promise<TemplateDetail & { checkpoints: number }> {
	requireTemplateWork(user);
	if (input.name.en.trim() === '') {
		throw invalidImport([{ path: 'name.en', message: 'The template needs an English name' }]);
	}
	const result = importTemplateCsv(input.csv, {
		id: 'import',
		name: input.name,
		locationKind: input.locationKind
	});
	if (!result.ok) throw invalidImport(result.problems);
	const structure = v.safeParse(JourneyTemplateSchema, result.template);
	if (!structure.success) {
		throw invalidImport(
			structure.issues.map((issue) => ({ path: v.getDotPath(issue) ?? '', message: issue.message }))
		);
	}
	const detail = await insertNew(ctx.db, user, result.template, null, now);
	return { ...detail, checkpoints: result.checkpoints };
}
