import { describe, expect, it } from 'vitest';
import { reportingFetch } from './reachability';

describe('reportingFetch', () => {
	it('reports reachable for any answer, error statuses included', async () => {
		const seen: string[] = [];
		const fetchFn = reportingFetch(
			async () => new Response('no', { status: 503 }),
			(s) => seen.push(s)
		);
		expect((await fetchFn('/api/x', {})).status).toBe(503);
		expect(seen).toEqual(['reachable']);
	});

	it('reports unreachable when no answer came, and passes the failure on', async () => {
		const seen: string[] = [];
		const fetchFn = reportingFetch(
			() => Promise.reject(new TypeError('Failed to fetch')),
			(s) => seen.push(s)
		);
		await expect(fetchFn('/api/x', {})).rejects.toThrow('Failed to fetch');
		expect(seen).toEqual(['unreachable']);
	});
});
