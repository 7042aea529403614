import { ApiRequestError } from '$lib/client/api/api-error';
import { createReportApi, type ReportApi } from '$lib/client/api/report-api';
import { saveFile } from '$lib/client/files/save-file';
import type { Audit } from '$lib/domain/types';
import type { MessageKey } from '$lib/i18n/i18n.svelte';
import { deviceStatus } from './device-status.svelte';

/**
 * What the home page offers for an audit's report: nothing (`none`: the server has not received
 * the audit, so there is no report), a disabled button with the reason (`offline`), or a download
 * (`available`). Decided from the device alone, so the page renders without the network; whether
 * the report is ready is asked only when the shopper taps.
 */
export type ReportAction = 'none' | 'offline' | 'available';

/**
 * The last download attempt of one audit's report: `idle` (none yet, or saved), `downloading`,
 * or why it did not work — `pending` (409: still being made), `missing` (no report, or it could
 * not be made), `unknown` (the server has no such audit for this account), `offline`,
 * `signedOut`, `failed` (anything else).
 */
export type ReportDownloadState =
	'idle' | 'downloading' | 'pending' | 'missing' | 'unknown' | 'offline' | 'signedOut' | 'failed';

/** Whether an audit in `status` has a report to offer, and whether it can be fetched now. */
export function reportActionFor(audit: Pick<Audit, 'status'>, online: boolean): ReportAction {
	if (audit.status !== 'received') return 'none';
	return online ? 'available' : 'offline';
}

/** The download state a failed attempt leaves. */
export function downloadStateOf(error: unknown): ReportDownloadState {
	if (!(error instanceof ApiRequestError)) return 'failed';
	switch (error.reason) {
		case 'conflict':
			return error.status === 409 ? 'pending' : 'failed';
		case 'not_found':
			return error.code === 'audit_not_found' ? 'unknown' : 'missing';
		case 'offline':
		case 'timeout':
			return 'offline';
		case 'unauthenticated':
			return 'signedOut';
		default:
			return 'failed';
	}
}

const MESSAGES: Record<ReportDownloadState, MessageKey | null> = {
	idle: null,
	downloading: 'report.downloading',
	pending: 'report.pending',
	missing: 'report.missing',
	unknown: 'report.unknown',
	offline: 'report.offline',
	signedOut: 'report.signedOut',
	failed: 'report.failed'
};

export interface AuditReportsDeps {
	fetchReport: ReportApi['fetchReport'];
	save(blob: Blob, filename: string): void;
	online(): boolean;
}

function defaultDeps(): AuditReportsDeps {
	const api = createReportApi();
	return {
		fetchReport: (auditId) => api.fetchReport(auditId),
		save: saveFile,
		online: () => deviceStatus.online
	};
}

/** The shopper's downloads of the PDF reports of their received audits. */
export class AuditReports {
	#deps: AuditReportsDeps;
	#states = $state<Record<string, ReportDownloadState>>({});

	constructor(deps: AuditReportsDeps = defaultDeps()) {
		this.#deps = deps;
	}

	/** What to offer for `audit`'s report right now. */
	actionFor(audit: Pick<Audit, 'status'>): ReportAction {
		return reportActionFor(audit, this.#deps.online());
	}

	stateOf(auditId: string): ReportDownloadState {
		return this.#states[auditId] ?? 'idle';
	}

	/** What to tell the shopper about the last attempt, or null for nothing. */
	messageOf(auditId: string): MessageKey | null {
		return MESSAGES[this.stateOf(auditId)];
	}

	/** Downloads the newest report of the audit and hands it to the browser to save. */
	async download(auditId: string): Promise<void> {
		if (this.stateOf(auditId) === 'downloading') return;
		if (!this.#deps.online()) {
			this.#states[auditId] = 'offline';
			return;
		}
		this.#states[auditId] = 'downloading';
		try {
			const file = await this.#deps.fetchReport(auditId);
			this.#deps.save(file.blob, file.filename);
			this.#states[auditId] = 'idle';
		} catch (error) {
			const state = downloadStateOf(error);
			if (state === 'failed') console.error(error);
			this.#states[auditId] = state;
		}
	}
}
