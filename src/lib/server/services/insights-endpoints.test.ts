import { isHttpError, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '$lib/contract/auth';
import { approveAudit } from './audit-review';
import { OWN_TEMPLATE, publishInsightTemplates, submitInsightAudit } from './insights-fixture';
import { openSyncFixture, plainLocation, type SyncFixture } from './test-helpers';

// Every insights endpoint and office page, as each kind of person calls it: nobody signed in, a
// shopper, a report reader (limited to their locations' approved audits), another organisation.
let f: SyncFixture;
vi.mock('$lib/server/context', () => ({ getServerContext: async () => f.ctx }));

const benchmark = await import('../../../routes/api/insights/benchmark/+server');
const trends = await import('../../../routes/api/insights/trends/+server');
const checkpoints = await import('../../../routes/api/insights/checkpoints/+server');
const location = await import('../../../routes/api/insights/locations/[id]/+server');
const benchmarkPage = await import('../../../routes/(office)/office/insights/+page.server');
const locationPage =
	await import('../../../routes/(office)/office/insights/locations/[id]/+page.server');

type Handler = (event: never) => Promise<Response> | Response;

function event(user: SessionUser | null, path: string, params: Record<string, string> = {}) {
	const url = new URL(path, 'http://shopwalk.test');
	return {
		locals: { user, sessionId: null },
		params,
		request: new Request(url),
		url,
		cookies: { get: () => undefined }
	} as never;
}

async function get(handler: Handler, user: SessionUser | null, path: string, params = {}) {
	const response = await handler(event(user, path, params));
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** What an office load ends in: its data, a redirect, or an error page's status. */
async function load(
	page: { load: (event: never) => unknown },
	user: SessionUser | null,
	path: string,
	params = {}
) {
	try {
		return { data: (await page.load(event(user, path, params))) as Record<string, unknown> };
	} catch (caught) {
		if (isRedirect(caught)) return { redirect: caught.location };
		if (isHttpError(caught)) return { status: caught.status };
		throw caught;
	}
}

const NOW = Date.now();
const PERIOD = '?from=2020-01-01&to=2027-12-31&tz=UTC';

describe('insights endpoints and pages: who may read what', () => {
	beforeAll(async () => {
		f = await openSyncFixture(NOW);
		for (const org of [f.a, f.b])
			await publishInsightTemplates(f.database.db, org.organisation.id, NOW);
		const answers = {
			'w.greeted': 'yes',
			'w.safe': 'yes',
			'a.knowledge': 4,
			'a.offer': 'yes'
		} as const;
		const mine = await submitInsightAudit(
			f.ctx,
			f.a.shopper,
			{
				template: OWN_TEMPLATE,
				location: plainLocation(f.a.location),
				timeIn: NOW - 86_400_000,
				answers
			},
			NOW
		);
		await approveAudit(
			f.ctx,
			f.a.manager,
			mine.id,
			{ expectedState: 'submitted', expectedRevision: 1 },
			NOW
		);
		// Handed in, not approved: reviewers count it, report readers do not.
		await submitInsightAudit(
			f.ctx,
			f.a.shopper,
			{
				template: OWN_TEMPLATE,
				location: plainLocation(f.a.location),
				timeIn: NOW - 86_400_000,
				answers
			},
			NOW
		);
	});
	afterAll(async () => {
		await f.database.dispose();
	});

	const endpoints = [
		['benchmark', benchmark.GET, `/api/insights/benchmark${PERIOD}`, {}],
		['trends', trends.GET, `/api/insights/trends${PERIOD}&granularity=month`, {}],
		['checkpoints', checkpoints.GET, `/api/insights/checkpoints${PERIOD}`, {}],
		['a location', location.GET, `/api/insights/locations/x${PERIOD}`, 'own']
	] as const;

	it.each(endpoints)(
		'%s: 401 without a session, 403 for a shopper',
		async (_, handler, path, params) => {
			const p = params === 'own' ? { id: f.a.location.id } : params;
			expect((await get(handler as Handler, null, path, p)).status).toBe(401);
			const shopper = await get(handler as Handler, f.a.shopper, path, p);
			expect(shopper.status).toBe(403);
			expect(shopper.body.error).toBe('forbidden');
			expect((await get(handler as Handler, f.a.manager, path, p)).status).toBe(200);
		}
	);

	it('a manager counts both handed-in audits; the report reader only the approved one of their store', async () => {
		const total = async (user: SessionUser) =>
			(
				(await get(benchmark.GET as Handler, user, `/api/insights/benchmark${PERIOD}`)).body
					.total as {
					own: { n: number };
				}
			).own.n;
		expect(await total(f.a.manager)).toBe(2);
		expect(await total(f.a.viewer)).toBe(1);
		// The other reader has the competitor only.
		expect(await total(f.a.otherViewer)).toBe(0);
		// Another organisation sees its own (none), never A's.
		expect(await total(f.b.manager)).toBe(0);
	});

	it('a location of another organisation, or not given to the reader, is 404', async () => {
		const path = `/api/insights/locations/${f.a.location.id}${PERIOD}`;
		expect(
			(await get(location.GET as Handler, f.b.manager, path, { id: f.a.location.id })).status
		).toBe(404);
		expect(
			(await get(location.GET as Handler, f.a.viewer, path, { id: f.a.location.id })).status
		).toBe(200);
		const theirs = await get(location.GET as Handler, f.a.otherViewer, path, {
			id: f.a.location.id
		});
		expect(theirs.status).toBe(404);
		expect(theirs.body.error).toBe('location_not_found');
		const trend = await get(
			trends.GET as Handler,
			f.b.manager,
			`/api/insights/trends${PERIOD}&location=${f.a.location.id}`
		);
		expect(trend.status).toBe(404);
	});

	it('bad input: 400 for an unknown time zone, 422 for a period that does not exist', async () => {
		const zone = await get(
			benchmark.GET as Handler,
			f.a.manager,
			'/api/insights/benchmark?tz=Mars/Olympus'
		);
		expect(zone).toMatchObject({ status: 400, body: { error: 'invalid_time_zone' } });
		const day = await get(
			benchmark.GET as Handler,
			f.a.manager,
			'/api/insights/benchmark?from=2025-02-30'
		);
		expect(day).toMatchObject({ status: 422, body: { error: 'invalid_period' } });
		const weeks = await get(
			trends.GET as Handler,
			f.a.manager,
			'/api/insights/trends?from=2000-01-01&granularity=week'
		);
		expect(weeks).toMatchObject({ status: 422, body: { error: 'invalid_period' } });
	});

	it('the office pages: sign-in redirect, 403 for a shopper, 404 for another organisation’s store', async () => {
		const path = `/office/insights${PERIOD}`;
		expect((await load(benchmarkPage, null, path)).redirect).toMatch(/^\/sign-in\?return=/);
		expect((await load(benchmarkPage, f.a.shopper, path)).status).toBe(403);
		const manager = await load(benchmarkPage, f.a.manager, path);
		expect((manager.data!.benchmark as { total: { own: { n: number } } }).total.own.n).toBe(2);
		const reader = await load(benchmarkPage, f.a.viewer, path);
		expect((reader.data!.benchmark as { total: { own: { n: number } } }).total.own.n).toBe(1);
		expect((reader.data!.locations as { id: string }[]).map((l) => l.id)).toEqual([
			f.a.location.id
		]);

		const page = `/office/insights/locations/${f.a.location.id}`;
		const id = { id: f.a.location.id };
		expect((await load(locationPage, null, page, id)).redirect).toMatch(/^\/sign-in/);
		expect((await load(locationPage, f.a.shopper, page, id)).status).toBe(403);
		expect((await load(locationPage, f.b.manager, page, id)).status).toBe(404);
		expect((await load(locationPage, f.a.otherViewer, page, id)).status).toBe(404);
		const visits = (await load(locationPage, f.a.viewer, page, id)).data!.insights as {
			visits: unknown[];
		};
		expect(visits.visits).toHaveLength(1);
		// A period that does not exist is said on the page; the default period is shown.
		const bad = await load(locationPage, f.a.manager, `${page}?from=2025-02-30`, id);
		expect(bad.data!.periodProblem).toBe(true);
	});
});
