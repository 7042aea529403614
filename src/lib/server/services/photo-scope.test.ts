import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { devicePhoto, photoEntry, type BuiltAudit } from '../testing/complete-audit';
import { findPhoto } from '../repos/photos';
import { upsertAudit } from './audit-upsert';
import { readPhoto } from './photo-read';
import { uploadPhoto } from './photo-upload';
import { sha256Hex } from './sha256';
import {
	completeAuditOf,
	openSyncFixture,
	uploadAllPhotos,
	type SyncFixture
} from './test-helpers';

const NOW = 1_760_000_000_000;

// Photo ids are the device's UUIDs, scoped to the organisation: naming another organisation's
// photo id must be answered exactly as naming a new one — no 409 that says it exists.
describe('photo ids across organisations', () => {
	let f: SyncFixture;
	let a: BuiltAudit;
	beforeEach(async () => {
		f = await openSyncFixture(NOW);
		a = completeAuditOf(f.a);
		await upsertAudit(f.ctx, f.a.shopper, a.id, a.upload, NOW);
		await uploadAllPhotos(f.ctx, f.a.shopper, a, NOW);
	});
	afterEach(async () => {
		await f.database.dispose();
	});

	/** B's audit whose first photo (other bytes than A's) has the id `photoId`. */
	function auditOfB(photoId: string): BuiltAudit {
		const built = completeAuditOf(f.b, { photoBytes: [devicePhoto('checkout-portrait.jpg')] });
		const first = { ...built.photos[0]!, entry: { ...built.photos[0]!.entry, id: photoId } };
		const photos = [first, ...built.photos.slice(1)];
		return { ...built, photos, upload: { ...built.upload, photos: photos.map((p) => p.entry) } };
	}

	/** What B gets at each step for an audit whose first photo has `photoId`. */
	async function journeyOfB(photoId: string) {
		const built = auditOfB(photoId);
		const upserted = await upsertAudit(f.ctx, f.b.shopper, built.id, built.upload, NOW);
		const beforeBytes = await readPhoto(f.ctx, f.b.manager, photoId).catch((e: unknown) => e);
		const photo = built.photos[0]!;
		const uploaded = await uploadPhoto(
			f.ctx,
			f.b.shopper,
			{ auditId: built.id, photoId, bytes: photo.bytes, declaredSha256: photo.entry.sha256 },
			NOW
		);
		const read = await readPhoto(f.ctx, f.b.manager, photoId);
		return {
			upsert: { ...upserted, id: 'audit', missingPhotos: upserted.missingPhotos.length },
			firstMissing: upserted.missingPhotos.includes(photoId),
			beforeBytes,
			uploaded: { ...uploaded, id: 'photo' },
			readSha: read.sha256
		};
	}

	it('answers B naming A’s photo id exactly as a random id, and keeps both photos apart', async () => {
		const taken = a.photos[0]!.entry.id;
		const withA = await journeyOfB(taken);
		const withRandom = await journeyOfB(randomUUID());
		expect(withA).toEqual(withRandom);
		expect(withA.upsert.state).toBe('draft');
		expect(withA.firstMissing).toBe(true);
		expect(withA.beforeBytes).toMatchObject({ code: 'photo_not_found' });
		expect(withA.readSha).toBe(sha256Hex(devicePhoto('checkout-portrait.jpg')));

		// A's photo under that id is untouched: its row, its file and what A's readers get.
		const aRow = await findPhoto(f.ctx.db, f.a.organisation.id, taken);
		expect(aRow).toMatchObject({ audit_id: a.id, sha256: a.photos[0]!.entry.sha256 });
		expect(aRow?.stored_at).not.toBeNull();
		const aFile = join(f.ctx.dataDir, 'photos', f.a.organisation.id, a.id, `${taken}.jpg`);
		expect(sha256Hex(readFileSync(aFile))).toBe(a.photos[0]!.entry.sha256);
		expect((await readPhoto(f.ctx, f.a.manager, taken)).sha256).toBe(a.photos[0]!.entry.sha256);
		expect((await findPhoto(f.ctx.db, f.b.organisation.id, taken))?.sha256).toBe(withA.readSha);
	});

	it('still refuses one organisation’s photo id in two of its audits (409 photo_id_taken)', async () => {
		const second = completeAuditOf(f.a);
		const clash = photoEntry(devicePhoto('receipt.jpg'), {
			id: a.photos[0]!.entry.id,
			checkpointId: null,
			kind: 'general'
		});
		await expect(
			upsertAudit(
				f.ctx,
				f.a.otherShopper,
				second.id,
				{ ...second.upload, assignmentId: null, photos: [...second.upload.photos, clash] },
				NOW
			)
		).rejects.toMatchObject({ reason: 'conflict', code: 'photo_id_taken' });
	});
});
