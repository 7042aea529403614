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
			'004-localized-briefs'
		]);
		await migrate(handle.db);
		await migrate(handle.db);
		expect(await applied()).toEqual([
			'001-initial',
			'002-report-jobs',
			'003-review',
			'004-localized-briefs'
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
});
