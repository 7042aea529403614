import { API } from '$lib/contract/api-paths';
import { ApiRequestError, errorFromResponse } from './api-error';
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
			const path = API.auditReport(auditId);
			const label = `GET ${path}`;
			const controller = new AbortController();
			let timedOut = false;
			const timer = setTimeout(() => {
				timedOut = true;
				controller.abort();
			}, timeoutMs);
			const cutOff = (error: unknown) =>
				timedOut
					? new ApiRequestError('timeout', `${label} timed out`, { cause: error })
					: new ApiRequestError('offline', `${label} failed: no response`, { cause: error });
			try {
				let response: Response;
				try {
					response = await fetchFn(base + path, {
						method: 'GET',
						headers: { accept: 'application/pdf, application/json' },
						credentials: 'same-origin',
						signal: controller.signal
					});
				} catch (error) {
					throw cutOff(error);
				}
				if (!response.ok) throw await errorFromResponse(response);
				const type = response.headers.get('content-type') ?? '';
				if (!type.startsWith('application/pdf')) {
					// A captive portal's or proxy's page, not the report.
					await response.body?.cancel().catch(() => undefined);
					throw new ApiRequestError('bad_response', `${label}: not a PDF (${type})`, {
						status: response.status
					});
				}
				let blob: Blob;
				try {
					blob = await response.blob();
				} catch (error) {
					throw cutOff(error);
				}
				const disposition = response.headers.get('content-disposition') ?? '';
				const filename = FILENAME.exec(disposition)?.[1] ?? `shopwalk-report-${auditId}.pdf`;
				return { blob, filename };
			} finally {
				clearTimeout(timer);
			}
		}
	};
}
