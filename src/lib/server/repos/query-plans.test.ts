import { CompiledQuery, sql, type Compilable } from 'kysely';
import { seedScale } from '../seed/scale';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { visitPageQuery } from './assignments';
import { auditExportQuery, auditListQuery, reviewQueueQuery } from './audits';
import { locationPageQuery } from './locations';
import { userPageQuery } from './users';
import { archivedTemplateIdsQuery, templateListQuery } from './template-drafts';
import { storePositionsPageQuery } from './presence';
import { checkpointTallyQuery, daySumsQuery, stageBenchmarkQuery, trendQuery } from './insights';

// The lists a programme of 500,000 audits pages through must be served by an index in their
// order, on SQLite and PostgreSQL alike: asked of each database's planner, not assumed. (An
// empty table would let PostgreSQL prefer a scan, so the sequential scan is priced out; a plan
// that can use the index then must.)

let handle: TestDatabase;

async function planOf(query: Compilable): Promise<string> {
	const { sql: text, parameters } = query.compile();
	if (handle.dialect === 'sqlite') {
		const result = await handle.db.executeQuery<{ detail: string }>(
			CompiledQuery.raw(`EXPLAIN QUERY PLAN ${text}`, [...parameters])
		);
		return result.rows.map((row) => row.detail).join('\n');
	}
	return handle.db.connection().execute(async (connection) => {
		await connection.executeQuery(CompiledQuery.raw('SET enable_seqscan = off'));
		const result = await connection.executeQuery<{ 'QUERY PLAN': string }>(
			CompiledQuery.raw(`EXPLAIN ${text}`, [...parameters])
		);
		await connection.executeQuery(CompiledQuery.raw('RESET enable_seqscan'));
		return result.rows.map((row) => row['QUERY PLAN']).join('\n');
	});
}

/** The plan reads the audits through `index` and never sorts them afterwards. */
function expectServedBy(plan: string, index: string | RegExp): void {
	expect(plan).toMatch(index);
	expect(plan, plan).not.toMatch(/TEMP B-TREE FOR ORDER BY|\bSort\b/);
}

describe('query plans of the paged lists', () => {
	beforeAll(async () => {
		handle = await createTestDatabase();
	});
	afterAll(async () => {
		await handle.dispose();
	});

	it('the review queue, oldest hand-in first, from its partial index', async () => {
		const first = reviewQueueQuery(handle.db, { organisationId: 'org', limit: 51 });
		expectServedBy(await planOf(first), 'audits_review_queue');
		const next = reviewQueueQuery(handle.db, {
			organisationId: 'org',
			after: { submittedAt: 1_760_000_000_000, id: 'x' },
			limit: 51
		});
		expectServedBy(await planOf(next), 'audits_review_queue');
	});

	it('the office’s page of store positions, by id, from the organisation’s location index', async () => {
		expectServedBy(
			await planOf(storePositionsPageQuery(handle.db, 'org', null, 51)),
			'locations_org_id'
		);
		expectServedBy(
			await planOf(storePositionsPageQuery(handle.db, 'org', 'loc-9', 51)),
			'locations_org_id'
		);
	});

	it.each([
		['no filter', {}, 'audits_org_received_id'],
		['a state', { state: 'approved' as const }, 'audits_org_state_received'],
		['a template', { templateId: 'competitor-visit' }, 'audits_org_template_received'],
		['own stores only', { kind: 'own' as const }, 'audits_org_kind_received']
	] as const)('an export batch with %s, newest first, from its index', async (_, filter, index) => {
		const query = auditExportQuery(handle.db, {
			organisationId: 'org',
			...filter,
			after: { receivedAt: 1_760_000_000_000, id: 'x' },
			limit: 500
		});
		expectServedBy(await planOf(query), index);
	});

	it('a report reader’s list of one location, newest first', async () => {
		const query = auditListQuery(handle.db, {
			organisationId: 'org',
			state: 'approved',
			locationIds: ['loc-1'],
			after: { receivedAt: 1_760_000_000_000, id: 'x' },
			limit: 51
		});
		// Either the location's or the state's index serves it in order; both narrow it to one range.
		expectServedBy(await planOf(query), /audits_location_received|audits_org_state_received/);
	});

	it.each([
		['no filter', {}, 'audits_org_received_id'],
		['a state', { state: 'submitted' as const }, 'audits_org_state_received'],
		['a template', { templateId: 'retail-store-visit' }, 'audits_org_template_received'],
		['competitors only', { kind: 'competitor' as const }, 'audits_org_kind_received'],
		// Without statistics PostgreSQL may read the organisation's range and filter the location:
		// still one ordered range, no sort.
		['a location', { locationId: 'loc-1' }, /audits_location_received|audits_org_received_id/]
	] as const)(
		'the inbox with %s, a deep page newest first, from its index',
		async (_, filter, index) => {
			const query = auditListQuery(handle.db, {
				organisationId: 'org',
				...filter,
				after: { receivedAt: 1_760_000_000_000, id: 'x' },
				limit: 51
			});
			expectServedBy(await planOf(query), index);
		}
	);

	it('the office’s locations by name, searched, a deep page, from locations_org_name_id', async () => {
		const query = locationPageQuery(handle.db, 'org', {
			words: ['oslo'],
			kind: 'competitor',
			includeArchived: false,
			after: { name: 'M', id: 'x' },
			limit: 51
		});
		expectServedBy(await planOf(query), 'locations_org_name_id');
	});

	it('the admin’s people by email, a deep page, from users_org_email', async () => {
		expectServedBy(await planOf(userPageQuery(handle.db, 'org', 'm@x.dk', 51)), 'users_org_email');
	});

	it.each([null, 'overdue', 'in_progress'] as const)(
		'the office’s visits by window start (state %s), a deep page, from assignments_org_window_id',
		async (state) => {
			const query = visitPageQuery(handle.db, 'org', {
				state,
				locationId: null,
				shopperId: null,
				after: { at: 1_760_000_000_000, id: 'x' },
				limit: 51,
				now: 1_760_000_000_000
			});
			expectServedBy(await planOf(query), 'assignments_org_window_id');
		}
	);

	it('the journey builder’s template list, newest change first, from its index', async () => {
		const first = templateListQuery(handle.db, 'org', { limit: 26 });
		expectServedBy(await planOf(first), 'template_drafts_org_updated_id');
		const next = templateListQuery(handle.db, 'org', {
			limit: 26,
			after: { at: 1_760_000_000_000, id: 'x' }
		});
		expectServedBy(await planOf(next), 'template_drafts_org_updated_id');
	});

	it('the archived template ids of every pull, from the primary key in id order', async () => {
		const plan = await planOf(archivedTemplateIdsQuery(handle.db, 'org'));
		// SQLite names a composite text primary key's index itself.
		expectServedBy(plan, /template_drafts_pk|sqlite_autoindex_template_drafts_1/);
	});
});

describe('query plans with the planner’s statistics', () => {
	let seeded: TestDatabase;
	beforeAll(async () => {
		seeded = await createTestDatabase();
		handle = seeded;
		// On empty tables PostgreSQL prices every index that leads with the organisation alike and
		// picks one by chance; a seeded organisation and ANALYZE give it the choice it makes live.
		await seedScale(seeded.db, {
			audits: 2000,
			shoppers: 40,
			organisationId: 'org',
			passwordHash: 'scrypt$1$1$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==',
			now: 1_760_000_000_000
		});
		await sql`analyze`.execute(seeded.db);
	}, 60_000);
	afterAll(async () => {
		await seeded.dispose();
	});

	it('a shopper’s audits changed since the pull cursor, from their index', async () => {
		const shopper = await seeded.db
			.selectFrom('users')
			.select('id')
			.where('email', '=', 'shopper1@org.example')
			.executeTakeFirstOrThrow();
		const { sql: text, parameters } = handle.db
			.selectFrom('audits')
			.select(['id', 'state', 'revision'])
			.where('shopper_id', '=', shopper.id)
			.where('organisation_id', '=', 'org')
			.where('updated_at', '>=', 1_759_000_000_000)
			.where('state', '!=', 'draft')
			.compile();
		const plan = await planOf({ compile: () => CompiledQuery.raw(text, [...parameters]) });
		expect(plan).toMatch(/audits_shopper_updated/);
	});
});

describe('query plans of the insights', () => {
	let insights: TestDatabase;
	beforeAll(async () => {
		insights = await createTestDatabase();
		handle = insights;
	});
	afterAll(async () => {
		await insights.dispose();
	});
	const scope = { organisationId: 'org', from: 1_750_000_000_000, before: 1_760_000_000_000 };
	const bounds = [1_750_000_000_000, 1_755_000_000_000, 1_760_000_000_000];

	// Grouping may sort the rows it read; what counts is that it reads one range of the index
	// that holds every column, never the table or the audits' JSON.
	it.each([
		[
			'the organisation’s day sums',
			() => daySumsQuery(insights.db, scope, scope.from, scope.before, { totals: false }),
			/USING PRIMARY KEY/
		],
		['the benchmark', () => stageBenchmarkQuery(insights.db, scope), /USING PRIMARY KEY/],
		[
			'the benchmark of a region and template',
			() => stageBenchmarkQuery(insights.db, { ...scope, region: 'North', templateId: 't' }),
			/USING PRIMARY KEY/
		],
		[
			'a location’s stage trend',
			() => trendQuery(insights.db, { ...scope, locationId: 'loc' }, bounds, { stageKey: 's' }),
			/score_stages_location|USING PRIMARY KEY/
		],
		[
			'the organisation’s total trend',
			() => trendQuery(insights.db, { ...scope, kind: 'own' }, bounds),
			'score_audits_org_visited'
		],
		[
			'a location’s total trend',
			() => trendQuery(insights.db, { ...scope, locationId: 'loc' }, bounds),
			/score_audits_location|score_audits_org_visited/
		],
		[
			'the failing checkpoints',
			() => checkpointTallyQuery(insights.db, { ...scope, kind: 'own' }),
			/USING PRIMARY KEY/
		],
		[
			'a location’s failing checkpoints',
			() => checkpointTallyQuery(insights.db, { ...scope, locationId: 'loc' }),
			/score_checkpoints_location|USING PRIMARY KEY/
		]
	] as const)('%s reads its index', async (_, query, index) => {
		const plan = await planOf(query());
		if (insights.dialect === 'sqlite') {
			expect(plan, plan).toMatch(index);
			// The stage and checkpoint tables are stored in their key's order (WITHOUT ROWID): a
			// range of the primary key is a range of the rows themselves.
			expect(plan, plan).toMatch(/COVERING INDEX|USING PRIMARY KEY/);
		} else {
			// Without statistics PostgreSQL picks either of the table's indexes (each starts with the
			// organisation and holds the visit time); never a scan of the whole table.
			expect(plan, plan).toMatch(/Index (Only )?Scan using score_|Bitmap Index Scan on score_/);
			expect(plan, plan).not.toMatch(/Seq Scan/);
		}
	});
});
