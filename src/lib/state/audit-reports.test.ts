import { describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '$lib/client/api/api-error';
import type { ReportFile } from '$lib/client/api/report-api';
import type { AuditStatus } from '$lib/domain/types';
import {
	AuditReports,
	downloadStateOf,
	reportActionFor,
	type AuditReportsDeps
} from './audit-reports.svelte';

const ID = '7b0c7a52-3f6e-4b1a-9a43-5d2f1c3e8a10';
const pdf: ReportFile = {
	blob: new Blob(['%PDF-1.7'], { type: 'application/pdf' }),
	filename: `shopwalk-report-${ID}-v2.pdf`
};
const httpError = (status: number, reason: ApiRequestError['reason'], code: string | null) =>
	new ApiRequestError(reason, `HTTP ${status}`, { status, code });

function setUp(fetchReport: AuditReportsDeps['fetchReport'], online = true) {
	const deps = {
		fetchReport: vi.fn(fetchReport),
		save: vi.fn<AuditReportsDeps['save']>(),
		online: vi.fn(() => online)
	};
	return { deps, reports: new AuditReports(deps) };
}

describe('which audits offer a report', () => {
	it.each([
		['draft', true, 'none'],
		['queued', true, 'none'],
		['uploading', true, 'none'],
		['received', true, 'available'],
		['received', false, 'offline'],
		['draft', false, 'none']
	] as [AuditStatus, boolean, string][])('%s, online %s → %s', (status, online, action) => {
		expect(reportActionFor({ status }, online)).toBe(action);
		expect(setUp(async () => pdf, online).reports.actionFor({ status })).toBe(action);
	});
});

describe('downloading a report', () => {
	it('saves the PDF under the server’s file name and shows nothing more', async () => {
		const { deps, reports } = setUp(async () => pdf);
		const download = reports.download(ID);
		expect(reports.stateOf(ID)).toBe('downloading');
		expect(reports.messageOf(ID)).toBe('report.downloading');
		await download;
		expect(deps.fetchReport).toHaveBeenCalledWith(ID);
		expect(deps.save).toHaveBeenCalledWith(pdf.blob, pdf.filename);
		expect(reports.stateOf(ID)).toBe('idle');
		expect(reports.messageOf(ID)).toBeNull();
	});

	it('says the report is being prepared on 409, and downloads it on a later try', async () => {
		let ready = false;
		const { deps, reports } = setUp(async () => {
			if (!ready) throw httpError(409, 'conflict', 'report_pending');
			return pdf;
		});
		await reports.download(ID);
		expect(reports.stateOf(ID)).toBe('pending');
		expect(reports.messageOf(ID)).toBe('report.pending');
		expect(deps.save).not.toHaveBeenCalled();
		ready = true;
		await reports.download(ID);
		expect(deps.save).toHaveBeenCalledOnce();
		expect(reports.messageOf(ID)).toBeNull();
	});

	it.each([
		[httpError(404, 'not_found', 'report_not_found'), 'missing', 'report.missing'],
		[httpError(404, 'not_found', 'audit_not_found'), 'unknown', 'report.unknown'],
		[new ApiRequestError('offline', 'no response'), 'offline', 'report.offline'],
		[new ApiRequestError('timeout', 'timed out'), 'offline', 'report.offline'],
		[httpError(401, 'unauthenticated', 'unauthenticated'), 'signedOut', 'report.signedOut'],
		[httpError(500, 'server', null), 'failed', 'report.failed'],
		[new ApiRequestError('bad_response', 'not a PDF'), 'failed', 'report.failed'],
		[new TypeError('boom'), 'failed', 'report.failed']
	])('%s → %s', async (error, state, message) => {
		vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const { deps, reports } = setUp(async () => {
			throw error;
		});
		expect(downloadStateOf(error)).toBe(state);
		await reports.download(ID);
		expect(reports.stateOf(ID)).toBe(state);
		expect(reports.messageOf(ID)).toBe(message);
		expect(deps.save).not.toHaveBeenCalled();
		// Other audits are not affected.
		expect(reports.stateOf('other')).toBe('idle');
	});

	it('does not ask the server while offline', async () => {
		const { deps, reports } = setUp(async () => pdf, false);
		await reports.download(ID);
		expect(deps.fetchReport).not.toHaveBeenCalled();
		expect(reports.stateOf(ID)).toBe('offline');
	});

	it('asks once when tapped twice while downloading', async () => {
		let finish: (file: ReportFile) => void = () => undefined;
		const { deps, reports } = setUp(() => new Promise<ReportFile>((resolve) => (finish = resolve)));
		const first = reports.download(ID);
		await reports.download(ID);
		finish(pdf);
		await first;
		expect(deps.fetchReport).toHaveBeenCalledOnce();
		expect(deps.save).toHaveBeenCalledOnce();
	});
});
