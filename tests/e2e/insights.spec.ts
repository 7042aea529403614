import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localize } from '../../src/lib/domain/text';
import type { LocalizedText } from '../../src/lib/domain/types';
import { INTL_TAGS, type UiLocale } from '../../src/lib/i18n/locales';
import { CSV_DIALECT } from '../../src/lib/shared/csv-dialect';
import { uiText } from './field-walk';
import { MANAGER, signIn } from './sign-in';

// A manager opens the benchmark and a store's trend over the demo organisation with a year of
// approved audits (SHOPWALK_DEMO_HISTORY=1, a server of this spec's own so the other specs keep
// the plain demo), switches language, and every number on screen is the server's figure for the
// seeded data — which the service tests prove equal to the domain's scoring of the audits.
// axe finds nothing on either page. Then, still in Polish, the manager exports every audit as CSV
// from the inbox: parsed with a CSV library, its rows give again each stage's benchmark and the
// store's month-by-month trend that the pages showed (counts exact; means within the rounding of
// the file's one-decimal percentages).

const port = Number(process.env.E2E_PORT ?? 4173) + 2;
const origin = `http://localhost:${port}`;
let server: ChildProcess;
let dataDir: string;

test.beforeAll(async () => {
	dataDir = mkdtempSync(join(tmpdir(), 'shopwalk-insights-e2e-'));
	server = spawn('node', ['build'], {
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: origin,
			DATA_DIR: dataDir,
			SHOPWALK_DEMO_HISTORY: '1'
		},
		stdio: 'ignore'
	});
	for (let i = 0; i < 200; i++) {
		const up = await fetch(`${origin}/readyz`).then(
			(r) => r.ok,
			() => false
		);
		if (up) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error('the insights server did not start');
});

test.afterAll(() => {
	server.kill('SIGTERM');
	rmSync(dataDir, { recursive: true, force: true });
});

type Figure = { mean: number | null; n: number; small: boolean };

function percent(locale: UiLocale, value: number): string {
	return `${new Intl.NumberFormat(INTL_TAGS[locale], { maximumFractionDigits: 1 }).format(value)} %`;
}

function audits(locale: UiLocale, n: number): string {
	const forms: Record<UiLocale, (n: number) => string> = {
		en: (n) => `${n} audit${n === 1 ? '' : 's'}`,
		da: (n) => `${n} audit${n === 1 ? '' : 's'}`,
		nb: (n) => `${n} revisjon${n === 1 ? '' : 'er'}`,
		// Polish: 1 audyt, 2–4 (and 22–24…) audyty, otherwise audytów.
		pl: (n) =>
			`${n} ${{ one: 'audyt', few: 'audyty' }[new Intl.PluralRules('pl').select(n) as string] ?? 'audytów'}`
	};
	return forms[locale](n);
}

/** The cell of a figure shows its mean and its count, in the page's language. */
async function expectFigure(
	page: Page,
	cell: ReturnType<Page['locator']>,
	f: Figure,
	locale: UiLocale
) {
	if (f.mean !== null)
		await expect(cell.getByTestId('figure-mean')).toHaveText(percent(locale, f.mean));
	await expect(cell.getByTestId('figure-count')).toHaveText(audits(locale, f.n));
}

async function axeViolations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations.map(
		(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
}

test('a manager reads the benchmark and a store’s trend in three languages, then exports CSV: the screen, the server and the file agree', async ({
	page
}) => {
	test.setTimeout(180_000);
	await signIn(page, MANAGER, origin);
	await page.goto(`${origin}/office/insights?tz=UTC`);
	await expect(
		page.getByRole('heading', { level: 1, name: uiText('en', 'insights.title') })
	).toBeVisible();

	const benchmark = (await (
		await page.request.get(`${origin}/api/insights/benchmark?tz=UTC`)
	).json()) as {
		period: { from: number; before: number };
		stages: { stageKey: string; title: LocalizedText; own: Figure; competitor: Figure }[];
		total: { own: Figure; competitor: Figure };
	};
	// The demo history: a year of visits to four stores, about six of each kind in 90 days.
	expect(benchmark.stages.length).toBe(9);
	expect(benchmark.total.own.n).toBeGreaterThanOrEqual(10);
	const check = async (locale: UiLocale) => {
		for (const stage of benchmark.stages) {
			const row = page.locator(
				`[data-testid="benchmark-table"] tr[data-stage="${stage.stageKey}"]`
			);
			await expect(row.locator('th')).toHaveText(localize(stage.title, locale));
			const cells = row.locator('td.figure');
			await expectFigure(page, cells.nth(0), stage.own, locale);
			await expectFigure(page, cells.nth(1), stage.competitor, locale);
		}
		const total = page.locator('[data-testid="benchmark-table"] tr[data-stage="total"] td.figure');
		await expectFigure(page, total.nth(0), benchmark.total.own, locale);
		await expectFigure(page, total.nth(1), benchmark.total.competitor, locale);
	};
	await check('en');
	await expect(page.getByTestId('bar-chart')).toBeVisible();
	await expect(page.getByTestId('line-chart')).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);

	// Danish: the same numbers, with Danish words and decimal commas.
	await page.getByTestId('office-language').selectOption('da');
	await expect(
		page.getByRole('heading', { level: 1, name: uiText('da', 'insights.title') })
	).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'da');
	await check('da');

	// A store's page: its trend against the organisation's average, month by month.
	await page.getByTestId('insights-location').filter({ hasText: 'Strøget' }).click();
	await expect(page.getByTestId('location-name')).toHaveText('Nordlys Elektronik Strøget');
	const location = (await (
		await page.request.get(`${origin}/api/insights/locations/loc-own-copenhagen?tz=UTC`)
	).json()) as {
		trend: {
			series: { points: (Figure & { day: string; start: number; end: number })[] };
			reference: { points: Figure[] };
		};
		visits: unknown[];
	};
	const rows = page.locator('[data-testid="location-trend-table"] tbody tr');
	await expect(rows).toHaveCount(location.trend.series.points.length);
	// Months with visits show this store's mean beside the organisation's.
	let shown = 0;
	for (const [i, point] of location.trend.series.points.entries()) {
		const cells = rows.nth(i).locator('td.figure');
		await expectFigure(page, cells.nth(0), point, 'da');
		await expectFigure(page, cells.nth(1), location.trend.reference.points[i]!, 'da');
		if (point.n > 0) shown++;
	}
	expect(shown).toBeGreaterThanOrEqual(11);
	await expect(page.getByTestId('location-visits').locator('tbody tr')).toHaveCount(
		location.visits.length
	);
	expect(await axeViolations(page)).toEqual([]);

	// Polish, with its plural forms, on the same page.
	await page.getByTestId('office-language').selectOption('pl');
	await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
	await expect(
		page.getByRole('heading', { name: uiText('pl', 'insights.location.visits') })
	).toBeVisible();
	const first = location.trend.series.points.findIndex((p) => p.n > 0);
	await expectFigure(
		page,
		rows.nth(first).locator('td.figure').nth(0),
		location.trend.series.points[first]!,
		'pl'
	);
	// What the screen shows for each month, read back as numbers.
	const screenTrend = await rows.evaluateAll((trs) =>
		trs.map((tr) => ({
			mean: tr.querySelector('td.figure [data-testid="figure-mean"]')?.textContent ?? null,
			count: tr.querySelector('td.figure [data-testid="figure-count"]')?.textContent ?? ''
		}))
	);

	// The CSV of every audit, from the inbox's export, in Polish (`;` and decimal commas).
	await page.goto(`${origin}/office?tz=UTC`);
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('export-audits').click()
	]);
	const csv = parse(readFileSync(await file.path(), 'utf8'), {
		bom: true,
		columns: true,
		delimiter: CSV_DIALECT.pl.delimiter
	}) as Record<string, string>[];
	const column = (key: Parameters<typeof uiText>[1], stage?: string) => {
		const name = uiText('pl', key).replace('{stage}', stage ?? '');
		expect(Object.keys(csv[0]!), name).toContain(name);
		return name;
	};
	const counted = new Set(
		(['submitted', 'resubmitted', 'approved'] as const).map((s) =>
			uiText('pl', `office.state.${s}`)
		)
	);
	const number = (text: string) => (text === '' ? null : Number(text.replace(',', '.')));
	const visitedAt = (row: Record<string, string>) =>
		Date.parse(`${row[column('export.col.timeIn')]!.replace(' ', 'T')}:00Z`);
	const kindOf = {
		own: uiText('pl', 'location.own'),
		competitor: uiText('pl', 'location.competitor')
	};
	const meanOf = (values: (number | null)[]) => {
		const present = values.filter((v): v is number => v !== null);
		return { n: present.length, mean: present.reduce((a, b) => a + b, 0) / present.length };
	};
	const handedIn = csv.filter((row) => counted.has(row[column('export.col.state')]!));
	expect(handedIn.length).toBeGreaterThan(20);
	const inPeriod = handedIn.filter(
		(row) => visitedAt(row) >= benchmark.period.from && visitedAt(row) < benchmark.period.before
	);
	for (const stage of benchmark.stages) {
		const header = column('export.col.stagePercent', localize(stage.title, 'pl'));
		for (const kind of ['own', 'competitor'] as const) {
			const figure = stage[kind];
			const fromCsv = meanOf(
				inPeriod
					.filter((r) => r[column('export.col.kind')] === kindOf[kind])
					.map((r) => number(r[header]!))
			);
			expect(fromCsv.n, `${stage.stageKey} ${kind}: audits`).toBe(figure.n);
			if (figure.mean !== null)
				expect(Math.abs(fromCsv.mean - figure.mean)).toBeLessThanOrEqual(0.06);
		}
	}
	// The store's months: the same audits and, to the screen's one decimal, the same means.
	const store = handedIn.filter((r) => r[column('export.col.locationId')] === 'loc-own-copenhagen');
	for (const [i, point] of location.trend.series.points.entries()) {
		const month = meanOf(
			store
				.filter((r) => visitedAt(r) >= point.start && visitedAt(r) < point.end)
				.map((r) => number(r[column('export.col.total')]!))
		);
		expect(screenTrend[i]!.count, point.day).toBe(audits('pl', month.n));
		if (month.n === 0) continue;
		const shown = Number(screenTrend[i]!.mean!.replace(/\s*%$/, '').replace(',', '.'));
		expect(
			Math.abs(shown - month.mean),
			`${point.day}: ${shown} against ${month.mean}`
		).toBeLessThanOrEqual(0.11);
	}
});
