import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteExpiredSessions } from '../repos/sessions';
import { createTestOrganisation, type TestOrganisation } from '../testing/factories';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { sessionIdOf } from './session-token';
import { authenticate, SESSION_TTL_MS, signOut, startSession } from './sessions';

const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

describe('sessions', () => {
	let handle: TestDatabase;
	let org: TestOrganisation;
	beforeAll(async () => {
		handle = await createTestDatabase();
		org = await createTestOrganisation(handle.db);
	});
	afterAll(async () => {
		await handle.dispose();
	});

	it('stores only the SHA-256 of a random 32-byte token', async () => {
		const { token, sessionId, expiresAt } = await startSession(handle.db, org.shopper.id, T0);
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(sessionId).toBe(sessionIdOf(token));
		expect(expiresAt).toBe(T0 + SESSION_TTL_MS);
		const rows = await handle.db.selectFrom('sessions').selectAll().execute();
		expect(rows.map((row) => row.id)).toContain(sessionId);
		expect(JSON.stringify(rows)).not.toContain(token);
	});

	it('authenticates a token as its user with the organisation', async () => {
		const { token, sessionId } = await startSession(handle.db, org.manager.id, T0);
		const session = await authenticate(handle.db, token, T0 + DAY);
		expect(session).toEqual({
			user: org.manager,
			sessionId,
			expiresAt: T0 + SESSION_TTL_MS,
			renewed: false
		});
	});

	it('refuses unknown, malformed and expired tokens', async () => {
		const { token } = await startSession(handle.db, org.shopper.id, T0);
		expect(
			await authenticate(handle.db, token.replace(/.$/, token.endsWith('A') ? 'B' : 'A'), T0)
		).toBeNull();
		expect(await authenticate(handle.db, 'short', T0)).toBeNull();
		expect(await authenticate(handle.db, token, T0 + SESSION_TTL_MS)).toBeNull();
	});

	it('extends the session once less than half its lifetime remains', async () => {
		const { token, sessionId } = await startSession(handle.db, org.shopper.id, T0);
		const early = await authenticate(handle.db, token, T0 + 14 * DAY);
		expect(early?.renewed).toBe(false);
		const late = await authenticate(handle.db, token, T0 + 16 * DAY);
		expect(late).toMatchObject({ renewed: true, expiresAt: T0 + 16 * DAY + SESSION_TTL_MS });
		// Valid past the original expiry because it slid.
		const after = await authenticate(handle.db, token, T0 + 40 * DAY);
		expect(after?.sessionId).toBe(sessionId);
	});

	it('signs out by deleting the row, so the token stops working', async () => {
		const { token, sessionId } = await startSession(handle.db, org.shopper.id, T0);
		await signOut(handle.db, sessionId);
		expect(await authenticate(handle.db, token, T0 + 1)).toBeNull();
		const row = await handle.db
			.selectFrom('sessions')
			.select('id')
			.where('id', '=', sessionId)
			.executeTakeFirst();
		expect(row).toBeUndefined();
	});

	it('deletes expired sessions only', async () => {
		const at = T0 + 1000 * DAY;
		const keep = await startSession(handle.db, org.shopper.id, at);
		const removed = await deleteExpiredSessions(handle.db, at + 1);
		expect(removed).toBeGreaterThan(0);
		expect(await authenticate(handle.db, keep.token, at + 1)).not.toBeNull();
		const left = await handle.db.selectFrom('sessions').select('expires_at').execute();
		expect(left.every((row) => row.expires_at > at + 1)).toBe(true);
	});
});
