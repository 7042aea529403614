import { sql, type Kysely } from 'kysely';

// The journey builder: one row per template of an organisation — its draft (autosaved by the
// editor, conflict-safe by `revision`), its latest published version (0: never published),
// whether it is archived, and the own-store template a competitor template is linked to.
// Published versions stay in `templates`, immutable. Existing templates get a row each whose
// draft is their latest published version.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('template_drafts')
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
		.addColumn('id', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('location_kind', 'text', (c) => c.notNull())
		.addColumn('definition', 'text', (c) => c.notNull())
		.addColumn('revision', 'integer', (c) => c.notNull())
		.addColumn('latest_version', 'integer', (c) => c.notNull())
		.addColumn('archived_at', 'bigint')
		.addColumn('linked_template_id', 'text')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.addColumn('updated_by', 'text')
		.addPrimaryKeyConstraint('template_drafts_pk', ['organisation_id', 'id'])
		.execute();
	// The office list: newest change first, keyset by (updated_at, id).
	await db.schema
		.createIndex('template_drafts_org_updated_id')
		.on('template_drafts')
		.columns(['organisation_id', 'updated_at', 'id'])
		.execute();

	const rows = await sql<{
		organisation_id: string;
		id: string;
		version: number;
		definition: string;
		published_at: number | string;
	}>`select t.organisation_id, t.id, t.version, t.definition, t.published_at from templates t
		where t.version = (select max(u.version) from templates u
			where u.organisation_id = t.organisation_id and u.id = t.id)`.execute(db);
	for (const row of rows.rows) {
		const template = JSON.parse(row.definition) as {
			name: unknown;
			locationKind: string;
			version: number;
		};
		const at = Number(row.published_at);
		await sql`insert into template_drafts (organisation_id, id, name, location_kind, definition,
			revision, latest_version, archived_at, linked_template_id, created_at, updated_at, updated_by)
			values (${row.organisation_id}, ${row.id}, ${JSON.stringify(template.name)}, ${template.locationKind},
			${JSON.stringify({ ...template, version: row.version + 1 })}, 1, ${row.version}, null, null,
			${at}, ${at}, null)`.execute(db);
	}
}
