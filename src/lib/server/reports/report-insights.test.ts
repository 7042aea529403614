import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportInsights } from '$lib/domain/report-insights';
import { buildReportModel } from '$lib/domain/report-model';
import { scoreAudit } from '$lib/domain/scoring';
import type { AnswerValue } from '$lib/domain/types';
import { createDiskPhotoStore } from '../files/photo-store';
import { listReportJobsOfAudit } from '../repos/report-jobs';
import { approveAudit } from '../services/audit-review';
import {
	COMPETITOR_TEMPLATE,
	OWN_TEMPLATE,
	publishInsightTemplates,
	submitInsightAudit,
	type InsightAudit
} from '../services/insights-fixture';
import { openSyncFixture, plainLocation, type SyncFixture } from '../services/test-helpers';
import { buildReportInput } from './build-report-input';
import { closeSharedReportRenderer } from './render-in-child';
import { reportFileName, reportFilePath } from './report-files';
import { writeReportPdf } from './write-report-pdf';

// The PDF report of an audit gains the store's recent months against the organisation's average
// and the stage comparison with competitors over the same months — approved audits only, every
// figure with its count — read back from the PDF with pdftotext.

const NOW = Date.UTC(2025, 9, 20, 12);
const squash = (text: string) => text.replace(/\s+/g, ' ');

const mean = (audits: InsightAudit[], stage?: string) => {
	const values = audits
		.map((a) => scoreAudit(a.template, new Map<string, AnswerValue>(Object.entries(a.answers))))
		.map((s) => (stage ? s.stages.find((x) => x.stageId === stage)!.percent : s.totalPercent))
		.filter((v): v is number => v !== null);
	return values.reduce((x, y) => x + y, 0) / values.length;
};
const pct = (value: number) =>
	`${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(value)} %`;

describe('the report’s trend and competitor comparison', () => {
	let f: SyncFixture;
	let text: string;
	let own: InsightAudit[];
	let competitor: InsightAudit[];

	beforeAll(async () => {
		f = await openSyncFixture(NOW);
		await publishInsightTemplates(f.database.db, f.a.organisation.id, NOW);
		const answers = (good: boolean): Record<string, AnswerValue> => ({
			'w.greeted': good ? 'yes' : 'no',
			'w.safe': 'yes',
			'w.follow-up': 'yes',
			'a.knowledge': good ? 5 : 2,
			'a.offer': good ? 'yes' : 'no'
		});
		const submit = async (
			user: typeof f.a.shopper,
			template: typeof OWN_TEMPLATE,
			loc: typeof f.a.location,
			at: number,
			good: boolean
		) => {
			const audit = await submitInsightAudit(
				f.ctx,
				user,
				{
					template,
					location: plainLocation(loc),
					timeIn: at,
					answers: Object.fromEntries(
						Object.entries(answers(good)).filter(
							([id]) => template === OWN_TEMPLATE || id !== 'w.follow-up'
						)
					)
				},
				NOW
			);
			await approveAudit(
				f.ctx,
				f.a.manager,
				audit.id,
				{ expectedState: 'submitted', expectedRevision: 1 },
				NOW
			);
			return audit;
		};
		own = [
			await submit(f.a.shopper, OWN_TEMPLATE, f.a.location, Date.UTC(2025, 7, 12, 10), false),
			await submit(f.a.shopper, OWN_TEMPLATE, f.a.location, Date.UTC(2025, 8, 12, 10), true),
			await submit(f.a.shopper, OWN_TEMPLATE, f.a.location, Date.UTC(2025, 9, 12, 10), true)
		];
		competitor = [
			await submit(
				f.a.fieldManager,
				COMPETITOR_TEMPLATE,
				f.a.competitor,
				Date.UTC(2025, 8, 3, 10),
				false
			)
		];
		// Handed in but not approved: a report reader's report must not count it.
		await submitInsightAudit(
			f.ctx,
			f.a.shopper,
			{
				template: OWN_TEMPLATE,
				location: plainLocation(f.a.location),
				timeIn: Date.UTC(2025, 9, 13),
				answers: answers(false)
			},
			NOW
		);
		const audit = own[2]!;
		const [job] = await listReportJobsOfAudit(f.database.db, audit.id);
		const input = await buildReportInput(
			f.database.db,
			createDiskPhotoStore(f.database.dataDir),
			job!,
			NOW
		);
		const file = reportFileName(f.a.organisation.id, audit.id, 1);
		await writeReportPdf({
			dataDir: f.database.dataDir,
			organisationId: f.a.organisation.id,
			auditId: audit.id,
			model: buildReportModel(input),
			file
		});
		const pdf = reportFilePath(f.database.dataDir, file);
		if (process.env.REPORT_PDF_OUT) execFileSync('cp', [pdf, process.env.REPORT_PDF_OUT]);
		text = squash(
			execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
		);
	}, 120_000);
	afterAll(async () => {
		await closeSharedReportRenderer();
		await f.database.dispose();
	});

	it('shows six months of this store against the organisation, each with its count', () => {
		expect(text).toContain('This store’s recent trend');
		for (const month of [
			'May 2025',
			'June 2025',
			'July 2025',
			'August 2025',
			'September 2025',
			'October 2025'
		]) {
			expect(text).toContain(month);
		}
		// August: the one poor visit; October: one good one (the unapproved visit left out).
		expect(text).toMatch(
			new RegExp(
				`August 2025 ${pct(mean(own.slice(0, 1)))} \\(1\\) \\* ${pct(mean(own.slice(0, 1)))} \\(1\\) \\*`
			)
		);
		expect(text).toMatch(new RegExp(`October 2025 ${pct(mean(own.slice(2)))} \\(1\\) \\*`));
	});

	it('compares this store’s stages with own stores and competitors over the same months', () => {
		expect(text).toContain('Against competitors, 1 May 2025 – 31 Oct 2025');
		const store = mean(own, 'welcome');
		const rival = mean(competitor, 'welcome');
		expect(text).toContain(`Welcome ${pct(store)} (3) * ${pct(store)} (3) * ${pct(rival)} (1) *`);
		const gap = new Intl.NumberFormat('en-GB', {
			maximumFractionDigits: 1,
			signDisplay: 'exceptZero'
		}).format(store - rival);
		expect(text).toContain(`${gap} pts`);
		expect(text).toContain('Approved audits only');
	});

	it('leaves the section out while nothing is approved', () => {
		const input = {
			from: 0,
			before: 1,
			months: [{ start: 0, store: { mean: null, n: 0 }, organisation: { mean: null, n: 0 } }],
			stages: [],
			smallSample: 5
		};
		expect(buildReportInsights(input, OWN_TEMPLATE, 'en', 'UTC').empty).toBe(true);
		const one = { ...input, months: [{ ...input.months[0]!, organisation: { mean: 50, n: 1 } }] };
		expect(buildReportInsights(one, OWN_TEMPLATE, 'en', 'UTC').empty).toBe(false);
	});
});
