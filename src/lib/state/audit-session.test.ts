import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuditStore } from '$lib/client/storage/audit-store';
import { openShopwalkDb } from '$lib/client/storage/open-db';
import { ReferenceStore } from '$lib/client/storage/reference-store';
import { makeAudit } from '$lib/client/storage/test-fixtures';
import { RETAIL_STORE_VISIT } from '$lib/domain/builtin-templates';
import type { Audit } from '$lib/domain/types';
import { AuditSession } from './audit-session.svelte';
import { DeviceChanges } from './device-changes';
import { notifications } from './notifications.svelte';

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
	for (const notice of notifications.items) notifications.dismiss(notice.id);
});

const template = RETAIL_STORE_VISIT;
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

async function device(audit: Partial<Audit>) {
	const db = await openShopwalkDb();
	const audits = new AuditStore(db);
	const reference = new ReferenceStore(db);
	await audits.createAudit(
		makeAudit({
			id: 'a1',
			templateId: template.id,
			templateVersion: template.version,
			revision: 5,
			...audit
		})
	);
	const changes = new DeviceChanges();
	const stored = new Map<string, string>();
	const journal = {
		getItem: (k: string) => stored.get(k) ?? null,
		setItem: (k: string, v: string) => void stored.set(k, v),
		removeItem: (k: string) => void stored.delete(k)
	};
	let changed = 0;
	let clock = 100_000;
	const deps = async () => ({
		audits,
		reference,
		findTemplate: async () => template,
		now: () => (clock += 1000),
		changed: () => void changed++,
		changes,
		journal
	});
	const session = (await AuditSession.load('a1', deps))!;
	return { db, audits, reference, changes, session, deps, stored, changedCount: () => changed };
}

describe('AuditSession follows the stored audit', () => {
	it('an audit sent by the sync engine while its screen is open shows as received', async () => {
		const { audits, changes, session } = await device({ status: 'queued' });
		const stop = session.follow();
		await settle();
		expect(session.audit.status).toBe('queued');

		await audits.markUploading('a1', 1);
		changes.emit();
		await settle();
		expect(session.audit.status).toBe('uploading');

		await audits.markSent('a1', { state: 'submitted', revision: 5 }, 2);
		changes.emit();
		await settle();
		expect(session.audit.status).toBe('received');
		expect(session.editable).toBe(false);
		stop();
	});

	it('a change announced while a write is in flight is read once the write has committed', async () => {
		const { db, changes, session } = await device({ status: 'draft' });
		session.follow();
		await settle();
		const writing = session.setNote('arrival.storefront-signage', 'Sign was dark');
		expect(session.busy).toBe(true);
		// A pull stores the reviewer's comments during the write.
		await db.put('reviews', {
			id: 'a1',
			state: 'returned',
			revision: 5,
			comments: [{ checkpointId: 'greeting.greeted', body: 'Really?', createdAt: 1, round: 1 }]
		});
		changes.emit();
		await writing;
		await settle();
		expect(session.review.status).toBe('open');
		expect(session.reviewCommentsOf('greeting.greeted')).toEqual(['Really?']);
	});

	it('"Reopen" on an audit the server already has says so and shows it as received', async () => {
		const { audits, session } = await device({ status: 'queued' });
		// Sent in the background; this screen was not told.
		await audits.markUploading('a1', 1);
		await audits.markSent('a1', { state: 'submitted', revision: 5 }, 2);
		expect(session.audit.status).toBe('queued');

		expect(await session.reopen()).toBe(false);

		expect(session.audit.status).toBe('received');
		expect(notifications.items.map((n) => [n.kind, n.key])).toEqual([
			['info', 'field.reopen.alreadySent']
		]);
	});

	it('every committed local change is announced (the header counts what is pending)', async () => {
		const { session, changedCount } = await device({ status: 'draft' });
		await session.setAnswer('arrival.storefront-signage', 'yes');
		await session.setNarrative('Fine visit');
		expect(changedCount()).toBe(2);
	});
});

/** A page whose events the test fires by hand. */
function fakePage() {
	const document = Object.assign(new EventTarget(), {
		visibilityState: 'visible' as DocumentVisibilityState
	});
	return { window: new EventTarget(), document };
}

describe('AuditSession.timeStage', () => {
	const stageId = template.stages[0]!.id;

	it('keeps the stage time of an unloaded page (reload, typed address, closed) and stores it on the next load', async () => {
		const { audits, session, deps, stored } = await device({ status: 'draft' });
		const page = fakePage();
		session.timeStage(stageId, page);
		// No IndexedDB write can finish while the page goes away: written synchronously instead.
		page.window.dispatchEvent(new Event('pagehide'));
		expect(JSON.parse(stored.get('shopwalk.stageTime.a1')!)).toEqual({ [stageId]: 1000 });
		expect((await audits.getAudit('a1'))!.stageTimeMs[stageId]).toBeUndefined();

		const reopened = (await AuditSession.load('a1', deps))!;
		expect((await audits.getAudit('a1'))!.stageTimeMs[stageId]).toBe(1000);
		expect(reopened.audit.stageTimeMs[stageId]).toBe(1000);
		expect(stored.size).toBe(0);
		// Loaded again: counted once.
		await AuditSession.load('a1', deps);
		expect((await audits.getAudit('a1'))!.stageTimeMs[stageId]).toBe(1000);
	});

	it('a page kept in the back/forward cache stores its time in IndexedDB at once', async () => {
		const { audits, session } = await device({ status: 'draft' });
		const page = fakePage();
		session.timeStage(stageId, page);
		const event = Object.assign(new Event('pagehide'), { persisted: true });
		page.window.dispatchEvent(event);
		await settle();
		expect((await audits.getAudit('a1'))!.stageTimeMs[stageId]).toBe(1000);
	});

	it('stores it when the page is hidden, and counts again once it is shown', async () => {
		const { audits, session } = await device({ status: 'draft' });
		const page = fakePage();
		const stop = session.timeStage(stageId, page);
		page.document.visibilityState = 'hidden';
		page.document.dispatchEvent(new Event('visibilitychange'));
		await settle();
		expect((await audits.getAudit('a1'))!.stageTimeMs[stageId]).toBe(1000);
		page.document.visibilityState = 'visible';
		page.document.dispatchEvent(new Event('visibilitychange'));
		// The route changes: the screen's effect ends.
		stop();
		await settle();
		expect((await audits.getAudit('a1'))!.stageTimeMs[stageId]).toBe(2000);
		// Nothing is counted after the screen is gone.
		page.window.dispatchEvent(new Event('pagehide'));
		await settle();
		expect((await audits.getAudit('a1'))!.stageTimeMs[stageId]).toBe(2000);
	});
});
