import { createApiClient, type ApiClient } from '$lib/client/api/api-client';
import { reportingFetch } from '$lib/client/api/reachability';
import type { PhotoProcessor } from '$lib/client/photos/photo-processor';
import { AuditStore } from '$lib/client/storage/audit-store';
import { openShopwalkDb } from '$lib/client/storage/open-db';
import { OutboxStore } from '$lib/client/storage/outbox-store';
import { ReferenceStore } from '$lib/client/storage/reference-store';
import type { ShopwalkDb } from '$lib/client/storage/schema';
import { SessionService } from '$lib/client/sync/session';
import { SyncEngine } from '$lib/client/sync/sync-engine';
import { deviceStatus } from './device-status.svelte';

let db: Promise<ShopwalkDb> | null = null;
let processor: Promise<PhotoProcessor> | null = null;
let api: ApiClient | null = null;
let services: Promise<DeviceServices> | null = null;

export interface DeviceServices {
	audits: AuditStore;
	reference: ReferenceStore;
	outbox: OutboxStore;
	session: SessionService;
	sync: SyncEngine;
}

function openDb(): Promise<ShopwalkDb> {
	db ??= openShopwalkDb();
	// A failed open (private mode, blocked upgrade) may succeed on the next try.
	db.catch(() => (db = null));
	return db;
}

/** The device's audit store, opened once per page. */
export async function getAuditStore(): Promise<AuditStore> {
	return (await getDeviceServices()).audits;
}

/** Everything the device keeps and how it talks to the server, wired once per page. */
export function getDeviceServices(): Promise<DeviceServices> {
	services ??= openDb().then((database) => {
		// Every request tells the header whether the server answered.
		api ??= createApiClient({
			fetch: reportingFetch(
				(input, init) => fetch(input, init),
				(state) => deviceStatus.recordRequest(state)
			)
		});
		const audits = new AuditStore(database);
		const reference = new ReferenceStore(database);
		const outbox = new OutboxStore(database);
		return {
			audits,
			reference,
			outbox,
			session: new SessionService({ api, audits, reference }),
			sync: new SyncEngine({ api, audits, outbox, reference })
		};
	});
	services.catch(() => (services = null));
	return services;
}

/**
 * The photo pipeline: one worker, one photo at a time. Its code loads with the first photo (a
 * precached chunk, so offline too), not with every screen that might take one.
 */
export function getPhotoProcessor(): Promise<PhotoProcessor> {
	processor ??= import('$lib/client/photos/photo-processor').then((m) => new m.PhotoProcessor());
	processor.catch(() => (processor = null));
	return processor;
}
