import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiskPhotoStore, photoPaths } from './photo-store';

describe('disk photo store', () => {
	let dataDir: string;
	beforeEach(() => {
		dataDir = mkdtempSync(join(tmpdir(), 'photo-store-'));
	});
	afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

	it('puts, gets, replaces and deletes bytes under photos/org/audit/photo.jpg, leaving no temp files', async () => {
		const store = createDiskPhotoStore(dataDir);
		const key = { organisationId: 'org-1', auditId: randomUUID(), photoId: randomUUID() };
		expect(await store.exists(key)).toBe(false);
		expect(await store.get(key)).toBeNull();
		await store.put(key, new Uint8Array([1, 2, 3]));
		await store.put(key, new Uint8Array([4, 5]));
		expect(await store.exists(key)).toBe(true);
		expect([...((await store.get(key)) ?? [])]).toEqual([4, 5]);
		const folder = join(dataDir, 'photos', 'org-1', key.auditId);
		expect(readdirSync(folder)).toEqual([`${key.photoId}.jpg`]);
		await store.delete(key);
		await store.delete(key);
		expect(await store.exists(key)).toBe(false);
		expect(readdirSync(folder)).toEqual([]);
	});

	it('refuses ids that could leave the photo folder', () => {
		const root = join(dataDir, 'photos');
		const ok = { organisationId: 'org-1', auditId: randomUUID(), photoId: randomUUID() };
		expect(photoPaths(root, ok).file.startsWith(root)).toBe(true);
		for (const bad of [
			{ ...ok, photoId: '../../../etc/passwd' },
			{ ...ok, auditId: '..' },
			{ ...ok, organisationId: '../other-org' },
			{ ...ok, organisationId: 'org/1' },
			{ ...ok, photoId: `${randomUUID()}/x` }
		]) {
			expect(() => photoPaths(root, bad)).toThrow(/Invalid/);
		}
	});
});
