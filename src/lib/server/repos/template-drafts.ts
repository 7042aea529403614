import type { JourneyTemplate, LocalizedText } from '$lib/domain/types';
import type { Db } from '../db/connect';

/** A template's head: its draft, its latest published version and its state. */
export interface TemplateDraftRecord {
	organisationId: string;
	id: string;
	name: LocalizedText;
	locationKind: JourneyTemplate['locationKind'];
	draft: JourneyTemplate;
	revision: number;
	latestVersion: number;
	archivedAt: number | null;
	linkedTemplateId: string | null;
	createdAt: number;
	updatedAt: number;
	updatedBy: string | null;
}

type Row = {
	organisation_id: string;
	id: string;
	name: string;
	location_kind: 'own' | 'competitor' | 'any';
	definition: string;
	revision: number;
	latest_version: number;
	archived_at: number | null;
	linked_template_id: string | null;
	created_at: number;
	updated_at: number;
	updated_by: string | null;
};

function toRecord(row: Row): TemplateDraftRecord {
	return {
		organisationId: row.organisation_id,
		id: row.id,
		name: JSON.parse(row.name) as LocalizedText,
		locationKind: row.location_kind,
		draft: JSON.parse(row.definition) as JourneyTemplate,
		revision: Number(row.revision),
		latestVersion: Number(row.latest_version),
		archivedAt: row.archived_at === null ? null : Number(row.archived_at),
		linkedTemplateId: row.linked_template_id,
		createdAt: Number(row.created_at),
		updatedAt: Number(row.updated_at),
		updatedBy: row.updated_by
	};
}

/** Inserts a new template head; false when the organisation already has that id. */
export async function insertTemplateDraft(
	db: Db,
	record: Omit<TemplateDraftRecord, 'name' | 'locationKind'>
): Promise<boolean> {
	const row = await db
		.insertInto('template_drafts')
		.values({
			organisation_id: record.organisationId,
			id: record.id,
			name: JSON.stringify(record.draft.name),
			location_kind: record.draft.locationKind,
			definition: JSON.stringify(record.draft),
			revision: record.revision,
			latest_version: record.latestVersion,
			archived_at: record.archivedAt,
			linked_template_id: record.linkedTemplateId,
			created_at: record.createdAt,
			updated_at: record.updatedAt,
			updated_by: record.updatedBy
		})
		.onConflict((oc) => oc.columns(['organisation_id', 'id']).doNothing())
		.returning('id')
		.executeTakeFirst();
	return row !== undefined;
}

/** The organisation's template head, or undefined. */
export async function findTemplateDraft(
	db: Db,
	organisationId: string,
	id: string
): Promise<TemplateDraftRecord | undefined> {
	const row = await db
		.selectFrom('template_drafts')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.where('id', '=', id)
		.executeTakeFirst();
	return row && toRecord(row as Row);
}

/**
 * Replaces the draft when it is still at `revision` (then revision + 1); returns the new
 * revision, or null when someone saved meanwhile (nothing changed).
 */
export async function updateTemplateDraft(
	db: Db,
	organisationId: string,
	id: string,
	revision: number,
	draft: JourneyTemplate,
	by: string,
	now: number
): Promise<number | null> {
	const result = await db
		.updateTable('template_drafts')
		.set({
			definition: JSON.stringify(draft),
			name: JSON.stringify(draft.name),
			location_kind: draft.locationKind,
			revision: revision + 1,
			updated_at: now,
			updated_by: by
		})
		.where('organisation_id', '=', organisationId)
		.where('id', '=', id)
		.where('revision', '=', revision)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1 ? revision + 1 : null;
}

/** Records a publication: latest version, the draft now aiming at the next one. */
export async function markTemplatePublished(
	db: Db,
	organisationId: string,
	id: string,
	revision: number,
	version: number,
	nextDraft: JourneyTemplate,
	by: string,
	now: number
): Promise<boolean> {
	const result = await db
		.updateTable('template_drafts')
		.set({
			definition: JSON.stringify(nextDraft),
			latest_version: version,
			revision: revision + 1,
			updated_at: now,
			updated_by: by
		})
		.where('organisation_id', '=', organisationId)
		.where('id', '=', id)
		.where('revision', '=', revision)
		.where('latest_version', '=', version - 1)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Archives (a time) or restores (null) a template; false when there is no such template. */
export async function setTemplateArchived(
	db: Db,
	organisationId: string,
	id: string,
	archivedAt: number | null,
	now: number
): Promise<boolean> {
	const result = await db
		.updateTable('template_drafts')
		.set({ archived_at: archivedAt, updated_at: now })
		.where('organisation_id', '=', organisationId)
		.where('id', '=', id)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/**
 * The ids of the organisation's archived templates, in id order: a range of the primary key
 * (organisation_id, id), small per organisation. Sent whole with every pull so a device stops
 * offering them for new audits (and offers them again once restored).
 */
export async function listArchivedTemplateIds(db: Db, organisationId: string): Promise<string[]> {
	const rows = await archivedTemplateIdsQuery(db, organisationId).execute();
	return rows.map((row) => row.id);
}

/** The query of `listArchivedTemplateIds`, apart so its plan can be checked. */
export function archivedTemplateIdsQuery(db: Db, organisationId: string) {
	return db
		.selectFrom('template_drafts')
		.select('id')
		.where('organisation_id', '=', organisationId)
		.where('archived_at', 'is not', null)
		.orderBy('id');
}

/**
 * One page of the organisation's templates, most recently changed first, strictly after the
 * keyset position `after` (updated_at, id) as one row-value range of
 * `template_drafts_org_updated_id`.
 */
export function templateListQuery(
	db: Db,
	organisationId: string,
	options: { limit: number; after?: { at: number; id: string } }
) {
	let query = db
		.selectFrom('template_drafts')
		.selectAll()
		.where('organisation_id', '=', organisationId);
	const after = options.after;
	if (after) {
		query = query.where((eb) =>
			eb(eb.refTuple('updated_at', 'id'), '<', eb.tuple(after.at, after.id))
		);
	}
	return query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(options.limit);
}

export async function listTemplateDrafts(
	db: Db,
	organisationId: string,
	options: { limit: number; after?: { at: number; id: string } }
): Promise<TemplateDraftRecord[]> {
	const rows = await templateListQuery(db, organisationId, options).execute();
	return rows.map((row) => toRecord(row as Row));
}

/** The versions of one template with their publication times, newest first. */
export async function listTemplateVersions(
	db: Db,
	organisationId: string,
	id: string
): Promise<{ version: number; publishedAt: number }[]> {
	const rows = await db
		.selectFrom('templates')
		.select(['version', 'published_at'])
		.where('organisation_id', '=', organisationId)
		.where('id', '=', id)
		.orderBy('version', 'desc')
		.execute();
	return rows.map((row) => ({
		version: Number(row.version),
		publishedAt: Number(row.published_at)
	}));
}

/**
 * The head of a template published outside the builder (the demo seed, test factories): its
 * draft is that version, aiming at the next. Keeps an existing head, moving its latest version up.
 */
export async function recordPublishedTemplate(
	db: Db,
	organisationId: string,
	template: JourneyTemplate,
	now: number
): Promise<void> {
	const inserted = await insertTemplateDraft(db, {
		organisationId,
		id: template.id,
		draft: { ...template, version: template.version + 1 },
		revision: 1,
		latestVersion: template.version,
		archivedAt: null,
		linkedTemplateId: null,
		createdAt: now,
		updatedAt: now,
		updatedBy: null
	});
	if (!inserted) {
		await db
			.updateTable('template_drafts')
			.set({ latest_version: template.version })
			.where('organisation_id', '=', organisationId)
			.where('id', '=', template.id)
			.where('latest_version', '<', template.version)
			.execute();
	}
}
