import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localize } from '../../src/lib/domain/text';
import type { LocalizedText } from '../../src/lib/domain/types';
import { INTL_TAGS, type UiLocale } from '../../src/lib/i18n/locales';
import { uiText } from './field-walk';
import { MANAGER, signIn } from './sign-in';

// A manager opens the benchmark and a store's trend over the demo organisation with a year of
// approved audits (SHOPWALK_DEMO_HISTORY=1, a server of this spec's own so the other specs keep
// the plain demo), switches language, and every number on screen is the server's figure for the
// seeded data — which the service tests prove equal to the domain's scoring of the audits.
// axe finds nothing on either page. (The CSV export step belongs to the `scale` branch's export:
// HOOK — download `/api/exports/audits.csv` here and compare its stage percentages with
// `benchmarkRows` below.)

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
		pl: (n) => `${n} audyt${n === 1 ? '' : 'ów'}`
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

test('a manager reads the benchmark and a store’s trend in two languages; the numbers are the server’s', async ({
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
		trend: { series: { points: Figure[] }; reference: { points: Figure[] } };
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
});
