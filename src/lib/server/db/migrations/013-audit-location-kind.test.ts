import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertAudit } from '../../services/audit-upsert';
import {
	completeAuditOf,
	openSyncFixture,
	plainLocation,
	type SyncFixture
} from '../../services/test-helpers';
import { buildCompleteAudit } from '../../testing/complete-audit';
import { fillAuditLocationKinds } from './013-audit-location-kind';

const NOW = 1_760_000_000_000;

describe('migration 013-audit-location-kind', () => {
	let f: SyncFixture;
	beforeAll(async () => {
		f = await openSyncFixture(NOW);
	});
	afterAll(async () => {
		await f.database.dispose();
	});

	it('labels every stored audit with its own organisation’s location kind', async () => {
		const own = completeAuditOf(f.a);
		await upsertAudit(f.ctx, f.a.shopper, own.id, own.upload, NOW);
		const rival = buildCompleteAudit({
			template: f.a.template,
			location: plainLocation(f.a.competitor),
			assignmentId: null
		});
		await upsertAudit(f.ctx, f.a.fieldManager, rival.id, rival.upload, NOW + 1);
		const other = completeAuditOf(f.b);
		await upsertAudit(f.ctx, f.b.shopper, other.id, other.upload, NOW + 2);
		const kinds = async () =>
			Object.fromEntries(
				(
					await sql<{ id: string; location_kind: string | null }>`
						select id, location_kind from audits`.execute(f.database.db)
				).rows.map((row) => [row.id, row.location_kind])
			);
		const written = await kinds();
		expect(written).toEqual({ [own.id]: 'own', [rival.id]: 'competitor', [other.id]: 'own' });

		// Rows as they were before the column: the migration's fill gives them the same kinds.
		await sql`update audits set location_kind = null`.execute(f.database.db);
		expect(Object.values(await kinds())).toEqual([null, null, null]);
		await fillAuditLocationKinds(f.database.db as unknown as Kysely<unknown>);
		expect(await kinds()).toEqual(written);
	});
});
