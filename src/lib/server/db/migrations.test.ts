import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { migrate } from './connect';

describe('migrations', () => {
	let handle: TestDatabase;
	beforeAll(async () => {
		handle = await createTestDatabase();
	});
	afterAll(async () => {
		await handle.dispose();
	});

	it('runs on open and again without changing anything', async () => {
		const applied = async () =>
			(
				await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
					handle.db
				)
			).rows.map((row) => row.name);
		expect(await applied()).toEqual([
			'001-initial',
			'002-report-jobs',
			'003-review',
			'004-photo-scope',
			'005-sign-in-throttle',
			'006-localized-briefs',
			'007-inbox-indexes',
			'010-score-rows'
		]);
		await migrate(handle.db);
		await migrate(handle.db);
		expect(await applied()).toEqual([
			'001-initial',
			'002-report-jobs',
			'003-review',
			'004-photo-scope',
			'005-sign-in-throttle',
			'006-localized-briefs',
			'007-inbox-indexes',
			'010-score-rows'
		]);
		await handle.db
			.insertInto('organisations')
			.values({ id: 'o', name: 'O', created_at: 1 })
			.execute();
		const rows = await handle.db.selectFrom('organisations').selectAll().execute();
		expect(rows).toEqual([{ id: 'o', name: 'O', created_at: 1 }]);
	});

	it('keeps epoch-millisecond times as exact numbers', async () => {
		const at = Date.UTC(2030, 0, 1, 12, 0, 0, 123);
		await handle.db
			.insertInto('organisations')
			.values({ id: 't', name: 'T', created_at: at })
			.execute();
		const row = await handle.db
			.selectFrom('organisations')
			.select('created_at')
			.where('id', '=', 't')
			.executeTakeFirstOrThrow();
		expect(row.created_at).toBe(at);
	});

	it('004-photo-scope keeps every photo row and keys photos by (organisation, id)', async () => {
		const old = await createTestDatabase({ migrateTo: '003-review' });
		try {
			const { db } = old;
			for (const org of ['oa', 'ob']) {
				await db
					.insertInto('organisations')
					.values({ id: org, name: org, created_at: 1 })
					.execute();
				await sql`insert into users (id, organisation_id, email, display_name, pseudonym, role,
					password_hash, created_at) values (${`u-${org}`}, ${org}, ${`${org}@x.example`}, 'U',
					'P', 'shopper', 'h', 1)`.execute(db);
				await sql`insert into audits (id, organisation_id, shopper_id, template_id,
					template_version, location_id, revision, state, content, score, received_at, updated_at)
					values (${`audit-${org}`}, ${org}, ${`u-${org}`}, 't', 1, 'l', 1, 'draft', '{}', '{}', 1, 1)`.execute(
					db
				);
			}
			const photo = {
				id: 'p-1',
				audit_id: 'audit-oa',
				organisation_id: 'oa',
				checkpoint_id: 'c',
				kind: 'general' as const,
				caption: 'a caption',
				captured_at: 1_760_000_000_000,
				sha256: 'a'.repeat(64),
				byte_length: 1234,
				width: 640,
				height: 480,
				stored_at: 1_760_000_000_001
			};
			await db.insertInto('photos').values(photo).execute();
			await migrate(db);
			expect(await db.selectFrom('photos').selectAll().execute()).toEqual([photo]);
			// The same id in another organisation is another photo; twice in one is refused.
			const theirs = { ...photo, organisation_id: 'ob', audit_id: 'audit-ob', stored_at: null };
			await db.insertInto('photos').values(theirs).execute();
			await expect(db.insertInto('photos').values(photo).execute()).rejects.toThrow();
			expect(
				await db.selectFrom('photos').select('organisation_id').orderBy('organisation_id').execute()
			).toEqual([{ organisation_id: 'oa' }, { organisation_id: 'ob' }]);
		} finally {
			await old.dispose();
		}
	});
});
