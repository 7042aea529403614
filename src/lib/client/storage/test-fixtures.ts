import type { Audit } from '$lib/domain/types';
import { AuditStore } from './audit-store';
import { openShopwalkDb } from './open-db';
import type { NewPhoto } from './photo-writes';
import type { ShopwalkDb } from './schema';

/** A draft audit with every field set; tests override what they look at. */
export function makeAudit(overrides: Partial<Audit> = {}): Audit {
	return {
		id: 'audit-1',
		templateId: 'tpl-1',
		templateVersion: 3,
		location: {
			id: 'loc-1',
			name: 'Store 1',
			kind: 'own',
			brand: 'Brand',
			address: 'Street 1',
			region: 'North'
		},
		assignmentId: null,
		locale: 'en',
		status: 'draft',
		revision: 0,
		createdAt: 1_000,
		updatedAt: 1_000,
		timeIn: 1_000,
		timeOut: null,
		stageTimeMs: {},
		narrative: '',
		...overrides
	};
}

/** Photo metadata for `auditId`; `createdAt` is the time of the change. */
export function makePhoto(
	id: string,
	auditId: string,
	overrides: Partial<NewPhoto> = {}
): NewPhoto {
	return {
		id,
		auditId,
		checkpointId: 'cp-1',
		kind: 'checkpoint',
		caption: '',
		capturedAt: 2_000,
		width: 1600,
		height: 1200,
		type: 'image/jpeg',
		thumb: bytesOf(16, 7),
		thumbType: 'image/jpeg',
		createdAt: 2_000,
		...overrides
	};
}

/** `length` bytes, each `fill`, as a standalone ArrayBuffer. */
export function bytesOf(length: number, fill: number): ArrayBuffer {
	return new Uint8Array(length).fill(fill).buffer;
}

/** A fresh database (the setup file gives each test its own IDBFactory) and a store on it. */
export async function openStore(
	...audits: Audit[]
): Promise<{ db: ShopwalkDb; store: AuditStore }> {
	const db = await openShopwalkDb();
	const store = new AuditStore(db);
	for (const audit of audits) await store.createAudit(audit);
	return { db, store };
}
