import { createApiClient } from '$lib/client/api/api-client';
import { AuditStore } from '$lib/client/storage/audit-store';
import { openShopwalkDb } from '$lib/client/storage/open-db';
import { OutboxStore } from '$lib/client/storage/outbox-store';
import { ReferenceStore } from '$lib/client/storage/reference-store';
import type { ShopwalkDb } from '$lib/client/storage/schema';
import { makeAudit, makePhoto } from '$lib/client/storage/test-fixtures';
import type { Timers } from './environment';
import { createLocalLock, type LockFn } from './lock';
import { SessionService } from './session';
import { SyncEngine, type SyncEngineDeps } from './sync-engine';
import { FakeSyncServer } from './testing/fake-server';
import type { FetchFn } from './testing/faulty-fetch';

/** A clock tests move by hand. */
export function fakeClock(start = 1_000_000) {
	let now = start;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** Timers that fire only when the test says so. */
export function fakeTimers() {
	const pending = new Map<number, { callback: () => void; ms: number }>();
	let next = 1;
	const timers: Timers = {
		setTimeout(callback, ms) {
			pending.set(next, { callback, ms });
			return next++;
		},
		clearTimeout(handle) {
			pending.delete(handle as number);
		}
	};
	return {
		timers,
		pending,
		/** Delays of the armed timers. */
		delays: () => [...pending.values()].map((t) => t.ms),
		fireAll() {
			const due = [...pending.values()];
			pending.clear();
			for (const timer of due) timer.callback();
		}
	};
}

export interface Device {
	db: ShopwalkDb;
	audits: AuditStore;
	outbox: OutboxStore;
	reference: ReferenceStore;
	engine: SyncEngine;
	session: SessionService;
}

/** A device (fresh database) whose engine talks to `fetch` (default: a fresh fake server). */
export async function makeDevice(
	options: Partial<SyncEngineDeps> & { fetch: FetchFn; lock?: LockFn; dbName?: string }
): Promise<Device> {
	const db = await openShopwalkDb(options.dbName);
	const audits = new AuditStore(db);
	const outbox = new OutboxStore(db);
	const reference = new ReferenceStore(db);
	const api = createApiClient({ fetch: options.fetch, jsonTimeoutMs: 5_000 });
	const engine = new SyncEngine({
		api,
		audits,
		outbox,
		reference,
		lock: options.lock ?? createLocalLock(),
		random: () => 0.5,
		timers: fakeTimers().timers,
		environment: {},
		...options
	});
	return {
		db,
		audits,
		outbox,
		reference,
		engine,
		session: new SessionService({ api, audits, reference })
	};
}

let photoCounter = 0;

/** Distinct bytes for photo `n` (so every photo has its own hash). */
export function photoBytes(n: number, length = 64): Uint8Array {
	const bytes = new Uint8Array(length);
	for (let i = 0; i < length; i++) bytes[i] = (n * 31 + i * 7) % 256;
	return bytes;
}

/** Stores a draft audit with one answer, one note and `photos` photos, then queues it. */
export async function seedQueuedAudit(
	audits: AuditStore,
	photos: number,
	at = 10_000
): Promise<{ auditId: string; photoIds: string[] }> {
	const auditId = crypto.randomUUID();
	await audits.createAudit(makeAudit({ id: auditId, revision: 1, createdAt: at, updatedAt: at }));
	await audits.saveAnswer(auditId, { checkpointId: 'cp-1', value: 'yes', answeredAt: at }, at);
	await audits.saveNote(auditId, 'cp-1', 'Friendly staff', at);
	const photoIds: string[] = [];
	for (let i = 0; i < photos; i++) {
		const id = crypto.randomUUID();
		photoIds.push(id);
		await audits.addPhoto(
			makePhoto(id, auditId, { capturedAt: at + i, createdAt: at + i }),
			photoBytes(++photoCounter)
		);
	}
	await audits.queueForSync(auditId, at);
	return { auditId, photoIds };
}

export { FakeSyncServer };
