import { API } from '$lib/contract/api-paths';
import { type ServerAuditState } from '$lib/contract/sync';
import {
	AuditDetailSchema,
	AuditListResponseSchema,
	type AuditDetail,
	type AuditListResponse
} from '$lib/contract/office';
import { sendRequest, type FetchLike } from './request';

/** The office's reads of received audits (online only). Throws ApiRequestError. */
export interface OfficeApi {
	listAudits(query: {
		cursor?: string | null;
		limit?: number;
		state?: ServerAuditState;
		kind?: 'own' | 'competitor';
		template?: string;
		/** Received at or after this time (epoch ms). */
		receivedFrom?: number;
		/** Received before this time (epoch ms, exclusive). */
		receivedBefore?: number;
	}): Promise<AuditListResponse>;
	getAudit(id: string): Promise<AuditDetail>;
}

export function createOfficeApi(options: { fetch?: FetchLike; baseUrl?: string } = {}): OfficeApi {
	const fetchFn: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
	const base = options.baseUrl ?? '';
	return {
		listAudits(query) {
			const params = new URLSearchParams();
			if (query.cursor) params.set('cursor', query.cursor);
			if (query.limit) params.set('limit', String(query.limit));
			if (query.state) params.set('state', query.state);
			if (query.kind) params.set('kind', query.kind);
			if (query.template) params.set('template', query.template);
			if (query.receivedFrom !== undefined) {
				params.set('receivedFrom', String(query.receivedFrom));
			}
			if (query.receivedBefore !== undefined) {
				params.set('receivedBefore', String(query.receivedBefore));
			}
			const search = params.size ? `?${params}` : '';
			return sendRequest(fetchFn, base, {
				method: 'GET',
				path: `${API.audits}${search}`,
				schema: AuditListResponseSchema,
				timeoutMs: 30_000
			});
		},
		getAudit(id) {
			return sendRequest(fetchFn, base, {
				method: 'GET',
				path: API.audit(id),
				schema: AuditDetailSchema,
				timeoutMs: 30_000
			});
		}
	};
}
