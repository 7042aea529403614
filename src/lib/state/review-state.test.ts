import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuditStore } from '$lib/client/storage/audit-store';
import { openShopwalkDb } from '$lib/client/storage/open-db';
import type { ReviewRecord } from '$lib/client/storage/records';
import { ReferenceStore } from '$lib/client/storage/reference-store';
import { makeAudit } from '$lib/client/storage/test-fixtures';
import { RETAIL_STORE_VISIT } from '$lib/domain/builtin-templates';
import type { Audit } from '$lib/domain/types';
import { AuditList } from './audit-list.svelte';
import { AuditSession } from './audit-session.svelte';
import { auditBadge, firstLine, reviewView } from './review-view';

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
});

const template = RETAIL_STORE_VISIT;
const comment = (round: number, checkpointId: string | null, body: string) => ({
	checkpointId,
	body,
	createdAt: round * 10,
	round
});
const returned: ReviewRecord = {
	id: 'a1',
	state: 'returned',
	revision: 4,
	comments: [
		comment(1, null, 'Old overall'),
		comment(1, 'arrival.storefront-signage', 'Old ask'),
		comment(2, null, 'Please look again.\nSecond line'),
		comment(2, 'arrival.storefront-signage', 'Which sign?'),
		comment(2, 'greeting.greeted', 'Were you greeted in words?'),
		comment(2, 'greeting.greeted', 'And by whom?')
	]
};

async function device(audit: Partial<Audit>, reviews: ReviewRecord[]) {
	const db = await openShopwalkDb();
	const audits = new AuditStore(db);
	const reference = new ReferenceStore(db);
	await audits.createAudit(
		makeAudit({
			templateId: template.id,
			templateVersion: template.version,
			revision: 5,
			...audit
		})
	);
	for (const review of reviews) await db.put('reviews', review);
	const deps = async () => ({
		audits,
		reference,
		findTemplate: async () => template,
		now: () => 99_000
	});
	return { audits, reference, deps };
}

describe('reviewView', () => {
	it('shows the latest round: overall, count and comments per checkpoint', () => {
		const view = reviewView(returned, { status: 'draft', revision: 5 });
		expect(view.status).toBe('open');
		expect(view.round).toBe(2);
		expect(view.count).toBe(4);
		expect(view.overall).toBe('Please look again.\nSecond line');
		expect(firstLine(view.overall!)).toBe('Please look again.');
		expect(view.byCheckpoint.get('arrival.storefront-signage')).toEqual(['Which sign?']);
		expect(view.byCheckpoint.get('greeting.greeted')).toEqual([
			'Were you greeted in words?',
			'And by whom?'
		]);
	});

	it.each([
		['returned', 'draft', 'open', { kind: 'returned', count: 4 }],
		['returned', 'queued', 'open', { kind: 'status', status: 'queued' }],
		['resubmitted', 'received', 'addressed', { kind: 'status', status: 'received' }],
		['approved', 'received', 'approved', { kind: 'approved' }],
		['submitted', 'received', 'addressed', { kind: 'status', status: 'received' }]
	] as const)('server %s, device %s → %s', (state, status, expected, badge) => {
		const view = reviewView({ ...returned, state }, { status, revision: 4 });
		expect(view.status).toBe(expected);
		expect(auditBadge({ status }, view)).toEqual(badge);
	});

	it('no review: a plain status badge', () => {
		const view = reviewView(undefined, { status: 'draft', revision: 1 });
		expect(view.status).toBe('none');
		expect(auditBadge({ status: 'draft' }, view)).toEqual({ kind: 'status', status: 'draft' });
		const submitted = reviewView(
			{ id: 'a1', state: 'submitted', revision: 1, comments: [] },
			{ status: 'received', revision: 1 }
		);
		expect(submitted.status).toBe('none');
	});

	it('flags changes the server does not have (made after a lost submit answer)', () => {
		const held: ReviewRecord = { id: 'a1', state: 'submitted', revision: 3, comments: [] };
		expect(reviewView(held, { status: 'received', revision: 4 }).unsentChanges).toBe(true);
		expect(reviewView(held, { status: 'received', revision: 3 }).unsentChanges).toBe(false);
	});
});

describe('AuditList', () => {
	it('counts the comments of a returned draft and marks approved audits', async () => {
		const { audits, reference } = await device({ id: 'a1', status: 'draft' }, [returned]);
		await audits.createAudit(makeAudit({ id: 'a2', status: 'received', updatedAt: 2 }));
		await audits.createAudit(makeAudit({ id: 'a3', updatedAt: 3 }));
		await reference.applyPull(
			{
				cursor: 1,
				templates: [],
				locations: [],
				assignments: [],
				audits: [{ id: 'a2', state: 'approved', revision: 0, comments: [] }]
			},
			1
		);
		const list = new AuditList(async () => ({ audits, reference }));
		await list.refresh();
		const byId = new Map(list.audits.map((a) => [a.id, a]));
		expect(list.badgeOf(byId.get('a1')!)).toEqual({ kind: 'returned', count: 4 });
		expect(firstLine(list.reviewOf(byId.get('a1')!).overall!)).toBe('Please look again.');
		expect(list.badgeOf(byId.get('a2')!)).toEqual({ kind: 'approved' });
		expect(list.badgeOf(byId.get('a3')!)).toEqual({ kind: 'status', status: 'draft' });
	});
});

describe('AuditSession review', () => {
	it('looks comments up per checkpoint, counts them per stage and lists them in journey order', async () => {
		const { deps } = await device({ id: 'a1', status: 'draft' }, [returned]);
		const session = (await AuditSession.load('a1', deps))!;
		expect(session.editable).toBe(true);
		expect(session.review.status).toBe('open');
		expect(session.reviewCommentsOf('greeting.greeted')).toEqual([
			'Were you greeted in words?',
			'And by whom?'
		]);
		expect(session.reviewCommentsOf('arrival.entrance-clear')).toEqual([]);
		const arrival = template.stages.findIndex((s) => s.id === 'arrival');
		const greeting = template.stages.findIndex((s) => s.id === 'greeting');
		expect(session.stageReviewCount(arrival)).toBe(1);
		expect(session.stageReviewCount(greeting)).toBe(1);
		expect(session.stageReviewCount(template.stages.length - 1)).toBe(0);
		expect(session.commentedCheckpoints).toEqual([
			{
				checkpointId: 'arrival.storefront-signage',
				stageIndex: arrival,
				comments: ['Which sign?']
			},
			{
				checkpointId: 'greeting.greeted',
				stageIndex: greeting,
				comments: ['Were you greeted in words?', 'And by whom?']
			}
		]);
	});

	it('once resubmitted the comments are addressed: none open on the cards, kept for the summary', async () => {
		const { deps, reference, audits } = await device({ id: 'a1', status: 'draft' }, [returned]);
		const session = (await AuditSession.load('a1', deps))!;
		await audits.queueForSync('a1', 99_500);
		await audits.markSent('a1', { state: 'resubmitted', revision: 5 }, 99_600);
		expect((await reference.getReview('a1'))?.state).toBe('resubmitted');

		await session.refreshFromDevice();

		expect(session.audit.status).toBe('received');
		expect(session.editable).toBe(false);
		expect(session.review.status).toBe('addressed');
		expect(session.reviewCommentsOf('greeting.greeted')).toEqual([]);
		expect(session.stageReviewCount(1)).toBe(0);
		expect(session.commentedCheckpoints).toHaveLength(2);
	});
});
