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
import type { ReportSnapshot } from './report-snapshot';

const NOW = 1_760_000_000_000;

// The device sends a copy of the location with the audit; the report names the organisation's
// own record of it (as the office list does), whatever the device's copy says.
describe('the report’s location', () => {
	let f: SyncFixture;
	beforeEach(async () => {
		f = await openSyncFixture(NOW);
	});
	afterEach(async () => {
		await f.database.dispose();
	});

	async function submitWithForgedLocation() {
		const built = completeAuditOf(f.a);
		const forged = {
			...plainLocation(f.a.location),
			name: 'Forged Store',
			address: '1 Nowhere Lane',
			kind: f.a.location.kind === 'own' ? ('competitor' as const) : ('own' as const)
		};
		const upload = { ...built.upload, location: forged };
		await upsertAudit(f.ctx, f.a.shopper, built.id, upload, NOW);
		await uploadAllPhotos(f.ctx, f.a.shopper, built, NOW);
		await submitAudit(f.ctx, f.a.shopper, built.id, 'k1', submitRequestOf(built), NOW + 1);
		const [job] = await listReportJobsOfAudit(f.ctx.db, built.id);
		return { built, job: job! };
	}

	it('names the organisation’s record, not the device’s copy, on the cover', async () => {
		const { job } = await submitWithForgedLocation();
		const store = createDiskPhotoStore(f.ctx.dataDir);
		const input = await buildReportInput(f.ctx.db, store, job, NOW + 5);
		expect(input.content.location).toEqual(plainLocation(f.a.location));
		const cover = buildReportModel(input).cover;
		expect(cover.locationName).toBe(f.a.location.name);
		expect(cover.locationAddress).toBe(f.a.location.address);
		expect(JSON.stringify(buildReportModel(input))).not.toContain('Forged Store');
	});

	it('keeps the record as it was when the version was queued; older snapshots read it at render', async () => {
		const { job } = await submitWithForgedLocation();
		const original = plainLocation(f.a.location);
		await saveLocation(f.ctx.db, f.a.organisation.id, { ...original, name: 'Renamed' }, NOW + 2);
		const store = createDiskPhotoStore(f.ctx.dataDir);
		const queued = await buildReportInput(f.ctx.db, store, job, NOW + 5);
		expect(queued.content.location.name).toBe(original.name);
		// A snapshot from before locations were recorded in it.
		const legacy: Partial<ReportSnapshot> = JSON.parse(job.snapshot!) as ReportSnapshot;
		delete legacy.location;
		const old = { ...job, snapshot: JSON.stringify(legacy) };
		const rendered = await buildReportInput(f.ctx.db, store, old, NOW + 5);
		expect(rendered.content.location).toEqual({ ...original, name: 'Renamed' });
	});
});
