import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETAIL_STORE_VISIT } from '$lib/domain/builtin-templates';
import { findTemplateDraft } from '../../repos/template-drafts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { migrate } from '../connect';

// A database from before the journey builder: its published templates get a head each, whose
// draft is the latest version, aiming at the next.
describe('migration 008-template-drafts', () => {
	let handle: TestDatabase;
	beforeAll(async () => {
		handle = await createTestDatabase({ migrateTo: '007-inbox-indexes' });
	});
	afterAll(async () => {
		await handle.dispose();
	});

	it('gives every published template a head with its latest version as the draft', async () => {
		await sql`insert into organisations (id, name, created_at) values ('o', 'O', 1)`.execute(
			handle.db
		);
		for (const version of [1, 2]) {
			const definition = JSON.stringify({
				...RETAIL_STORE_VISIT,
				version,
				name: { en: `Visit v${version}`, da: `Besøg v${version}` }
			});
			await sql`insert into templates (organisation_id, id, version, definition, published_at)
				values ('o', ${RETAIL_STORE_VISIT.id}, ${version}, ${definition}, ${1000 * version})`.execute(
				handle.db
			);
		}
		await migrate(handle.db);
		const head = await findTemplateDraft(handle.db, 'o', RETAIL_STORE_VISIT.id);
		expect(head).toMatchObject({
			name: { en: 'Visit v2', da: 'Besøg v2' },
			locationKind: RETAIL_STORE_VISIT.locationKind,
			revision: 1,
			latestVersion: 2,
			archivedAt: null,
			linkedTemplateId: null,
			updatedAt: 2000
		});
		expect(head!.draft).toEqual({
			...RETAIL_STORE_VISIT,
			version: 3,
			name: { en: 'Visit v2', da: 'Besøg v2' }
		});
		const count = await sql<{ n: number }>`select count(*) as n from template_drafts`.execute(
			handle.db
		);
		expect(Number(count.rows[0]!.n)).toBe(1);
	});
});
