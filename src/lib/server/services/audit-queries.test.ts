import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RETAIL_STORE_VISIT } from '$lib/domain/builtin-templates';
import { sha256Hex } from './sha256';
import { upsertAudit } from './audit-upsert';
import { getAuditDetail, listAuditsFor } from './audit-queries';
import { readPhoto } from './photo-read';
import {
	completeAuditOf,
	openSyncFixture,
	plainLocation,
	uploadAllPhotos,
	type SyncFixture
} from './test-helpers';
import { buildCompleteAudit, type BuiltAudit } from '../testing/complete-audit';
import { saveLocation } from '../repos/locations';

const NOW = 1_760_000_000_000;

describe('office reads', () => {
	let f: SyncFixture;
	let audits: BuiltAudit[];
	beforeEach(async () => {
		f = await openSyncFixture(NOW);
		audits = [];
		for (let i = 0; i < 5; i++) {
			const audit = completeAuditOf(f.a);
			await upsertAudit(f.ctx, f.a.shopper, audit.id, audit.upload, NOW + i);
			audits.push(audit);
		}
		const built = completeAuditOf(f.a);
		const theirs = { ...built, upload: { ...built.upload, assignmentId: null } };
		await upsertAudit(f.ctx, f.a.otherShopper, theirs.id, theirs.upload, NOW + 10);
		audits.push(theirs);
		const orgB = completeAuditOf(f.b);
		await upsertAudit(f.ctx, f.b.shopper, orgB.id, orgB.upload, NOW + 20);
	});
	afterEach(async () => {
		await f.database.dispose();
	});

	it('lists the organisation’s audits newest first, page by page, for a manager', async () => {
		const first = await listAuditsFor(f.ctx, f.a.manager, { limit: 4 });
		expect(first.items.map((i) => i.id)).toEqual(
			audits
				.map((a) => a.id)
				.reverse()
				.slice(0, 4)
		);
		expect(first.items[0]).toEqual({
			id: audits[5]!.id,
			location: { id: f.a.location.id, name: f.a.location.name },
			kind: 'own',
			template: { id: RETAIL_STORE_VISIT.id, version: 1, name: RETAIL_STORE_VISIT.name },
			shopperPseudonym: 'Shopper 2',
			receivedAt: NOW + 10,
			submittedAt: null,
			state: 'draft',
			revision: 1,
			totalPercent: 100,
			reportState: 'none'
		});
		const second = await listAuditsFor(f.ctx, f.a.manager, { limit: 4, cursor: first.nextCursor });
		expect(second.items.map((i) => i.id)).toEqual([audits[1]!.id, audits[0]!.id]);
		expect(second.nextCursor).toBeNull();
		expect((await listAuditsFor(f.ctx, f.a.admin, {})).items).toHaveLength(6);
		expect((await listAuditsFor(f.ctx, f.a.manager, { state: 'submitted' })).items).toEqual([]);
		// Filters: every audit here is at A's own store with the retail template.
		expect((await listAuditsFor(f.ctx, f.a.manager, { kind: 'own' })).items).toHaveLength(6);
		expect((await listAuditsFor(f.ctx, f.a.manager, { kind: 'competitor' })).items).toEqual([]);
		expect(
			(await listAuditsFor(f.ctx, f.a.manager, { templateId: RETAIL_STORE_VISIT.id })).items
		).toHaveLength(6);
		expect(
			(await listAuditsFor(f.ctx, f.a.manager, { templateId: 'complaint-handling' })).items
		).toEqual([]);
		expect(
			(await listAuditsFor(f.ctx, f.a.manager, { locationId: f.a.location.id, limit: 2 })).items
		).toHaveLength(2);
		expect(
			(await listAuditsFor(f.ctx, f.a.manager, { locationId: f.a.competitor.id })).items
		).toEqual([]);
		await expect(listAuditsFor(f.ctx, f.a.manager, { cursor: 'garbage' })).rejects.toMatchObject({
			reason: 'bad_request',
			code: 'invalid_cursor'
		});
	});

	it('filters own stores and competitors by the location’s record, kept in step as it changes', async () => {
		const kinds = async (kind: 'own' | 'competitor') =>
			(await listAuditsFor(f.ctx, f.a.manager, { kind })).items.map((i) => i.id).sort();
		const atCompetitor = buildCompleteAudit({
			template: f.a.template,
			location: plainLocation(f.a.competitor),
			assignmentId: null
		});
		await upsertAudit(f.ctx, f.a.fieldManager, atCompetitor.id, atCompetitor.upload, NOW + 30);
		const ownIds = audits.map((a) => a.id).sort();
		expect(await kinds('competitor')).toEqual([atCompetitor.id]);
		expect(await kinds('own')).toEqual(ownIds);
		// The competitor's record is changed to an own store: its audits move with it.
		await saveLocation(f.ctx.db, f.a.organisation.id, { ...f.a.competitor, kind: 'own' }, NOW);
		expect(await kinds('competitor')).toEqual([]);
		expect(await kinds('own')).toEqual([...ownIds, atCompetitor.id].sort());
		// And back: a second edit with nothing changed leaves it there.
		await saveLocation(f.ctx.db, f.a.organisation.id, f.a.competitor, NOW);
		await saveLocation(f.ctx.db, f.a.organisation.id, f.a.competitor, NOW);
		expect(await kinds('competitor')).toEqual([atCompetitor.id]);
		// Another organisation never sees A's audits under any kind.
		expect((await listAuditsFor(f.ctx, f.b.manager, { kind: 'competitor' })).items).toEqual([]);
	});

	it('lists only a shopper’s own audits, and nothing across organisations', async () => {
		const own = await listAuditsFor(f.ctx, f.a.shopper, {});
		expect(own.items.map((i) => i.id).sort()).toEqual(
			audits
				.slice(0, 5)
				.map((a) => a.id)
				.sort()
		);
		const b = await listAuditsFor(f.ctx, f.b.manager, {});
		expect(b.items).toHaveLength(1);
		expect(b.items.some((i) => audits.some((a) => a.id === i.id))).toBe(false);
	});

	it('shows an audit in full to its organisation’s reviewers and its shopper, 404 to anyone else', async () => {
		const audit = audits[0]!;
		const detail = await getAuditDetail(f.ctx, f.a.manager, audit.id);
		expect(detail.content.answers).toEqual(audit.upload.answers);
		expect(detail.content.location).toEqual(audit.upload.location);
		expect(detail.score.totalPercent).toBe(100);
		expect(detail.photos.map((p) => p.id).sort()).toEqual(
			audit.photos.map((p) => p.entry.id).sort()
		);
		expect(detail.photos.every((p) => p.stored === false)).toBe(true);
		expect((await getAuditDetail(f.ctx, f.a.shopper, audit.id)).id).toBe(audit.id);
		for (const user of [f.a.otherShopper, f.b.manager, f.b.admin, f.b.shopper]) {
			await expect(getAuditDetail(f.ctx, user, audit.id)).rejects.toMatchObject({
				reason: 'not_found',
				code: 'audit_not_found'
			});
		}
	});

	it('serves a stored photo to readers of its audit only', async () => {
		const audit = audits[0]!;
		await uploadAllPhotos(f.ctx, f.a.shopper, audit, NOW);
		const photo = audit.photos[0]!;
		const read = await readPhoto(f.ctx, f.a.manager, photo.entry.id);
		expect(sha256Hex(read.bytes)).toBe(photo.entry.sha256);
		expect(read.sha256).toBe(photo.entry.sha256);
		expect((await readPhoto(f.ctx, f.a.shopper, photo.entry.id)).bytes.byteLength).toBe(
			photo.bytes.byteLength
		);
		for (const user of [f.a.otherShopper, f.b.manager, f.b.shopper]) {
			await expect(readPhoto(f.ctx, user, photo.entry.id)).rejects.toMatchObject({
				reason: 'not_found',
				code: 'photo_not_found'
			});
		}
		// Not uploaded yet: as if it did not exist.
		await expect(
			readPhoto(f.ctx, f.a.manager, audits[1]!.photos[0]!.entry.id)
		).rejects.toMatchObject({
			reason: 'not_found'
		});
		await expect(readPhoto(f.ctx, f.a.manager, '../x')).rejects.toMatchObject({
			reason: 'bad_request'
		});
	});
});

describe('office reads by received day', () => {
	const DAY = 86_400_000;
	// Midnight starting day 1 (the client sends local-midnight bounds; the server just compares).
	const D1 = Date.UTC(2025, 9, 1);
	const received = {
		lastOfDay0: D1 - 1,
		firstOfDay1: D1,
		noonOfDay1: D1 + DAY / 2,
		noonOfDay1Twin: D1 + DAY / 2,
		lastOfDay1: D1 + DAY - 1,
		firstOfDay2: D1 + DAY,
		lastOfDay2: D1 + 2 * DAY - 1,
		firstOfDay3: D1 + 2 * DAY
	};
	type Name = keyof typeof received;
	let f: SyncFixture;
	const ids = new Map<string, Name>();
	beforeEach(async () => {
		f = await openSyncFixture(D1 - DAY);
		ids.clear();
		for (const [name, at] of Object.entries(received) as [Name, number][]) {
			const audit = completeAuditOf(f.a);
			await upsertAudit(f.ctx, f.a.shopper, audit.id, audit.upload, at);
			ids.set(audit.id, name);
		}
		// Another organisation's audit on the same day never shows.
		const orgB = completeAuditOf(f.b);
		await upsertAudit(f.ctx, f.b.shopper, orgB.id, orgB.upload, D1 + 1);
	});
	afterEach(async () => {
		await f.database.dispose();
	});
	const names = (items: { id: string }[]) => items.map((i) => ids.get(i.id));
	/** The names received in [from, before), in the list's order: received, then id, descending. */
	const newestFirst = (from: number, before: number) =>
		[...ids]
			.filter(([, name]) => received[name] >= from && received[name] < before)
			.sort(([idA, a], [idB, b]) => received[b] - received[a] || (idA < idB ? 1 : -1))
			.map(([, name]) => name);

	it('keeps audits received on the chosen days, boundaries included, newest first', async () => {
		const days1and2 = await listAuditsFor(f.ctx, f.a.manager, {
			receivedFrom: D1,
			receivedBefore: D1 + 2 * DAY
		});
		expect(names(days1and2.items)).toEqual(newestFirst(D1, D1 + 2 * DAY));
		expect(days1and2.items).toHaveLength(6);
		expect(days1and2.nextCursor).toBeNull();

		const day1 = await listAuditsFor(f.ctx, f.a.manager, {
			receivedFrom: D1,
			receivedBefore: D1 + DAY
		});
		expect(new Set(names(day1.items))).toEqual(
			new Set(['firstOfDay1', 'noonOfDay1', 'noonOfDay1Twin', 'lastOfDay1'])
		);
		// Open-ended on either side.
		const fromDay2 = await listAuditsFor(f.ctx, f.a.manager, { receivedFrom: D1 + DAY });
		expect(names(fromDay2.items)).toEqual(['firstOfDay3', 'lastOfDay2', 'firstOfDay2']);
		const untilDay0 = await listAuditsFor(f.ctx, f.a.manager, { receivedBefore: D1 });
		expect(names(untilDay0.items)).toEqual(['lastOfDay0']);
		// Combined with the other filters, and for a shopper's own audits.
		expect(
			(
				await listAuditsFor(f.ctx, f.a.manager, {
					receivedFrom: D1,
					receivedBefore: D1 + DAY,
					kind: 'competitor'
				})
			).items
		).toEqual([]);
		expect(
			(
				await listAuditsFor(f.ctx, f.a.shopper, {
					receivedFrom: D1 + 2 * DAY,
					receivedBefore: D1 + 3 * DAY
				})
			).items.map((i) => ids.get(i.id))
		).toEqual(['firstOfDay3']);
		expect(
			(await listAuditsFor(f.ctx, f.b.manager, { receivedFrom: D1, receivedBefore: D1 + DAY }))
				.items
		).toHaveLength(1);
	});

	it('pages through the date-filtered audits without gaps or repeats, ties included', async () => {
		const query = { receivedFrom: D1, receivedBefore: D1 + 2 * DAY, limit: 2 };
		const seen: (Name | undefined)[] = [];
		const sizes: number[] = [];
		let cursor: string | null = null;
		do {
			const page = await listAuditsFor(f.ctx, f.a.manager, { ...query, cursor });
			seen.push(...names(page.items));
			sizes.push(page.items.length);
			cursor = page.nextCursor;
		} while (cursor !== null);
		expect(sizes).toEqual([2, 2, 2]);
		expect(seen).toEqual(newestFirst(D1, D1 + 2 * DAY));
		// The two audits received at the same moment straddle pages 2 and 3; both show, once.
		expect(seen.slice(3, 5).sort()).toEqual(['noonOfDay1', 'noonOfDay1Twin']);
	});

	it('refuses a span that is empty, reversed or not in epoch milliseconds', async () => {
		for (const query of [
			{ receivedFrom: D1 + DAY, receivedBefore: D1 },
			{ receivedFrom: D1, receivedBefore: D1 },
			{ receivedFrom: -1 },
			{ receivedBefore: 1.5 },
			{ receivedFrom: Number.NaN }
		]) {
			await expect(listAuditsFor(f.ctx, f.a.manager, query)).rejects.toMatchObject({
				reason: 'bad_request',
				code: 'invalid_query'
			});
		}
	});
});
