import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RETAIL_STORE_VISIT } from '$lib/domain/builtin-templates';
import { sha256Hex } from './sha256';
import { upsertAudit } from './audit-upsert';
import { getAuditDetail, listAuditsFor } from './audit-queries';
import { readPhoto } from './photo-read';
import {
	completeAuditOf,
	openSyncFixture,
	uploadAllPhotos,
	type SyncFixture
} from './test-helpers';
import type { BuiltAudit } from '../testing/complete-audit';

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
			status: 400,
			code: 'invalid_cursor'
		});
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
				status: 404,
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
				status: 404,
				code: 'photo_not_found'
			});
		}
		// Not uploaded yet: as if it did not exist.
		await expect(
			readPhoto(f.ctx, f.a.manager, audits[1]!.photos[0]!.entry.id)
		).rejects.toMatchObject({
			status: 404
		});
		await expect(readPhoto(f.ctx, f.a.manager, '../x')).rejects.toMatchObject({ status: 400 });
	});
});
