import { sql, type Kysely } from 'kysely';

// Assignment briefs become texts per language: the `brief` column holds JSON of a LocalizedText
// (`{"en": "…", "da": "…"}`) instead of one string. The demo seed wrote both languages into one
// string — the Danish text, a blank line, then `EN: ` and the English — which becomes
// `{ en, da }`; any other string is English (`{ en }`). Rows already holding such JSON are left
// as they are, so running this over a partly converted table is harmless. The parsing is written
// out here rather than imported, so this migration keeps doing what it did when it shipped.

const DANISH_THEN_ENGLISH = /^([\s\S]*?)\n\nEN: ([\s\S]*)$/;

/** The JSON a stored brief becomes. Exported for the migration's test. */
export function convertBrief(stored: string): string {
	try {
		const parsed: unknown = JSON.parse(stored);
		if (
			typeof parsed === 'object' &&
			parsed !== null &&
			typeof (parsed as { en?: unknown }).en === 'string'
		) {
			return stored;
		}
	} catch {
		// A plain string: the usual case.
	}
	const match = DANISH_THEN_ENGLISH.exec(stored);
	const da = match?.[1]?.trim();
	const en = match?.[2]?.trim();
	return JSON.stringify(da && en ? { en, da } : { en: stored });
}

export async function up(db: Kysely<unknown>): Promise<void> {
	const { rows } = await sql<{ id: string; brief: string }>`
		select id, brief from assignments
	`.execute(db);
	for (const row of rows) {
		const converted = convertBrief(row.brief);
		if (converted !== row.brief) {
			await sql`update assignments set brief = ${converted} where id = ${row.id}`.execute(db);
		}
	}
}
