import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OfficeApi } from '$lib/client/api/office-api';
import type { AuditListResponse } from '$lib/contract/office';
import { filtersFromSearch, OfficeInbox, queryOfFilters } from './office-inbox.svelte';

type ListQuery = Parameters<OfficeApi['listAudits']>[0];

const originalTz = process.env.TZ;
beforeEach(() => {
	process.env.TZ = 'Europe/Copenhagen';
});
afterEach(() => {
	if (originalTz === undefined) delete process.env.TZ;
	else process.env.TZ = originalTz;
});

const page = (ids: string[], nextCursor: string | null = null): AuditListResponse => ({
	items: ids.map((id) => ({ id }) as AuditListResponse['items'][number]),
	nextCursor
});

function fakeApi(answer: (query: ListQuery) => Promise<AuditListResponse>) {
	const queries: ListQuery[] = [];
	return {
		queries,
		api: {
			listAudits: vi.fn((query: ListQuery) => {
				queries.push(query);
				return answer(query);
			})
		}
	};
}

describe('office inbox filters in the page address', () => {
	it('reads known filters and days, drops anything else, and writes them back', () => {
		const filters = filtersFromSearch(
			new URLSearchParams(
				'state=approved&kind=competitor&template=t1&from=2025-10-01&to=2025-10-31'
			)
		);
		expect(filters).toEqual({
			state: 'approved',
			kind: 'competitor',
			template: 't1',
			from: '2025-10-01',
			to: '2025-10-31'
		});
		expect(queryOfFilters(filters)).toBe(
			'state=approved&kind=competitor&template=t1&from=2025-10-01&to=2025-10-31'
		);
		expect(
			filtersFromSearch(
				new URLSearchParams('state=lost&kind=x&template=../x&from=2025-02-30&to=yesterday')
			)
		).toEqual({ state: '', kind: '', template: '', from: '', to: '' });
		expect(queryOfFilters({ state: '', kind: '', template: '', from: '', to: '' })).toBe('');
	});
});

describe('OfficeInbox date filter', () => {
	it('asks for the chosen local days as epoch bounds, next pages included', async () => {
		const { api, queries } = fakeApi(async (q) =>
			q.cursor ? page(['c']) : page(['a', 'b'], 'n1')
		);
		const inbox = new OfficeInbox({
			api,
			filters: { state: '', kind: 'own', template: '', from: '2025-10-01', to: '2025-10-02' }
		});
		await inbox.reload();
		await inbox.loadMore();
		expect(inbox.items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
		expect(queries).toEqual([
			{
				cursor: null,
				limit: 50,
				state: undefined,
				kind: 'own',
				template: undefined,
				receivedFrom: Date.UTC(2025, 8, 30, 22),
				receivedBefore: Date.UTC(2025, 9, 2, 22)
			},
			expect.objectContaining({
				cursor: 'n1',
				receivedFrom: Date.UTC(2025, 8, 30, 22),
				receivedBefore: Date.UTC(2025, 9, 2, 22)
			})
		]);
	});

	it('does not ask the server while the days are reversed, and says why', async () => {
		const { api, queries } = fakeApi(async () => page(['a']));
		const inbox = new OfficeInbox({ api });
		await inbox.reload();
		expect(inbox.items).toHaveLength(1);
		inbox.filters.from = '2025-10-05';
		inbox.filters.to = '2025-10-01';
		expect(inbox.dateProblem).toBe('reversed');
		await inbox.reload();
		expect(queries).toHaveLength(1);
		expect(inbox.items).toEqual([]);
		expect(inbox.hasMore).toBe(false);
		expect(inbox.failed).toBe(false);
		expect(inbox.query).toBe('from=2025-10-05&to=2025-10-01');
	});

	it('clears both days and loads everything again', async () => {
		const { api, queries } = fakeApi(async () => page(['a']));
		const inbox = new OfficeInbox({
			api,
			filters: { state: '', kind: '', template: '', from: '2025-10-01', to: '' }
		});
		expect(inbox.hasDates).toBe(true);
		await inbox.clearDates();
		expect(inbox.hasDates).toBe(false);
		expect(inbox.dateProblem).toBeNull();
		expect(queries[0]).toMatchObject({ receivedFrom: undefined, receivedBefore: undefined });
	});

	it('keeps the answer of the newest request when filters change while one is loading', async () => {
		let answerSlow: (response: AuditListResponse) => void = () => undefined;
		const slow = new Promise<AuditListResponse>((resolve) => (answerSlow = resolve));
		const { api } = fakeApi((q) =>
			q.receivedFrom === undefined ? slow : Promise.resolve(page(['new']))
		);
		const inbox = new OfficeInbox({ api });
		const first = inbox.reload();
		inbox.filters.from = '2025-10-01';
		await inbox.reload();
		answerSlow(page(['old']));
		await first;
		expect(inbox.items.map((i) => i.id)).toEqual(['new']);
		expect(inbox.loading).toBe(false);
	});
});
