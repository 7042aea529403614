import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReportModel } from '$lib/domain/report-model';
import { createDiskPhotoStore } from '../files/photo-store';
import { saveLocation } from '../repos/locations';
import { listReportJobsOfAudit } from '../repos/report-jobs';
import { submitAudit } from '../services/audit-submit';
import { upsertAudit } from '../services/audit-upsert';
import {
	completeAuditOf,
	openSyncFixture,
	plainLocation,
	uploadAllPhotos,
	type SyncFixture
} from '../services/test-helpers';
import { submitRequestOf } from '../testing/complete-audit';
import { buildReportInput } from './build-report-input';
import { closeSharedReportRenderer } from './render-in-child';
import { reportFileName, reportFilePath } from './report-files';
import type { ReportSnapshot } from './report-snapshot';
import { writeReportPdf } from './write-report-pdf';

const NOW = 1_760_000_000_000;
// 14:30 UTC on 2025-10-09: 10:30 in New York (EDT), 16:30 in Copenhagen (CEST).
const TIME_IN = Date.UTC(2025, 9, 9, 14, 30);

// A report shows the visit's times on the store's wall clock, in its own time zone, whatever
// zone the server runs in or the reader sits in.
describe('the report’s times are in the store’s time zone', () => {
	let f: SyncFixture;
	beforeEach(async () => {
		f = await openSyncFixture(NOW);
	});
	afterEach(async () => {
		await f.database.dispose();
		await closeSharedReportRenderer();
	});

	async function submitAt(zone: string) {
		await saveLocation(f.ctx.db, f.a.organisation.id, plainLocation(f.a.location), NOW, zone);
		const built = completeAuditOf(f.a);
		const upload = { ...built.upload, timeIn: TIME_IN, timeOut: TIME_IN + 25 * 60_000 };
		await upsertAudit(f.ctx, f.a.shopper, built.id, upload, NOW);
		await uploadAllPhotos(f.ctx, f.a.shopper, built, NOW);
		await submitAudit(f.ctx, f.a.shopper, built.id, 'k1', submitRequestOf(built), NOW + 1);
		const [job] = await listReportJobsOfAudit(f.ctx.db, built.id);
		return { built, job: job! };
	}

	it('a New York store’s report reads 10:30 (America/New_York) in its PDF text', async () => {
		const { built, job } = await submitAt('America/New_York');
		const store = createDiskPhotoStore(f.ctx.dataDir);
		const input = await buildReportInput(f.ctx.db, store, job, NOW + 5);
		expect(input.timeZone).toBe('America/New_York');
		const model = buildReportModel(input);
		const file = reportFileName(f.a.organisation.id, built.id, 1);
		await writeReportPdf({
			dataDir: f.ctx.dataDir,
			organisationId: f.a.organisation.id,
			auditId: built.id,
			model,
			file
		});
		const text = execFileSync(
			'pdftotext',
			['-enc', 'UTF-8', reportFilePath(f.ctx.dataDir, file), '-'],
			{ encoding: 'utf8' }
		).replace(/\s+/g, ' ');
		expect(text).toMatch(/10:30 (AM )?\(America\/New_York\)/);
		expect(text).toMatch(/10:55/);
		expect(text).not.toMatch(/16:30|4:30 PM/);
		expect(text).toContain('9 October 2025');
	});

	it('keeps the zone the version was queued with; older snapshots read the store’s zone now', async () => {
		const { job } = await submitAt('Europe/Warsaw');
		await saveLocation(
			f.ctx.db,
			f.a.organisation.id,
			plainLocation(f.a.location),
			NOW + 2,
			'Asia/Tokyo'
		);
		const store = createDiskPhotoStore(f.ctx.dataDir);
		expect((await buildReportInput(f.ctx.db, store, job, NOW + 5)).timeZone).toBe('Europe/Warsaw');
		const legacy: Partial<ReportSnapshot> = JSON.parse(job.snapshot!) as ReportSnapshot;
		delete legacy.timeZone;
		const old = { ...job, snapshot: JSON.stringify(legacy) };
		const input = await buildReportInput(f.ctx.db, store, old, NOW + 5);
		expect(input.timeZone).toBe('Asia/Tokyo');
		// 14:30 UTC is 23:30 in Tokyo.
		expect(JSON.stringify(buildReportModel(input).cover.facts)).toMatch(
			/11:30 PM \(Asia\/Tokyo\)|23:30 \(Asia\/Tokyo\)/
		);
	});
});
