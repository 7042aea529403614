import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scoreAudit } from '$lib/domain/scoring';
import type { AnswerValue, Location } from '$lib/domain/types';
import { saveLocation } from '../repos/locations';
import { countScoreRows } from '../repos/score-rows';
import { backfillScoreRows } from './score-backfill';
import { ServiceError } from '../service-error';
import { approveAudit, returnAudit } from './audit-review';
import {
	COMPETITOR_TEMPLATE,
	OWN_TEMPLATE,
	publishInsightTemplates,
	submitInsightAudit,
	uploadAndSubmit,
	type InsightAudit
} from './insights-fixture';
import { getBenchmark, getCheckpointInsights, getLocationInsights, getTrends } from './insights';
import { openSyncFixture, plainLocation, type SyncFixture } from './test-helpers';

const NOW = Date.UTC(2025, 9, 20, 12);
const SEP = Date.UTC(2025, 8, 15, 10);
const OCT = Date.UTC(2025, 9, 10, 10);
const PERIOD = { from: '2025-09-01', to: '2025-10-31', timeZone: 'UTC' };

async function refused(run: Promise<unknown>): Promise<ServiceError> {
	const error = await run.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ServiceError);
	return error as ServiceError;
}

interface Expected {
	stages: Record<string, { mean: number | null; n: number }>;
	total: { mean: number | null; n: number };
}

/** The expected figures computed the slow way: the domain's scoring of each audit's answers. */
function expectedOf(audits: readonly InsightAudit[]): Expected {
	const stageSums: Record<string, { sum: number; n: number }> = {};
	let totalSum = 0;
	let totalN = 0;
	for (const audit of audits) {
		const score = scoreAudit(
			audit.template,
			new Map<string, AnswerValue>(Object.entries(audit.answers))
		);
		for (const stage of score.stages) {
			if (stage.percent === null) continue;
			const entry = (stageSums[stage.stageId] ??= { sum: 0, n: 0 });
			entry.sum += stage.percent;
			entry.n += 1;
		}
		if (score.totalPercent !== null) {
			totalSum += score.totalPercent;
			totalN += 1;
		}
	}
	return {
		stages: Object.fromEntries(
			Object.entries(stageSums).map(([key, { sum, n }]) => [key, { mean: sum / n, n }])
		),
		total: { mean: totalN ? totalSum / totalN : null, n: totalN }
	};
}

function expectFigure(
	actual: { mean: number | null; n: number },
	expected: { mean: number | null; n: number } | undefined
): void {
	expect(actual.n).toBe(expected?.n ?? 0);
	if (expected?.mean === null || expected === undefined) expect(actual.mean).toBeNull();
	else expect(actual.mean).toBeCloseTo(expected.mean, 9);
}

describe('insights from score rows', () => {
	let f: SyncFixture;
	let north: Location;
	let own: InsightAudit[];
	let competitor: InsightAudit[];

	beforeEach(async () => {
		f = await openSyncFixture(NOW);
		for (const org of [f.a, f.b])
			await publishInsightTemplates(f.database.db, org.organisation.id, NOW);
		north = plainLocation(
			await saveLocation(
				f.database.db,
				f.a.organisation.id,
				{
					id: 'loc-north',
					name: 'North store',
					kind: 'own',
					brand: 'Own',
					address: 'N 1',
					region: 'North'
				},
				NOW
			)
		);
		const here = plainLocation(f.a.location);
		const rival = plainLocation(f.a.competitor);
		const submit = (
			template: typeof OWN_TEMPLATE,
			location: Location,
			timeIn: number,
			answers: Record<string, AnswerValue>
		) =>
			submitInsightAudit(
				f.ctx,
				template === OWN_TEMPLATE ? f.a.shopper : f.a.fieldManager,
				{ template, location, timeIn, answers },
				NOW
			);
		own = [
			await submit(OWN_TEMPLATE, here, SEP, {
				'w.greeted': 'yes',
				'w.safe': 'yes',
				'w.follow-up': 'no',
				'a.knowledge': 5,
				'a.offer': 'yes'
			}),
			// n.a. leaves the denominator; the failed critical caps the total at 50; the follow-up
			// answered while hidden counts for nothing.
			await submit(OWN_TEMPLATE, here, OCT, {
				'w.greeted': 'na',
				'w.safe': 'no',
				'w.follow-up': 'yes',
				'a.knowledge': 3,
				'a.offer': 'no'
			}),
			await submit(OWN_TEMPLATE, north, OCT, {
				'w.greeted': 'yes',
				'w.safe': 'yes',
				'w.follow-up': 'yes',
				'a.knowledge': 1,
				'a.offer': 'yes'
			})
		];
		competitor = [
			await submit(COMPETITOR_TEMPLATE, rival, SEP, {
				'w.greeted': 'no',
				'w.safe': 'yes',
				'a.knowledge': 4,
				'a.offer': 'no'
			}),
			// Only n.a. in the welcome stage: nothing scored there, the stage does not count.
			await submit(COMPETITOR_TEMPLATE, rival, OCT, { 'w.greeted': 'na', 'a.knowledge': 2 })
		];
		// Outside the period, and another organisation's: neither may count.
		await submit(OWN_TEMPLATE, here, Date.UTC(2025, 7, 1), { 'w.greeted': 'no', 'a.offer': 'no' });
		await submitInsightAudit(
			f.ctx,
			f.b.shopper,
			{
				template: OWN_TEMPLATE,
				location: plainLocation(f.b.location),
				timeIn: OCT,
				answers: { 'w.greeted': 'no', 'w.safe': 'no', 'a.knowledge': 1, 'a.offer': 'no' }
			},
			NOW
		);
	});
	afterEach(async () => {
		await f.database.dispose();
	});

	async function expectBenchmark(
		user = f.a.manager,
		ownAudits = own,
		competitorAudits = competitor,
		filters: Record<string, string> = {}
	) {
		const benchmark = await getBenchmark(f.ctx, user, { ...PERIOD, ...filters }, NOW);
		const mine = expectedOf(ownAudits);
		const theirs = expectedOf(competitorAudits);
		for (const key of ['welcome', 'helpfulness']) {
			const stage = benchmark.stages.find((s) => s.stageKey === key);
			if (!mine.stages[key] && !theirs.stages[key]) {
				expect(stage).toBeUndefined();
				continue;
			}
			expectFigure(stage!.own, mine.stages[key]);
			expectFigure(stage!.competitor, theirs.stages[key]);
			if (mine.stages[key] && theirs.stages[key]) {
				expect(stage!.gap).toBeCloseTo(mine.stages[key].mean! - theirs.stages[key].mean!, 9);
			} else expect(stage!.gap).toBeNull();
		}
		expectFigure(benchmark.total.own, mine.total);
		expectFigure(benchmark.total.competitor, theirs.total);
		return benchmark;
	}

	it('the benchmark equals the domain scoring of the stored audits, per stage, with counts', async () => {
		const benchmark = await expectBenchmark();
		// Spelled out once, so a wrong expectation helper cannot hide a wrong answer.
		const welcome = benchmark.stages.find((s) => s.stageKey === 'welcome')!;
		// own: (2+1+0)/4 = 75 %, (0+0)/1 → 0 %, (2+1+1)/4 = 100 % → mean 58.33 over 3 audits.
		expect(welcome.own.mean).toBeCloseTo(175 / 3, 9);
		expect(welcome.own).toMatchObject({ n: 3, small: true });
		// competitor: only the first audit scores the welcome: (0 + 1)/3 → 33.3 %.
		expect(welcome.competitor.n).toBe(1);
		expect(welcome.competitor.mean).toBeCloseTo(100 / 3, 9);
		expect(benchmark.stages.map((s) => s.stageKey)).toEqual(['welcome', 'helpfulness']);
		expect(benchmark.stages[0]!.title.da).toBe('Velkomst');
		// The capped audit's total is 50 at most.
		expect(benchmark.total.own.n).toBe(3);
		expect(benchmark.options.regions).toEqual(['North', 'Region']);
	});

	it('filters by region, competitor brand and template', async () => {
		await expectBenchmark(f.a.manager, own.slice(2), [], { region: 'North' });
		await expectBenchmark(f.a.manager, own, [], { brand: 'Nobody' });
		await expectBenchmark(f.a.manager, own, competitor, { brand: 'Rival' });
		await expectBenchmark(f.a.manager, [], competitor, { templateId: COMPETITOR_TEMPLATE.id });
		await expectBenchmark(f.a.manager, own.slice(0, 1), competitor.slice(0, 1), {
			to: '2025-09-30'
		});
	});

	it('periods in a zone far from UTC: whole days from the day sums, the hours at the ends from the rows', async () => {
		// In Tokyo 10 October ends at 15:00 UTC: the visits at 10:00 UTC that day count, and the
		// day before they do not.
		await expectBenchmark(f.a.manager, own, competitor, {
			to: '2025-10-10',
			timeZone: 'Asia/Tokyo'
		});
		await expectBenchmark(f.a.manager, own.slice(0, 1), competitor.slice(0, 1), {
			to: '2025-10-09',
			timeZone: 'Asia/Tokyo'
		});
		// Half-hour zones: whole hours from the hour sums, the half hour from the rows.
		await expectBenchmark(f.a.manager, own, competitor, {
			to: '2025-10-10',
			timeZone: 'Asia/Kolkata'
		});
		await expectBenchmark(f.a.manager, own.slice(0, 1), competitor.slice(0, 1), {
			to: '2025-10-09',
			timeZone: 'Asia/Kolkata'
		});
		// The same from the rows alone (a filter the day sums cannot serve) agrees.
		await expectBenchmark(f.a.manager, own, competitor, {
			to: '2025-10-10',
			timeZone: 'Asia/Tokyo',
			brand: 'Rival'
		});
		const trends = await getTrends(
			f.ctx,
			f.a.manager,
			{ from: '2025-09-01', to: '2025-10-31', timeZone: 'Asia/Tokyo', granularity: 'week' },
			NOW
		);
		const counted = trends.series.points.filter((p) => p.n > 0).map((p) => [p.day, p.n]);
		expect(counted).toEqual([
			['2025-09-15', 1],
			['2025-10-06', 2]
		]);
		expectFigure(
			trends.series.points.find((p) => p.day === '2025-10-06')!,
			expectedOf(own.slice(1)).total
		);
	});

	it('a store that changes kind moves its audits to the other side, day sums included', async () => {
		await saveLocation(
			f.database.db,
			f.a.organisation.id,
			{ ...plainLocation(f.a.competitor), kind: 'own' },
			NOW
		);
		// The competitor's audits now count as own (their template has the same stage keys).
		await expectBenchmark(f.a.manager, [...own, ...competitor], []);
		// And from the rows (a region filter): the north store is elsewhere.
		await expectBenchmark(f.a.manager, [own[0]!, own[1]!, ...competitor], [], { region: 'Region' });
	});

	it('an audit returned and changed moves the numbers; a return alone takes it out', async () => {
		const [first] = own;
		await returnAudit(
			f.ctx,
			f.a.manager,
			first!.id,
			{
				expectedState: 'submitted',
				expectedRevision: 1,
				comment: 'Check again',
				checkpointComments: []
			},
			NOW + 10
		);
		expect(await countScoreRows(f.database.db, first!.id)).toEqual({
			audits: 0,
			stages: 0,
			checkpoints: 0
		});
		await expectBenchmark(f.a.manager, own.slice(1));
		const changed: InsightAudit = {
			...first!,
			revision: 2,
			answers: { ...first!.answers, 'w.greeted': 'no', 'a.knowledge': 2 }
		};
		await uploadAndSubmit(f.ctx, f.a.shopper, changed, NOW + 20);
		await expectBenchmark(f.a.manager, [changed, ...own.slice(1)]);
	});

	it('report readers count approved audits of their locations only', async () => {
		const none = await getBenchmark(f.ctx, f.a.viewer, PERIOD, NOW);
		expect(none.total.own.n).toBe(0);
		expect(none.stages).toEqual([]);
		await approveAudit(
			f.ctx,
			f.a.manager,
			own[0]!.id,
			{ expectedState: 'submitted', expectedRevision: 1 },
			NOW
		);
		await approveAudit(
			f.ctx,
			f.a.manager,
			own[2]!.id,
			{ expectedState: 'submitted', expectedRevision: 1 },
			NOW
		);
		await approveAudit(
			f.ctx,
			f.a.manager,
			competitor[0]!.id,
			{ expectedState: 'submitted', expectedRevision: 1 },
			NOW
		);
		// The viewer has the own store only: the north store and the competitor stay out.
		await expectBenchmark(f.a.viewer, own.slice(0, 1), []);
		await expectBenchmark(f.a.otherViewer, [], competitor.slice(0, 1));
		await expect(
			getLocationInsights(f.ctx, f.a.viewer, north.id, { timeZone: 'UTC' }, NOW)
		).rejects.toMatchObject({ code: 'location_not_found' });
		const trends = await getTrends(f.ctx, f.a.viewer, { ...PERIOD, granularity: 'month' }, NOW);
		expect(trends.series.points.map((p) => p.n)).toEqual([1, 0]);
	});

	it('refuses shoppers, other organisations’ locations and bad periods; B never sees A', async () => {
		expect((await refused(getBenchmark(f.ctx, f.a.shopper, PERIOD, NOW))).reason).toBe('forbidden');
		expect((await refused(getTrends(f.ctx, f.a.shopper, PERIOD, NOW))).reason).toBe('forbidden');
		const other = await refused(
			getLocationInsights(f.ctx, f.b.manager, f.a.location.id, { timeZone: 'UTC' }, NOW)
		);
		expect(other.code).toBe('location_not_found');
		expect(
			(await refused(getBenchmark(f.ctx, f.a.manager, { ...PERIOD, from: '2025-13-01' }, NOW))).code
		).toBe('invalid_period');
		expect(
			(await refused(getTrends(f.ctx, f.a.manager, { ...PERIOD, granularity: 'day' }, NOW))).code
		).toBe('invalid_granularity');
		const theirs = await getBenchmark(f.ctx, f.b.manager, PERIOD, NOW);
		expect(theirs.total.own.n).toBe(1);
		expect(theirs.total.competitor.n).toBe(0);
	});

	it('trends per location, stage and region with the organisation as reference', async () => {
		const location = await getTrends(
			f.ctx,
			f.a.manager,
			{ ...PERIOD, granularity: 'month', locationId: f.a.location.id, stage: 'helpfulness' },
			NOW
		);
		expect(location.series.points.map((p) => p.day)).toEqual(['2025-09-01', '2025-10-01']);
		const helpfulness = (audits: InsightAudit[]) => expectedOf(audits).stages.helpfulness;
		expectFigure(location.series.points[0]!, helpfulness([own[0]!]));
		expectFigure(location.series.points[1]!, helpfulness([own[1]!]));
		expectFigure(location.reference.points[1]!, helpfulness([own[1]!, own[2]!]));
		const organisation = await getTrends(
			f.ctx,
			f.a.manager,
			{ ...PERIOD, granularity: 'month' },
			NOW
		);
		expectFigure(organisation.series.points[1]!, expectedOf([own[1]!, own[2]!]).total);
		expect(organisation.regions.map((r) => r.key)).toEqual(['North', 'Region']);
		expectFigure(organisation.regions[0]!.points[1]!, expectedOf([own[2]!]).total);
		const rival = await getTrends(
			f.ctx,
			f.a.manager,
			{ ...PERIOD, granularity: 'week', locationId: f.a.competitor.id },
			NOW
		);
		// A competitor's reference line is the competitors' average.
		expect(rival.reference.points.reduce((n, p) => n + p.n, 0)).toBe(2);
		expect(rival.series.points.length).toBeGreaterThan(8);
	});

	it('the checkpoints that fail most and those that changed most', async () => {
		const insights = await getCheckpointInsights(
			f.ctx,
			f.a.manager,
			{
				from: '2025-10-01',
				to: '2025-10-31',
				compareFrom: '2025-09-01',
				compareTo: '2025-09-30',
				timeZone: 'UTC'
			},
			NOW
		);
		// October, own stores: w.safe failed once of two (critical), a.offer once of two.
		const safe = insights.failing.find((c) => c.checkpointId === 'w.safe')!;
		expect(safe.failRate).toMatchObject({ mean: 50, n: 2 });
		expect(safe.criticalFails).toBe(1);
		expect(safe.stageKey).toBe('welcome');
		expect(insights.failing.map((c) => c.checkpointId)).not.toContain('w.greeted');
		// a.knowledge: September 5 → 100 %; October 3 and 1 → 50 % and 0 %: −75 points.
		const knowledge = insights.changed.find((c) => c.checkpointId === 'a.knowledge')!;
		expect(knowledge.before).toMatchObject({ mean: 100, n: 1 });
		expect(knowledge.after).toMatchObject({ mean: 25, n: 2 });
		expect(knowledge.change).toBeCloseTo(-75, 9);
		// w.follow-up: a no in September, a yes in October: +100, the largest move.
		expect(insights.changed[0]).toMatchObject({ checkpointId: 'w.follow-up', change: 100 });
		expect(insights.changed[1]!.checkpointId).toBe('a.knowledge');
	});

	it('a location page: stages against the organisation, latest visits, its trend', async () => {
		const page = await getLocationInsights(f.ctx, f.a.manager, f.a.location.id, { ...PERIOD }, NOW);
		expect(page.visits.map((v) => v.auditId)).toEqual([own[1]!.id, own[0]!.id, expect.any(String)]);
		expect(page.visits[0]!.capped).toBe(true);
		expect(page.visits[0]!.totalPercent).toBeLessThanOrEqual(50);
		const helpfulness = page.stages.find((s) => s.stageKey === 'helpfulness')!;
		expectFigure(helpfulness.location, expectedOf(own.slice(0, 2)).stages.helpfulness);
		expectFigure(helpfulness.organisation, expectedOf(own).stages.helpfulness);
	});

	it('the backfill rebuilds the same rows from the stored scores, in bounded batches', async () => {
		const before = await getBenchmark(f.ctx, f.a.manager, PERIOD, NOW);
		for (const table of [
			'score_checkpoints',
			'score_stages',
			'score_audits',
			'score_days'
		] as const) {
			await f.database.db.deleteFrom(table).execute();
		}
		expect((await getBenchmark(f.ctx, f.a.manager, PERIOD, NOW)).total.own.n).toBe(0);
		// 7 handed-in audits in batches of 2.
		expect(await backfillScoreRows(f.database.db, { batchSize: 2 })).toBe(7);
		expect(await getBenchmark(f.ctx, f.a.manager, PERIOD, NOW)).toEqual(before);
	});
});
