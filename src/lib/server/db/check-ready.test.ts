import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-database';
import { checkReady, migrate, MIGRATION_NAMES } from './connect';

// What /readyz answers: ready only when the database answers and holds every migration.
describe('checkReady', () => {
	it('names the pending migrations, then is ready once they have run', async () => {
		const handle = await createTestDatabase({ migrateTo: '003-review' });
		try {
			const pending = MIGRATION_NAMES.filter((name) => name > '003-review');
			expect(pending.length).toBeGreaterThan(0);
			expect(await checkReady(handle.db)).toEqual({
				ready: false,
				reason: `migrations pending: ${pending.join(', ')}`
			});
			await migrate(handle.db);
			expect(await checkReady(handle.db)).toEqual({ ready: true });
		} finally {
			await handle.dispose();
		}
	});

	it('is not ready when the database does not answer', async () => {
		const handle = await createTestDatabase();
		const db = handle.db;
		await handle.dispose();
		const result = await checkReady(db);
		expect(result.ready).toBe(false);
		expect(result).toMatchObject({ reason: expect.stringContaining('database unreachable') });
	});
});
