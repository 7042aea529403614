import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '$lib/contract/auth';
import { hashPassword, TEST_SCRYPT } from '../auth/password';
import { seedScale } from '../seed/scale';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import type { ServiceContext } from './context';
import { RECENT_HISTORY_MS, pullChanges } from './sync-pull';

const NOW = Date.UTC(2026, 11, 1);

describe('a first pull at scale sends open and recent visits, not the history', () => {
	let handle: TestDatabase;
	let ctx: ServiceContext;
	let shopper: SessionUser;
	beforeAll(async () => {
		handle = await createTestDatabase();
		ctx = { db: handle.db, dataDir: handle.dataDir };
		const passwordHash = await hashPassword('pw', TEST_SCRYPT);
		// Few shoppers, so each has a year of visits behind them.
		await seedScale(handle.db, { audits: 1200, shoppers: 3, seed: 9, now: NOW, passwordHash });
		const row = await handle.db
			.selectFrom('users')
			.selectAll()
			.where('email', '=', 'shopper1@scale-9.example')
			.executeTakeFirstOrThrow();
		shopper = {
			id: row.id,
			email: row.email,
			displayName: row.display_name,
			pseudonym: row.pseudonym,
			role: 'shopper',
			fieldWork: true,
			organisation: { id: 'scale-9', name: 'Scale' }
		};
	}, 180_000);
	afterAll(async () => {
		await handle.dispose();
	});

	it('holds every open visit and returned audit, and only the last 30 days of the rest', async () => {
		const mine = await handle.db
			.selectFrom('assignments')
			.selectAll()
			.where('shopper_id', '=', shopper.id)
			.execute();
		const recentFrom = NOW - RECENT_HISTORY_MS;
		const needed = mine.filter((a) => a.status === 'open' || Number(a.window_end) >= recentFrom);
		expect(needed.length).toBeLessThan(mine.length / 4);
		const pull = await pullChanges(ctx, shopper, 0, NOW);
		expect(pull.assignments.map((a) => a.id).sort()).toEqual(needed.map((a) => a.id).sort());

		const audits = await handle.db
			.selectFrom('audits')
			.select(['id', 'state', 'updated_at'])
			.where('shopper_id', '=', shopper.id)
			.where('state', '!=', 'draft')
			.execute();
		const wanted = audits.filter(
			(a) => a.state === 'returned' || Number(a.updated_at) >= recentFrom
		);
		expect(wanted.some((a) => a.state === 'returned')).toBe(true);
		expect(pull.audits.map((a) => a.id).sort()).toEqual(wanted.map((a) => a.id).sort());

		// The full history, for comparison: much more, and a superset.
		const full = await pullChanges(ctx, shopper, 0, NOW, { history: 'all' });
		expect(full.assignments.length).toBe(mine.length);
		expect(full.audits.length).toBe(audits.length);
		expect(JSON.stringify(pull).length).toBeLessThan(JSON.stringify(full).length);
	});

	it('after the first pull, sends every change since the cursor, old visits included', async () => {
		const first = await pullChanges(ctx, shopper, 0, NOW);
		const old = await handle.db
			.selectFrom('assignments')
			.select('id')
			.where('shopper_id', '=', shopper.id)
			.where('window_end', '<', NOW - 2 * RECENT_HISTORY_MS)
			.executeTakeFirstOrThrow();
		await handle.db
			.updateTable('assignments')
			.set({ status: 'cancelled', updated_at: NOW + 1000 })
			.where('id', '=', old.id)
			.execute();
		const next = await pullChanges(ctx, shopper, first.cursor, NOW + 20_000);
		expect(next.assignments.map((a) => [a.id, a.status])).toEqual([[old.id, 'cancelled']]);
	});
});
