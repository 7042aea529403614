import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PHOTO_UPLOAD_BYTES } from '$lib/contract/api-paths';
import type { PhotoManifestEntry } from '$lib/contract/sync';
import { devicePhoto, fixturePhoto, photoEntry, type BuiltAudit } from '../testing/complete-audit';
import { inspectJpeg } from '../files/jpeg';
import { findPhoto, markPhotoStored } from '../repos/photos';
import { upsertAudit } from './audit-upsert';
import { photoStoreOf } from './context';
import { readPhoto } from './photo-read';
import { uploadPhoto } from './photo-upload';
import { sha256Hex } from './sha256';
import { completeAuditOf, openSyncFixture, type SyncFixture } from './test-helpers';

const NOW = 1_760_000_000_000;

/** A manifest entry for bytes that are not a usable JPEG (what a broken device might declare). */
function rawEntry(bytes: Uint8Array): PhotoManifestEntry {
	return {
		id: randomUUID(),
		checkpointId: null,
		kind: 'general',
		caption: '',
		capturedAt: NOW,
		sha256: sha256Hex(bytes),
		byteLength: bytes.byteLength,
		width: 100,
		height: 100
	};
}

describe('uploadPhoto', () => {
	let f: SyncFixture;
	let audit: BuiltAudit;
	const folder = () => join(f.ctx.dataDir, 'photos', f.a.organisation.id, audit.id);
	const put = (
		photoId: string,
		bytes: Uint8Array,
		declaredSha256: string | null = sha256Hex(bytes),
		user = f.a.shopper,
		auditId = audit.id
	) => uploadPhoto(f.ctx, user, { auditId, photoId, bytes, declaredSha256 }, NOW + 5);

	beforeEach(async () => {
		f = await openSyncFixture(NOW);
		audit = completeAuditOf(f.a, {
			photoBytes: [
				devicePhoto('receipt.jpg'),
				devicePhoto('shelf-12mp-rot6.jpg'),
				devicePhoto('checkout-portrait.jpg')
			]
		});
		await upsertAudit(f.ctx, f.a.shopper, audit.id, audit.upload, NOW);
	});
	afterEach(async () => {
		await f.database.dispose();
	});

	it('stores full-size camera JPEGs whole, renamed into place with no temp files left', async () => {
		for (const photo of audit.photos.slice(0, 3)) {
			const response = await put(photo.entry.id, photo.bytes);
			expect(response).toEqual({
				id: photo.entry.id,
				sha256: photo.entry.sha256,
				byteLength: photo.bytes.byteLength
			});
			const stored = readFileSync(join(folder(), `${photo.entry.id}.jpg`));
			expect(sha256Hex(stored)).toBe(photo.entry.sha256);
			expect((await findPhoto(f.ctx.db, f.a.organisation.id, photo.entry.id))?.stored_at).toBe(
				NOW + 5
			);
		}
		expect(readdirSync(folder()).sort()).toEqual(
			audit.photos
				.slice(0, 3)
				.map((p) => `${p.entry.id}.jpg`)
				.sort()
		);
	});

	it('answers a repeat upload of the same bytes with 200 without writing again', async () => {
		const photo = audit.photos[0]!;
		await put(photo.entry.id, photo.bytes);
		const file = join(folder(), `${photo.entry.id}.jpg`);
		const before = statSync(file);
		await new Promise((r) => setTimeout(r, 20));
		const again = await uploadPhoto(
			f.ctx,
			f.a.shopper,
			{
				auditId: audit.id,
				photoId: photo.entry.id,
				bytes: photo.bytes,
				declaredSha256: photo.entry.sha256
			},
			NOW + 999
		);
		expect(again.sha256).toBe(photo.entry.sha256);
		expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
		expect(statSync(file).ino).toBe(before.ino);
		expect((await findPhoto(f.ctx.db, f.a.organisation.id, photo.entry.id))?.stored_at).toBe(
			NOW + 5
		);
	});

	it('refuses bytes whose hash differs from the header or from the manifest (422 hash_mismatch)', async () => {
		const photo = audit.photos[0]!;
		await expect(put(photo.entry.id, photo.bytes, 'b'.repeat(64))).rejects.toMatchObject({
			reason: 'invalid',
			code: 'hash_mismatch'
		});
		// A real JPEG with a matching header, but not the photo the manifest names.
		const other = devicePhoto('checkout-portrait.jpg');
		const receiptPhoto = audit.photos.find((p) => p.bytes.byteLength !== other.byteLength)!;
		await expect(put(receiptPhoto.entry.id, other)).rejects.toMatchObject({
			reason: 'invalid',
			code: 'hash_mismatch'
		});
		expect((await findPhoto(f.ctx.db, f.a.organisation.id, photo.entry.id))?.stored_at).toBeNull();
		expect(() => readdirSync(folder())).toThrow();
	});

	it('refuses HTML named .jpg (415 not_a_jpeg) and a truncated JPEG (422 truncated_jpeg), even when declared', async () => {
		const html = fixturePhoto('not-an-image.jpg');
		const truncated = fixturePhoto('truncated.jpg');
		const htmlEntry = rawEntry(html);
		const truncatedEntry = rawEntry(truncated);
		await upsertAudit(
			f.ctx,
			f.a.shopper,
			audit.id,
			{ ...audit.upload, revision: 2, photos: [...audit.upload.photos, htmlEntry, truncatedEntry] },
			NOW
		);
		await expect(put(htmlEntry.id, html)).rejects.toMatchObject({
			reason: 'unsupported',
			code: 'not_a_jpeg'
		});
		await expect(put(truncatedEntry.id, truncated)).rejects.toMatchObject({
			reason: 'invalid',
			code: 'truncated_jpeg'
		});
		const png = fixturePhoto('entrance.png');
		await expect(put(htmlEntry.id, png)).rejects.toMatchObject({
			reason: 'unsupported',
			code: 'not_a_jpeg'
		});
		expect((await findPhoto(f.ctx.db, f.a.organisation.id, htmlEntry.id))?.stored_at).toBeNull();
		expect(
			(await findPhoto(f.ctx.db, f.a.organisation.id, truncatedEntry.id))?.stored_at
		).toBeNull();
		expect(() => readdirSync(folder())).toThrow();
	});

	it('refuses a photo that is not in this audit’s manifest (404 photo_not_in_manifest)', async () => {
		const bytes = devicePhoto('receipt.jpg');
		await expect(put(randomUUID(), bytes)).rejects.toMatchObject({
			reason: 'not_found',
			code: 'photo_not_in_manifest'
		});
		// A photo of another audit of the same shopper is not in this one's manifest either.
		const second = completeAuditOf(f.a);
		await upsertAudit(f.ctx, f.a.shopper, second.id, second.upload, NOW);
		await expect(put(second.photos[0]!.entry.id, second.photos[0]!.bytes)).rejects.toMatchObject({
			reason: 'not_found',
			code: 'photo_not_in_manifest'
		});
	});

	it('answers 404 to another organisation’s or another shopper’s upload and stores nothing', async () => {
		const photo = audit.photos[0]!;
		for (const user of [f.b.shopper, f.a.otherShopper]) {
			await expect(
				put(photo.entry.id, photo.bytes, photo.entry.sha256, user)
			).rejects.toMatchObject({
				reason: 'not_found',
				code: 'audit_not_found'
			});
		}
		expect((await findPhoto(f.ctx.db, f.a.organisation.id, photo.entry.id))?.stored_at).toBeNull();
	});

	it('refuses a missing hash header, a path-traversal id and an oversized body', async () => {
		const photo = audit.photos[0]!;
		await expect(put(photo.entry.id, photo.bytes, null)).rejects.toMatchObject({
			reason: 'bad_request',
			code: 'missing_content_sha256'
		});
		await expect(put('../../../etc/passwd', photo.bytes)).rejects.toMatchObject({
			reason: 'bad_request',
			code: 'invalid_id'
		});
		await expect(
			put(photo.entry.id, photo.bytes, undefined, f.a.shopper, '..')
		).rejects.toMatchObject({
			reason: 'bad_request',
			code: 'invalid_id'
		});
		const huge = new Uint8Array(MAX_PHOTO_UPLOAD_BYTES + 1);
		await expect(put(photo.entry.id, huge)).rejects.toMatchObject({
			reason: 'too_large',
			code: 'payload_too_large'
		});
		expect(() => readdirSync(folder())).toThrow();
	});

	it('accepts the upload of a photo added in a later revision', async () => {
		const bytes = devicePhoto('receipt.jpg');
		const added = photoEntry(bytes, { checkpointId: null, kind: 'general' });
		const response = await upsertAudit(
			f.ctx,
			f.a.shopper,
			audit.id,
			{ ...audit.upload, revision: 2, photos: [...audit.upload.photos, added] },
			NOW
		);
		expect(response.missingPhotos).toContain(added.id);
		await put(added.id, bytes);
		expect((await findPhoto(f.ctx.db, f.a.organisation.id, added.id))?.stored_at).toBe(NOW + 5);
	});

	/** Adds `entries` to the audit's manifest, at the next revision. */
	let revision = 1;
	const addToManifest = (...entries: PhotoManifestEntry[]) =>
		upsertAudit(
			f.ctx,
			f.a.shopper,
			audit.id,
			{ ...audit.upload, revision: ++revision, photos: [...audit.upload.photos, ...entries] },
			NOW
		);

	it('refuses the camera’s own JPEG, GPS and all (422 photo_has_metadata), and stores nothing', async () => {
		const camera = fixturePhoto('shelf-12mp-rot6.jpg');
		const entry = photoEntry(camera, { checkpointId: null, kind: 'general' });
		await addToManifest(entry);
		await expect(put(entry.id, camera)).rejects.toMatchObject({
			reason: 'invalid',
			code: 'photo_has_metadata',
			details: { segments: ['APP1 Exif'] }
		});
		// Comments and XMP are metadata too.
		const clean = devicePhoto('receipt.jpg');
		const comment = new Uint8Array([
			...clean.subarray(0, 2),
			0xff,
			0xfe,
			0,
			5,
			0x61,
			0x62,
			0x63,
			...clean.subarray(2)
		]);
		const commented = photoEntry(comment, { checkpointId: null, kind: 'general' });
		await addToManifest(entry, commented);
		await expect(put(commented.id, comment)).rejects.toMatchObject({ code: 'photo_has_metadata' });
		expect((await findPhoto(f.ctx.db, f.a.organisation.id, entry.id))?.stored_at).toBeNull();
		expect(() => readdirSync(folder())).toThrow();
	});

	it('refuses bytes whose size or dimensions are not the manifest’s (422 photo_facts_mismatch)', async () => {
		const bytes = devicePhoto('receipt.jpg');
		const truth = photoEntry(bytes, { checkpointId: null, kind: 'general' });
		const lies: [Partial<PhotoManifestEntry>, string][] = [
			[{ byteLength: truth.byteLength + 1 }, 'byteLength'],
			[{ width: truth.width - 1 }, 'width'],
			[{ height: 4096 }, 'height']
		];
		for (const [lie, field] of lies) {
			const entry = { ...truth, ...lie, id: randomUUID() };
			await addToManifest(entry);
			await expect(put(entry.id, bytes)).rejects.toMatchObject({
				reason: 'invalid',
				code: 'photo_facts_mismatch',
				details: { fields: [field] }
			});
			expect((await findPhoto(f.ctx.db, f.a.organisation.id, entry.id))?.stored_at).toBeNull();
		}
		expect(() => readdirSync(folder())).toThrow();
	});

	it('refuses a header that lies about the pixels: 4096 × 4096 over 8 × 8 px, or two frame headers', async () => {
		const small = new Uint8Array(
			await sharp({ create: { width: 8, height: 8, channels: 3, background: '#3a6' } })
				.jpeg()
				.toBuffer()
		);
		const sof = small.findIndex((byte, i) => byte === 0xff && small[i + 1] === 0xc0);
		const lying = small.slice();
		lying.set([0x10, 0x00, 0x10, 0x00], sof + 5);
		const lyingEntry = photoEntry(lying, { checkpointId: null, kind: 'general' });
		expect([lyingEntry.width, lyingEntry.height]).toEqual([4096, 4096]);
		const huge = small.slice(sof, sof + 19);
		huge.set([0xff, 0xff, 0xff, 0xff], 5);
		const twoFrames = new Uint8Array([...small.subarray(0, sof), ...huge, ...small.subarray(sof)]);
		const twoFramesEntry = rawEntry(twoFrames);
		await addToManifest(lyingEntry, twoFramesEntry);
		await expect(put(lyingEntry.id, lying)).rejects.toMatchObject({
			reason: 'invalid',
			code: 'undecodable_jpeg'
		});
		await expect(put(twoFramesEntry.id, twoFrames)).rejects.toMatchObject({
			reason: 'unsupported',
			code: 'not_a_jpeg'
		});
		expect(() => readdirSync(folder())).toThrow();
		// The honest 8 × 8 JPEG itself goes through.
		const honest = photoEntry(small, { checkpointId: null, kind: 'general' });
		await addToManifest(honest);
		await expect(put(honest.id, small)).resolves.toMatchObject({ id: honest.id });
	});

	it('serves a photo stored before the rule without its metadata: no APP1, APP13 or COM', async () => {
		const camera = fixturePhoto('shelf-12mp-rot6.jpg');
		const entry = photoEntry(camera, { checkpointId: null, kind: 'general' });
		await addToManifest(entry);
		// As an older server would have stored it: the camera's bytes, GPS and all.
		const key = { organisationId: f.a.organisation.id, auditId: audit.id, photoId: entry.id };
		await photoStoreOf(f.ctx).put(key, camera);
		await markPhotoStored(f.ctx.db, { id: entry.id, auditId: audit.id, sha256: entry.sha256 }, NOW);
		const served = await readPhoto(f.ctx, f.a.manager, entry.id);
		const markers = segmentMarkers(served.bytes);
		expect(markers).toEqual(expect.arrayContaining([0xe0, 0xdb, 0xc0, 0xc4, 0xda]));
		expect(segmentMarkers(camera)).toContain(0xe1);
		expect(markers).not.toContain(0xe1);
		expect(markers).not.toContain(0xed);
		expect(markers).not.toContain(0xfe);
		expect(inspectJpeg(served.bytes)).toMatchObject({ ok: true, width: 4032, metadata: [] });
		expect(served.sha256).toBe(sha256Hex(served.bytes));
		expect((await sharp(served.bytes).metadata()).exif).toBeUndefined();
	});
});

/** The marker of every segment before the first scan (SOI excluded). */
function segmentMarkers(bytes: Uint8Array): number[] {
	const markers: number[] = [];
	let pos = 2;
	while (pos + 4 <= bytes.length && bytes[pos] === 0xff) {
		const marker = bytes[pos + 1] ?? 0;
		markers.push(marker);
		if (marker === 0xda) break;
		pos += 2 + (((bytes[pos + 2] ?? 0) << 8) | (bytes[pos + 3] ?? 0));
	}
	return markers;
}
