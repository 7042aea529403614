import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '$lib/client/api/api-error';
import { FakeSyncServer, makeDevice, seedQueuedAudit } from './test-harness';
import { SignOutRefusedError } from './session';
import { FAKE_PASSWORD, FAKE_USER } from './testing/fake-server';
import { makeAudit } from '$lib/client/storage/test-fixtures';

async function setup() {
	const server = new FakeSyncServer();
	server.sessionValid = false;
	const device = await makeDevice({ fetch: server.fetch });
	return { server, device };
}

describe('SessionService', () => {
	it('signs in, keeps the user for offline use, and refuses wrong credentials', async () => {
		const { device } = await setup();
		const wrong = await device.session
			.signIn({ email: FAKE_USER.email, password: 'nope' })
			.catch((e: unknown) => e);
		expect(wrong).toBeInstanceOf(ApiRequestError);
		expect(wrong).toMatchObject({ reason: 'unauthenticated', code: 'invalid_credentials' });
		expect(await device.session.currentUser()).toBeNull();

		await device.session.signIn({ email: FAKE_USER.email, password: FAKE_PASSWORD });
		expect(await device.session.currentUser()).toEqual(FAKE_USER);
	});

	it('refuses to sign out while anything is not on the server, drafts included', async () => {
		const { server, device } = await setup();
		await device.session.signIn({ email: FAKE_USER.email, password: FAKE_PASSWORD });
		await device.audits.createAudit(makeAudit({ id: 'draft-1', revision: 1 }));
		const refused = await device.session.signOut().catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(SignOutRefusedError);
		expect(refused).toMatchObject({ reason: 'unsynced_work', pending: { audits: 1, photos: 0 } });
		expect(await device.session.currentUser()).toEqual(FAKE_USER);
		expect(server.sessionValid).toBe(true);
		expect(await device.audits.getAudit('draft-1')).toBeDefined();
	});

	it('signs out once everything is received, forgetting the user and pulled data', async () => {
		const { server, device } = await setup();
		await device.session.signIn({ email: FAKE_USER.email, password: FAKE_PASSWORD });
		await seedQueuedAudit(device.audits, 1);
		expect(await device.engine.sync()).toBe('done');
		await device.session.signOut();
		expect(server.sessionValid).toBe(false);
		expect(await device.session.currentUser()).toBeNull();
		expect(await device.reference.getCursor()).toBe(0);
	});
});
