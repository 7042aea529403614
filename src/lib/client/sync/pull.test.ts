import { describe, expect, it } from 'vitest';
import type { Assignment, PullResponse } from '$lib/contract/sync';

type PullTemplate = PullResponse['templates'][number];
import { RETAIL_STORE_VISIT } from '$lib/domain/builtin-templates';
import type { JourneyTemplate } from '$lib/domain/types';
import { FakeSyncServer, makeDevice, seedQueuedAudit } from './test-harness';

const location = {
	id: 'l1',
	name: 'North',
	kind: 'own',
	brand: 'B',
	address: 'A',
	region: 'R'
} as const;

function assignment(id: string, status: Assignment['status']): Assignment {
	return {
		id,
		templateId: 'retail-store-visit',
		templateVersion: 1,
		location,
		windowStart: 100,
		windowEnd: 200,
		brief: { en: 'Ask about the warranty' },
		status
	};
}

async function setup() {
	const server = new FakeSyncServer();
	const device = await makeDevice({ fetch: server.fetch });
	return { server, device };
}

describe('SyncEngine.pull', () => {
	it('stores pulled data and the cursor, and sends the cursor next time', async () => {
		const { server, device } = await setup();
		const template = anyBuiltinTemplate();
		server.reference = {
			templates: [template as unknown as PullTemplate],
			locations: [location],
			assignments: [assignment('as1', 'open')]
		};
		expect(await device.engine.pull()).toEqual({ ok: true });
		expect(await device.reference.getTemplate(template.id, template.version)).toEqual(template);
		expect((await device.reference.listAssignments()).map((a) => a.id)).toEqual(['as1']);
		const cursor = await device.reference.getCursor();
		expect(cursor).toBeGreaterThan(0);

		server.reference = { ...server.reference, assignments: [assignment('as1', 'cancelled')] };
		server.referenceChangedAt = server.clock + 1;
		expect(await device.engine.pull()).toEqual({ ok: true });
		expect(server.received.at(-1)?.path).toBe('/api/sync/pull');
		expect((await device.reference.listAssignments()).map((a) => a.status)).toEqual(['cancelled']);
		expect(await device.reference.getCursor()).toBeGreaterThan(cursor);
	});

	it('refuses a pull with a broken template and keeps the old cursor', async () => {
		const { server, device } = await setup();
		server.reference = {
			templates: [{ id: 'broken', version: 1, name: { en: 'B' }, locationKind: 'any', stages: [] }],
			locations: [location],
			assignments: []
		};
		expect(await device.engine.pull()).toEqual({ ok: false, reason: 'bad_response' });
		expect(await device.reference.getCursor()).toBe(0);
		expect(await device.reference.listLocations()).toEqual([]);
	});

	it('a returned audit becomes a draft again on the device', async () => {
		const { server, device } = await setup();
		const { auditId } = await seedQueuedAudit(device.audits, 1);
		expect(await device.engine.drain()).toBe('done');
		await device.engine.pull();
		expect((await device.audits.getAudit(auditId))?.status).toBe('received');

		server.returnAudit(auditId, 'Add a photo of the shelf');
		expect(await device.engine.pull()).toEqual({ ok: true });
		expect((await device.audits.getAudit(auditId))?.status).toBe('draft');
		expect((await device.reference.getReview(auditId))?.comments[0]?.body).toBe(
			'Add a photo of the shelf'
		);

		// Edited and resubmitted: the server takes the new revision as a resubmission.
		await device.audits.saveNote(auditId, 'cp-1', 'Shelf photo added', 50_000);
		await device.audits.queueForSync(auditId, 50_001);
		expect(await device.engine.drain()).toBe('done');
		expect(server.audits.get(auditId)?.state).toBe('resubmitted');
		expect(server.audits.get(auditId)?.upload.revision).toBe(
			(await device.audits.getAudit(auditId))?.revision
		);
		expect(server.submitExecutions).toEqual([auditId, auditId]);
	});

	it('an expired session during pull asks for sign-in', async () => {
		const { server, device } = await setup();
		server.expireSession();
		expect(await device.engine.pull()).toEqual({ ok: false, reason: 'unauthenticated' });
		expect(device.engine.progress.state).toBe('needs_sign_in');
	});
});

function anyBuiltinTemplate(): JourneyTemplate {
	return RETAIL_STORE_VISIT;
}
