import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '$lib/contract/auth';
import { listReportJobsOfAudit } from '../repos/report-jobs';
import { getAuditDetail, listAuditsFor } from '../services/audit-queries';
import { openSyncFixture, type SyncFixture } from '../services/test-helpers';
import type { BuiltAudit } from '../testing/complete-audit';
import { startReportRunner } from './report-runner';
import { submitSmallAudit, waitFor } from './testing/report-fixture';

let fixture: SyncFixture;
vi.mock('$lib/server/context', () => ({ getServerContext: async () => fixture.ctx }));

const report = await import('../../../routes/api/audits/[id]/report/+server');
const NOW = 1_760_000_000_000;

function getReport(user: SessionUser | null, id: string): Promise<Response> {
	const url = new URL(`/api/audits/${id}/report`, 'http://shopwalk.test');
	const event = {
		locals: { user, sessionId: null },
		params: { id },
		request: new Request(url),
		url
	};
	return Promise.resolve(report.GET(event as never));
}

describe('GET /api/audits/{id}/report and the report state', () => {
	let audit: BuiltAudit;
	beforeEach(async () => {
		fixture = await openSyncFixture(NOW);
		audit = await submitSmallAudit(fixture.ctx, fixture.a, NOW);
	});
	afterEach(async () => {
		await fixture.database.dispose();
	});

	const reportState = async (user: SessionUser) => {
		const list = await listAuditsFor(fixture.ctx, user, {});
		const detail = await getAuditDetail(fixture.ctx, user, audit.id);
		expect(list.items.find((item) => item.id === audit.id)?.reportState).toBe(detail.reportState);
		return detail.reportState;
	};

	it('answers 409 report_pending until the report is made, then the PDF to its readers only', async () => {
		const { a, b } = fixture;
		const pending = await getReport(a.manager, audit.id);
		expect(pending.status).toBe(409);
		expect(await pending.json()).toMatchObject({ error: 'report_pending' });
		expect(await reportState(a.manager)).toBe('pending');

		// The default renderer: pdfmake in a worker thread, as in production.
		const runner = startReportRunner({
			getContext: async () => fixture.database,
			instanceId: 'endpoint-test',
			pollMs: 10
		});
		try {
			await waitFor(
				async () => (await listReportJobsOfAudit(fixture.ctx.db, audit.id))[0]?.state === 'ready',
				30_000,
				'the report'
			);
		} finally {
			await runner.stop();
		}
		expect(await reportState(a.manager)).toBe('ready');
		expect(await reportState(a.shopper)).toBe('ready');

		for (const reader of [a.shopper, a.manager, a.admin]) {
			const response = await getReport(reader, audit.id);
			expect(response.status, reader.role).toBe(200);
			expect(response.headers.get('content-type')).toBe('application/pdf');
			expect(response.headers.get('cache-control')).toContain('private');
			expect(response.headers.get('content-disposition')).toBe(
				`attachment; filename="shopwalk-report-${audit.id}-v1.pdf"`
			);
			const bytes = new Uint8Array(await response.arrayBuffer());
			expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
		}

		for (const stranger of [b.manager, b.admin, b.shopper, a.otherShopper]) {
			const response = await getReport(stranger, audit.id);
			expect(response.status, `${stranger.email}`).toBe(404);
			expect(await response.json()).toMatchObject({ error: 'audit_not_found' });
		}
		expect((await getReport(null, audit.id)).status).toBe(401);
	}, 40_000);

	it('answers 404 report_not_found when the newest version failed, and shows it failed', async () => {
		await fixture.ctx.db
			.updateTable('report_jobs')
			.set({ state: 'failed', attempts: 4, last_error: 'Photo file missing: x' })
			.where('audit_id', '=', audit.id)
			.execute();
		const response = await getReport(fixture.a.manager, audit.id);
		expect(response.status).toBe(404);
		expect(await response.json()).toMatchObject({
			error: 'report_not_found',
			details: { state: 'failed' }
		});
		expect(await reportState(fixture.a.manager)).toBe('failed');
	});

	it('shows none for an audit never handed in', async () => {
		await fixture.ctx.db.deleteFrom('report_jobs').where('audit_id', '=', audit.id).execute();
		expect(await reportState(fixture.a.manager)).toBe('none');
		expect((await getReport(fixture.a.manager, audit.id)).status).toBe(404);
	});
});
