import type { SessionUser } from '$lib/contract/auth';
import { dayRangeBounds } from '$lib/domain/day-range';
import {
	trendBuckets,
	TREND_GRANULARITIES,
	type TrendBucket,
	type TrendGranularity
} from '$lib/domain/insight-buckets';
import { reviewsAudits, usesOffice } from '$lib/domain/roles';
import type { JourneyTemplate, LocalizedText, Location } from '$lib/domain/types';
import {
	checkpointTallies,
	latestVisits,
	stageBenchmark,
	totalBenchmark,
	trend,
	type CheckpointTally,
	type InsightScope
} from '../repos/insights';
import { getLocation, listLocations } from '../repos/locations';
import { latestReportJobs } from '../repos/report-jobs';
import { reportStateOf } from '../reports/report-download';
import type { ReportState } from '$lib/contract/office';
import { listTemplates } from '../repos/templates';
import { listLocationIdsOfUser } from '../repos/user-locations';
import { ServiceError } from '../service-error';
import type { ServiceContext } from './context';

/**
 * A figure built on fewer audits than this is marked as a small sample on every screen and in
 * every answer (`small: true`): below five visits one unusual visit moves a mean by 20 points.
 */
export const SMALL_SAMPLE = 5;

/** A mean percent with the number of audits (or answers) behind it; never one without the other. */
export interface Figure {
	/** 0..100, or null when nothing counted. */
	mean: number | null;
	n: number;
	/** n < SMALL_SAMPLE. */
	small: boolean;
}

/** The period and filters an insight was computed for, as the caller chose them. */
export interface InsightPeriod {
	fromDay: string;
	toDay: string;
	/** Epoch-ms bounds of the period in the reader's time zone: [from, before). */
	from: number;
	before: number;
	timeZone: string;
}

export interface InsightFilters {
	region?: string;
	/** Competitors of this brand (own stores are always all own stores). */
	brand?: string;
	templateId?: string;
}

export interface BenchmarkStage {
	stageKey: string;
	title: LocalizedText;
	own: Figure;
	competitor: Figure;
	/** own − competitor in percentage points, when both have audits. */
	gap: number | null;
}

export interface Benchmark {
	period: InsightPeriod;
	filters: InsightFilters;
	stages: BenchmarkStage[];
	total: Omit<BenchmarkStage, 'stageKey' | 'title'>;
	smallSample: number;
	/** What the filters can be set to (the organisation's regions, competitor brands, templates). */
	options: FilterOptions;
}

export interface FilterOptions {
	regions: string[];
	brands: string[];
	templates: { id: string; name: LocalizedText }[];
	stages: { key: string; title: LocalizedText }[];
}

export interface TrendPoint extends Figure {
	day: string;
	start: number;
	end: number;
}

export interface TrendSeries {
	/** 'subject', 'reference', or a region's name. */
	key: string;
	points: TrendPoint[];
}

export interface Trends {
	period: InsightPeriod;
	granularity: TrendGranularity;
	stageKey: string | null;
	/** What the trend is of: a location, a region, or the organisation's own stores. */
	subject:
		| { kind: 'location'; location: Location }
		| { kind: 'region'; region: string }
		| { kind: 'organisation' };
	series: TrendSeries;
	/** The organisation's average over locations of the subject's kind: the reference line. */
	reference: TrendSeries;
	/** Own stores per region (organisation subject only). */
	regions: TrendSeries[];
	smallSample: number;
}

export interface CheckpointInsight {
	checkpointId: string;
	stageKey: string;
	prompt: LocalizedText;
	/** Share of scored answers that failed, 0..100, with the number of scored answers. */
	failRate: Figure;
	criticalFails: number;
}

export interface CheckpointChange {
	checkpointId: string;
	stageKey: string;
	prompt: LocalizedText;
	/** Points earned of possible, 0..100, in the earlier and the later period. */
	before: Figure;
	after: Figure;
	/** after − before, percentage points. */
	change: number;
}

export interface CheckpointInsights {
	period: InsightPeriod;
	comparePeriod: InsightPeriod;
	/** The checkpoints failed most often in `period` (highest fail rate first; at most 10). */
	failing: CheckpointInsight[];
	/** The checkpoints whose score moved most from `comparePeriod` to `period` (at most 10). */
	changed: CheckpointChange[];
	smallSample: number;
}

export interface LocationVisit {
	auditId: string;
	visitedAt: number;
	totalPercent: number | null;
	capped: boolean;
	approved: boolean;
	templateName: LocalizedText;
	/** The newest report version's state; the PDF is at `/api/audits/{id}/report` when ready. */
	reportState: ReportState;
}

export interface LocationInsights {
	location: Location;
	period: InsightPeriod;
	/** This location's stages against the organisation's average of its kind in the period. */
	stages: { stageKey: string; title: LocalizedText; location: Figure; organisation: Figure }[];
	trend: Trends;
	visits: LocationVisit[];
	checkpoints: CheckpointInsights;
	smallSample: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function figure(mean: number | null, n: number): Figure {
	return { mean: n > 0 ? mean : null, n, small: n < SMALL_SAMPLE };
}

function dayIn(instant: number, timeZone: string): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(instant);
}

/** The period of the same length just before `period` (days before 1970 are clamped to it). */
function previousPeriod(period: InsightPeriod, now: number): InsightPeriod {
	const spanDays = Math.max(1, Math.round((period.before - period.from) / DAY_MS));
	const clamp = (day: string) => (day < '1970-01-01' ? '1970-01-01' : day);
	return periodOf(
		clamp(dayIn(Math.max(0, period.from - spanDays * DAY_MS + DAY_MS / 2), period.timeZone)),
		clamp(dayIn(Math.max(0, period.from - DAY_MS / 2), period.timeZone)),
		period.timeZone,
		now,
		90
	);
}

function invalid(code: string, message: string): ServiceError {
	return new ServiceError('invalid', code, message);
}

/**
 * The period a request names (`from`, `to`: `YYYY-MM-DD`, inclusive, in `timeZone`), defaulting
 * to the `defaultDays` days up to today. Invalid `invalid_period` for a day that does not exist
 * or a reversed span.
 */
export function periodOf(
	fromDay: string | null | undefined,
	toDay: string | null | undefined,
	timeZone: string,
	now: number,
	defaultDays: number
): InsightPeriod {
	const to = toDay || dayIn(now, timeZone);
	const from = fromDay || dayIn(now - (defaultDays - 1) * DAY_MS, timeZone);
	const bounds = dayRangeBounds(from, to, timeZone);
	if (!bounds.ok || bounds.bounds.from === undefined || bounds.bounds.before === undefined) {
		throw invalid('invalid_period', 'Choose real days, the first no later than the last.');
	}
	return {
		fromDay: from,
		toDay: to,
		from: bounds.bounds.from,
		before: bounds.bounds.before,
		timeZone
	};
}

/** Who may read insights, and what limits them: reviewers all; report readers their locations' approved audits. */
async function readerScope(
	ctx: ServiceContext,
	user: SessionUser
): Promise<Pick<InsightScope, 'organisationId' | 'locationIds' | 'approvedOnly'>> {
	if (!usesOffice(user)) {
		throw new ServiceError('forbidden', 'forbidden', 'Your role does not allow this.');
	}
	const organisationId = user.organisation.id;
	if (reviewsAudits(user)) return { organisationId };
	return {
		organisationId,
		locationIds: await listLocationIdsOfUser(ctx.db, organisationId, user.id),
		approvedOnly: true
	};
}

interface Catalogue {
	templates: JourneyTemplate[];
	stages: { key: string; title: LocalizedText }[];
	prompts: Map<string, LocalizedText>;
	/** The stage key of each checkpoint id. */
	stageOf: Map<string, string>;
}

/** The newest version of each template; stage keys in journey order and checkpoint prompts. */
async function catalogueOf(ctx: ServiceContext, organisationId: string): Promise<Catalogue> {
	const newest = new Map<string, JourneyTemplate>();
	for (const { template } of await listTemplates(ctx.db, organisationId)) {
		const known = newest.get(template.id);
		if (!known || known.version < template.version) newest.set(template.id, template);
	}
	const templates = [...newest.values()].sort((a, b) => b.stages.length - a.stages.length);
	const stages = new Map<string, LocalizedText>();
	const prompts = new Map<string, LocalizedText>();
	const stageOf = new Map<string, string>();
	for (const template of templates) {
		for (const stage of template.stages) {
			if (!stages.has(stage.id)) stages.set(stage.id, stage.title);
			for (const checkpoint of stage.checkpoints) {
				if (!prompts.has(checkpoint.id)) prompts.set(checkpoint.id, checkpoint.prompt);
				if (!stageOf.has(checkpoint.id)) stageOf.set(checkpoint.id, stage.id);
			}
		}
	}
	return {
		templates,
		stages: [...stages].map(([key, title]) => ({ key, title })),
		prompts,
		stageOf
	};
}

function optionalText(value: string | null | undefined, max = 200): string | undefined {
	if (value === null || value === undefined || value === '') return undefined;
	if (value.length > max || value.includes('\u0000')) {
		throw invalid('invalid_filter', 'A filter value is too long or not text.');
	}
	return value;
}

/**
 * Own stores against competitors per stage for a period (default: the last 90 days), optionally
 * for one region, one competitor brand or one template; the gap per stage and in total, each
 * figure with the number of audits behind it. Reviewers count every handed-in audit (submitted,
 * resubmitted, approved; a returned audit counts again once resubmitted); report readers only
 * approved audits of their locations. Refusals: forbidden (shoppers), invalid `invalid_period` /
 * `invalid_filter`.
 */
export async function getBenchmark(
	ctx: ServiceContext,
	user: SessionUser,
	request: {
		from?: string | null;
		to?: string | null;
		region?: string | null;
		brand?: string | null;
		templateId?: string | null;
		timeZone: string;
	},
	now: number
): Promise<Benchmark> {
	const reader = await readerScope(ctx, user);
	const period = periodOf(request.from, request.to, request.timeZone, now, 90);
	const filters: InsightFilters = {
		region: optionalText(request.region),
		brand: optionalText(request.brand),
		templateId: optionalText(request.templateId)
	};
	const scope: InsightScope = {
		...reader,
		from: period.from,
		before: period.before,
		region: filters.region,
		competitorBrand: filters.brand,
		templateId: filters.templateId
	};
	const [rows, totals, catalogue, options] = await Promise.all([
		stageBenchmark(ctx.db, scope),
		totalBenchmark(ctx.db, scope),
		catalogueOf(ctx, reader.organisationId),
		filterOptions(ctx, reader.organisationId, reader.locationIds)
	]);
	const cell = (kind: 'own' | 'competitor', key: string) => {
		const row = rows.find((r) => r.kind === kind && r.stageKey === key);
		return figure(row?.mean ?? null, row?.n ?? 0);
	};
	const keys = [
		...catalogue.stages.map((stage) => stage.key),
		...rows.map((row) => row.stageKey).filter((key) => !catalogue.stages.some((s) => s.key === key))
	];
	const stages = keys
		.filter(
			(key) =>
				rows.some((row) => row.stageKey === key) || catalogue.stages.some((s) => s.key === key)
		)
		.map((key) => {
			const own = cell('own', key);
			const competitor = cell('competitor', key);
			return {
				stageKey: key,
				title: catalogue.stages.find((s) => s.key === key)?.title ?? { en: key },
				own,
				competitor,
				gap: gapOf(own, competitor)
			};
		})
		// Stages no audit in scope has (another template's) are left out.
		.filter((stage) => stage.own.n + stage.competitor.n > 0);
	const totalOf = (kind: 'own' | 'competitor') => {
		const row = totals.find((r) => r.kind === kind);
		return figure(row?.mean ?? null, row?.n ?? 0);
	};
	const own = totalOf('own');
	const competitor = totalOf('competitor');
	return {
		period,
		filters,
		stages,
		total: { own, competitor, gap: gapOf(own, competitor) },
		smallSample: SMALL_SAMPLE,
		options: { ...options, stages: catalogue.stages }
	};
}

function gapOf(own: Figure, competitor: Figure): number | null {
	return own.mean !== null && competitor.mean !== null ? own.mean - competitor.mean : null;
}

async function filterOptions(
	ctx: ServiceContext,
	organisationId: string,
	locationIds: readonly string[] | undefined
): Promise<Omit<FilterOptions, 'stages'>> {
	const locations = (await listLocations(ctx.db, organisationId)).filter(
		(location) => locationIds === undefined || locationIds.includes(location.id)
	);
	const catalogue = await catalogueOf(ctx, organisationId);
	return {
		regions: [...new Set(locations.map((l) => l.region))].sort(),
		brands: [
			...new Set(locations.filter((l) => l.kind === 'competitor').map((l) => l.brand))
		].sort(),
		templates: catalogue.templates.map((t) => ({ id: t.id, name: t.name }))
	};
}

function parseGranularity(value: string | null | undefined): TrendGranularity {
	if (value === null || value === undefined || value === '') return 'month';
	if (!(TREND_GRANULARITIES as readonly string[]).includes(value)) {
		throw invalid('invalid_granularity', 'Group by week or month.');
	}
	return value as TrendGranularity;
}

function pointsOf(
	buckets: readonly TrendBucket[],
	rows: readonly { bucket: number; region: string; mean: number | null; n: number }[],
	region = ''
): TrendPoint[] {
	return buckets.map((bucket, index) => {
		const row = rows.find((r) => r.bucket === index && r.region === region);
		return {
			day: bucket.day,
			start: bucket.start,
			end: bucket.end,
			...figure(row?.mean ?? null, row?.n ?? 0)
		};
	});
}

/**
 * A trend over weeks or months (default: months of the last 365 days) of the total or of one
 * stage, for one location (`locationId`), one region, or the organisation's own stores — with the
 * organisation's average over locations of the same kind as the reference line, and, for the
 * organisation, one line per region. Every point carries its audit count. Refusals: forbidden
 * (shoppers), not_found `location_not_found` (unknown, another organisation's, or not a report
 * reader's), invalid `invalid_period` / `invalid_granularity` / `invalid_filter`.
 */
export async function getTrends(
	ctx: ServiceContext,
	user: SessionUser,
	request: {
		from?: string | null;
		to?: string | null;
		granularity?: string | null;
		stage?: string | null;
		locationId?: string | null;
		region?: string | null;
		timeZone: string;
	},
	now: number
): Promise<Trends> {
	const reader = await readerScope(ctx, user);
	const period = periodOf(request.from, request.to, request.timeZone, now, 365);
	const granularity = parseGranularity(request.granularity);
	const buckets = trendBuckets(granularity, period.fromDay, period.toDay, period.timeZone);
	if (!buckets) throw invalid('invalid_period', 'That period holds too many weeks; choose months.');
	const bounds = [...buckets.map((b) => b.start), buckets[buckets.length - 1]!.end];
	const stageKey = optionalText(request.stage) ?? null;
	const locationId = optionalText(request.locationId);
	const region = optionalText(request.region);
	const options = { stageKey: stageKey ?? undefined };
	let subject: Trends['subject'];
	let subjectScope: InsightScope;
	let kind: 'own' | 'competitor' = 'own';
	const base = { ...reader, from: period.from, before: period.before };
	if (locationId !== undefined) {
		const location = await readableLocation(ctx, reader, locationId);
		kind = location.kind;
		subject = { kind: 'location', location };
		subjectScope = { ...base, locationId };
	} else if (region !== undefined) {
		subject = { kind: 'region', region };
		subjectScope = { ...base, region, kind: 'own' };
	} else {
		subject = { kind: 'organisation' };
		subjectScope = { ...base, kind: 'own' };
	}
	const referenceScope: InsightScope = { ...base, kind };
	const [subjectRows, referenceRows, regionRows] = await Promise.all([
		trend(ctx.db, subjectScope, bounds, options),
		trend(ctx.db, referenceScope, bounds, options),
		subject.kind === 'organisation'
			? trend(ctx.db, subjectScope, bounds, { ...options, byRegion: true })
			: Promise.resolve([])
	]);
	const regionNames = [...new Set(regionRows.map((row) => row.region))].sort();
	return {
		period,
		granularity,
		stageKey,
		subject,
		series: { key: 'subject', points: pointsOf(buckets, subjectRows) },
		reference: { key: 'reference', points: pointsOf(buckets, referenceRows) },
		regions: regionNames.map((name) => ({
			key: name,
			points: pointsOf(buckets, regionRows, name)
		})),
		smallSample: SMALL_SAMPLE
	};
}

async function readableLocation(
	ctx: ServiceContext,
	reader: Pick<InsightScope, 'organisationId' | 'locationIds'>,
	locationId: string
): Promise<Location> {
	const record = await getLocation(ctx.db, reader.organisationId, locationId);
	if (!record || (reader.locationIds !== undefined && !reader.locationIds.includes(locationId))) {
		throw new ServiceError('not_found', 'location_not_found', 'There is no such location.');
	}
	const { id, name, kind, brand, address, region } = record;
	return { id, name, kind, brand, address, region };
}

/**
 * The checkpoints failed most often in a period (default: last 90 days) and those whose score
 * changed most against a comparison period (default: the same number of days just before), for
 * the organisation or one location. Counts are of scored answers (n.a. left out). The same
 * refusals as `getTrends`.
 */
export async function getCheckpointInsights(
	ctx: ServiceContext,
	user: SessionUser,
	request: {
		from?: string | null;
		to?: string | null;
		compareFrom?: string | null;
		compareTo?: string | null;
		locationId?: string | null;
		timeZone: string;
	},
	now: number
): Promise<CheckpointInsights> {
	const reader = await readerScope(ctx, user);
	const period = periodOf(request.from, request.to, request.timeZone, now, 90);
	const comparePeriod =
		request.compareFrom || request.compareTo
			? periodOf(request.compareFrom, request.compareTo, period.timeZone, now, 90)
			: previousPeriod(period, now);
	const locationId = optionalText(request.locationId);
	if (locationId !== undefined) await readableLocation(ctx, reader, locationId);
	return checkpointInsightsFor(ctx, reader, period, comparePeriod, locationId);
}

async function checkpointInsightsFor(
	ctx: ServiceContext,
	reader: Pick<InsightScope, 'organisationId' | 'locationIds' | 'approvedOnly'>,
	period: InsightPeriod,
	comparePeriod: InsightPeriod,
	locationId: string | undefined
): Promise<CheckpointInsights> {
	const scope = (p: InsightPeriod): InsightScope => ({
		...reader,
		from: p.from,
		before: p.before,
		...(locationId !== undefined ? { locationId } : { kind: 'own' as const })
	});
	const [now, earlier, catalogue] = await Promise.all([
		checkpointTallies(ctx.db, scope(period)),
		checkpointTallies(ctx.db, scope(comparePeriod)),
		catalogueOf(ctx, reader.organisationId)
	]);
	const prompt = (id: string) => catalogue.prompts.get(id) ?? { en: id };
	const rate = (t: CheckpointTally) => figure(t.n > 0 ? (t.fails / t.n) * 100 : null, t.n);
	const share = (t: CheckpointTally | undefined) =>
		figure(t && t.possible > 0 ? (t.points / t.possible) * 100 : null, t?.n ?? 0);
	const failing = now
		.filter((t) => t.fails > 0)
		.sort(
			(a, b) => b.fails / b.n - a.fails / a.n || b.n - a.n || cmp(a.checkpointId, b.checkpointId)
		)
		.slice(0, 10)
		.map((t) => ({
			checkpointId: t.checkpointId,
			stageKey: catalogue.stageOf.get(t.checkpointId) ?? '',
			prompt: prompt(t.checkpointId),
			failRate: rate(t),
			criticalFails: t.criticalFails
		}));
	const changed = now
		.map((t) => {
			const before = share(earlier.find((e) => e.checkpointId === t.checkpointId));
			const after = share(t);
			return {
				checkpointId: t.checkpointId,
				stageKey: catalogue.stageOf.get(t.checkpointId) ?? '',
				prompt: prompt(t.checkpointId),
				before,
				after,
				change: before.mean !== null && after.mean !== null ? after.mean - before.mean : null
			};
		})
		.filter((c): c is CheckpointChange => c.change !== null && Math.abs(c.change) > 1e-9)
		.sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || cmp(a.checkpointId, b.checkpointId))
		.slice(0, 10);
	return { period, comparePeriod, failing, changed, smallSample: SMALL_SAMPLE };
}

function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A location's page: its stages against the organisation's average of its kind for the period
 * (default 90 days), its monthly trend over the last year (or `granularity`), its latest handed-in
 * audits (approved only, for report readers) and its most failed checkpoints. Refusals as
 * `getTrends`.
 */
export async function getLocationInsights(
	ctx: ServiceContext,
	user: SessionUser,
	locationId: string,
	request: {
		from?: string | null;
		to?: string | null;
		granularity?: string | null;
		stage?: string | null;
		timeZone: string;
	},
	now: number
): Promise<LocationInsights> {
	const reader = await readerScope(ctx, user);
	const location = await readableLocation(ctx, reader, locationId);
	const period = periodOf(request.from, request.to, request.timeZone, now, 90);
	const [trendResult, locationRows, organisationRows, visits, catalogue] = await Promise.all([
		getTrends(
			ctx,
			user,
			{
				granularity: request.granularity,
				stage: request.stage,
				locationId,
				timeZone: request.timeZone
			},
			now
		),
		stageBenchmark(ctx.db, { ...reader, from: period.from, before: period.before, locationId }),
		stageBenchmark(ctx.db, {
			...reader,
			from: period.from,
			before: period.before,
			kind: location.kind
		}),
		latestVisits(ctx.db, { ...reader, locationId }, 10),
		catalogueOf(ctx, reader.organisationId)
	]);
	const comparePeriod = previousPeriod(period, now);
	const checkpoints = await checkpointInsightsFor(ctx, reader, period, comparePeriod, locationId);
	const stages = catalogue.stages
		.map((stage) => {
			const here = locationRows.find((r) => r.stageKey === stage.key);
			const all = organisationRows.find((r) => r.stageKey === stage.key);
			return {
				stageKey: stage.key,
				title: stage.title,
				location: figure(here?.mean ?? null, here?.n ?? 0),
				organisation: figure(all?.mean ?? null, all?.n ?? 0)
			};
		})
		.filter((stage) => stage.location.n > 0);
	const names = new Map(catalogue.templates.map((t) => [t.id, t.name]));
	const reports = await latestReportJobs(
		ctx.db,
		visits.map((visit) => visit.auditId)
	);
	return {
		location,
		period,
		stages,
		trend: trendResult,
		visits: visits.map((visit) => ({
			auditId: visit.auditId,
			visitedAt: visit.visitedAt,
			totalPercent: visit.totalPercent,
			capped: visit.capped,
			approved: visit.approved,
			templateName: names.get(visit.templateId) ?? { en: visit.templateId },
			reportState: reportStateOf(reports.get(visit.auditId))
		})),
		checkpoints,
		smallSample: SMALL_SAMPLE
	};
}

/** The locations whose pages this reader may open (a report reader's own), by kind and name. */
export async function listInsightLocations(
	ctx: ServiceContext,
	user: SessionUser
): Promise<Location[]> {
	const reader = await readerScope(ctx, user);
	const all = await listLocations(ctx.db, reader.organisationId);
	return all
		.filter((l) => reader.locationIds === undefined || reader.locationIds.includes(l.id))
		.map(({ id, name, kind, brand, address, region }) => ({
			id,
			name,
			kind,
			brand,
			address,
			region
		}))
		.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'own' ? -1 : 1));
}
