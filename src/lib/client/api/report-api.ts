import { API } from '$lib/contract/api-paths';
import { downloadFile } from './download-file';
import type { FetchLike } from './request';

/** A downloaded report: the PDF and the name the server gave it. */
export interface ReportFile {
	blob: Blob;
	filename: string;
}

/** Reading an audit's PDF report (online only). Throws only ApiRequestError. */
export interface ReportApi {
	/**
	 * The newest ready report of the audit. `conflict` with code `report_pending` while it is
	 * being made; `not_found` with `report_not_found` when there is none (or it failed), or
	 * `audit_not_found` when the server has no such audit for this user.
	 */
	fetchReport(auditId: string): Promise<ReportFile>;
}

const FILENAME = /filename="([^"/\\]+)"/;

export function createReportApi(
	options: { fetch?: FetchLike; baseUrl?: string; timeoutMs?: number } = {}
): ReportApi {
	const fetchFn: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
	const base = options.baseUrl ?? '';
	const timeoutMs = options.timeoutMs ?? 120_000;
	return {
		async fetchReport(auditId) {
			const report = await downloadFile(fetchFn, base, {
				path: API.auditReport(auditId),
				mediaType: 'application/pdf',
				description: 'a PDF',
				read: (response) => response.blob(),
				timeoutMs
			});
			const disposition = report.headers.get('content-disposition') ?? '';
			const filename = FILENAME.exec(disposition)?.[1] ?? `shopwalk-report-${auditId}.pdf`;
			return { blob: report.body, filename };
		}
	};
}
