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
			'008-template-drafts',
			'009-programme',
			'010-score-rows',
			'011-scale-pull',
			'012-seal-presence',
			'013-audit-location-kind'
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
			'008-template-drafts',
			'009-programme',
			'010-score-rows',
			'011-scale-pull',
			'012-seal-presence',
			'013-audit-location-kind'
		]);
		await handle.db
			.insertInto('organisations')
			.values({ id: 'o', name: 'O', created_at: 1 })
			.execute();
		const rows = await handle.db.selectFrom('organisations').selectAll().execute();
		expect(rows).toEqual([{ id: 'o', name: 'O', created_at: 1, presence_check: 0 }]);
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

	it('010-score-rows backfills the handed-in audits from their stored scores, drafts left out', async () => {
		const old = await createTestDatabase({ migrateTo: '007-inbox-indexes' });
		try {
			const { db } = old;
			await db.insertInto('organisations').values({ id: 'o', name: 'O', created_at: 1 }).execute();
			await sql`insert into users (id, organisation_id, email, display_name, pseudonym, role,
				password_hash, created_at) values ('u', 'o', 'u@x.example', 'U', 'P', 'shopper', 'h', 1)`.execute(
				db
			);
			await sql`insert into locations (id, organisation_id, name, kind, brand, address, region, updated_at)
				values ('l', 'o', 'L', 'competitor', 'Rival', 'A', 'North', 1)`.execute(db);
			// A score as stored before the compact form: the whole AuditScore.
			const score = JSON.stringify({
				stages: [
					{
						stageId: 'greeting',
						points: 1,
						maxPoints: 2,
						percent: 50,
						checkpoints: [
							{
								checkpointId: 'g.1',
								visible: true,
								answered: true,
								scored: true,
								points: 1,
								maxPoints: 1,
								negative: false,
								criticalFailure: false
							},
							{
								checkpointId: 'g.2',
								visible: true,
								answered: true,
								scored: true,
								points: 0,
								maxPoints: 1,
								negative: true,
								criticalFailure: true
							},
							{
								checkpointId: 'g.3',
								visible: false,
								answered: false,
								scored: false,
								points: 0,
								maxPoints: 0,
								negative: false,
								criticalFailure: false
							}
						]
					}
				],
				totalPercent: 40,
				uncappedPercent: 50,
				criticalFailures: ['g.2'],
				capped: true
			});
			for (const [id, state] of [
				['a-1', 'approved'],
				['a-2', 'draft'],
				['a-3', 'submitted']
			]) {
				await sql`insert into audits (id, organisation_id, shopper_id, template_id, template_version,
					location_id, revision, state, content, score, total_percent, received_at, updated_at)
					values (${id}, 'o', 'u', 't', 1, 'l', 1, ${state}, ${JSON.stringify({ timeIn: 1234 })}, ${score}, 40, 1, 1)`.execute(
					db
				);
			}
			await migrate(db);
			const audits = await db.selectFrom('score_audits').selectAll().orderBy('audit_id').execute();
			expect(
				audits.map((a) => [
					a.audit_id,
					Number(a.approved),
					a.location_kind,
					a.region,
					Number(a.visited_at),
					Number(a.capped)
				])
			).toEqual([
				['a-1', 1, 'competitor', 'North', 1234, 1],
				['a-3', 0, 'competitor', 'North', 1234, 1]
			]);
			const stages = await db
				.selectFrom('score_stages')
				.select(['audit_id', 'stage_key', 'percent'])
				.orderBy('audit_id')
				.execute();
			expect(stages).toEqual([
				{ audit_id: 'a-1', stage_key: 'greeting', percent: 50 },
				{ audit_id: 'a-3', stage_key: 'greeting', percent: 50 }
			]);
			const checkpoints = await db
				.selectFrom('score_checkpoints')
				.select(['checkpoint_id', 'outcome', 'critical_failure'])
				.where('audit_id', '=', 'a-1')
				.orderBy('checkpoint_id')
				.execute();
			// The hidden checkpoint has no row.
			expect(
				checkpoints.map((c) => [c.checkpoint_id, c.outcome, Number(c.critical_failure)])
			).toEqual([
				['g.1', 'pass', 0],
				['g.2', 'fail', 1]
			]);
		} finally {
			await old.dispose();
		}
	});
});
