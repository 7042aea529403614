import { describe, expect, it } from 'vitest';
import { createReportApi } from './report-api';

const ID = '7b0c7a52-3f6e-4b1a-9a43-5d2f1c3e8a10';

const apiError = (status: number, error: string, details?: unknown) =>
	new Response(JSON.stringify({ error, message: error, details }), {
		status,
		headers: { 'content-type': 'application/json' }
	});

describe('createReportApi', () => {
	it('fetches the PDF with the session cookie and keeps the server’s file name', async () => {
		const seen: { url: string; init: RequestInit }[] = [];
		const api = createReportApi({
			fetch: async (url, init) => {
				seen.push({ url, init });
				return new Response('%PDF-1.7 …', {
					headers: {
						'content-type': 'application/pdf',
						'content-disposition': `attachment; filename="shopwalk-report-${ID}-v3.pdf"`
					}
				});
			}
		});
		const file = await api.fetchReport(ID);
		expect(seen[0]!.url).toBe(`/api/audits/${ID}/report`);
		expect(seen[0]!.init).toMatchObject({ method: 'GET', credentials: 'same-origin' });
		expect(file.filename).toBe(`shopwalk-report-${ID}-v3.pdf`);
		expect(file.blob.type).toBe('application/pdf');
		expect(await file.blob.text()).toBe('%PDF-1.7 …');
	});

	it('names the file itself when the server does not', async () => {
		const api = createReportApi({
			fetch: async () => new Response('%PDF', { headers: { 'content-type': 'application/pdf' } })
		});
		expect((await api.fetchReport(ID)).filename).toBe(`shopwalk-report-${ID}.pdf`);
	});

	it.each([
		[409, 'conflict', 'report_pending', () => apiError(409, 'report_pending')],
		[
			404,
			'not_found',
			'report_not_found',
			() => apiError(404, 'report_not_found', { state: 'failed' })
		],
		[404, 'not_found', 'audit_not_found', () => apiError(404, 'audit_not_found')],
		[401, 'unauthenticated', 'unauthenticated', () => apiError(401, 'unauthenticated')],
		[502, 'server', null, () => new Response('<html>', { status: 502 })],
		[
			200,
			'bad_response',
			null,
			() => new Response('<html>wifi login</html>', { headers: { 'content-type': 'text/html' } })
		]
	] as const)('HTTP %i → %s (%s)', async (status, reason, code, response) => {
		const api = createReportApi({ fetch: async () => response() });
		await expect(api.fetchReport(ID)).rejects.toMatchObject({ reason, status, code });
	});

	it('reports a failed fetch as offline and a slow one as a timeout', async () => {
		const offline = createReportApi({
			fetch: async () => {
				throw new TypeError('Failed to fetch');
			}
		});
		await expect(offline.fetchReport(ID)).rejects.toMatchObject({ reason: 'offline' });
		const slow = createReportApi({
			timeoutMs: 10,
			fetch: (_url, init) =>
				new Promise((_resolve, reject) =>
					init.signal?.addEventListener('abort', () => reject(new DOMException('aborted')))
				)
		});
		await expect(slow.fetchReport(ID)).rejects.toMatchObject({ reason: 'timeout' });
	});
});
