import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '$lib/domain/builtin-templates';
import { DEMO_LOCATIONS } from '$lib/domain/demo-locations';
import { LOCALES } from '$lib/domain/types';
import { TEST_SCRYPT } from '../auth/password';
import { signIn } from '../auth/sign-in';
import { listAssignments, listAssignmentsForShopper } from '../repos/assignments';
import { listLocations } from '../repos/locations';
import { countOrganisations, getOrganisation } from '../repos/organisations';
import { listTemplates } from '../repos/templates';
import { findUserByEmail, listUsers } from '../repos/users';
import { createTestOrganisation } from '../testing/factories';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { seedDemoIfEmpty } from './demo';
import { DEMO_ACCOUNTS, DEMO_ORGANISATION, demoPassword, formatDemoSignIns } from './demo-accounts';

const NOW = Date.UTC(2026, 10, 23, 10, 30, 0);
const ORG = DEMO_ORGANISATION.id;

describe('demo seed', () => {
	let handle: TestDatabase;
	beforeAll(async () => {
		handle = await createTestDatabase();
	});
	afterAll(async () => {
		await handle.dispose();
	});

	it('creates the demo organisation, users, locations, templates and assignments', async () => {
		expect(
			await seedDemoIfEmpty(handle.db, { password: 'pw-demo', now: NOW, scrypt: TEST_SCRYPT })
		).toBe(true);
		expect(await getOrganisation(handle.db, ORG)).toEqual({ ...DEMO_ORGANISATION, createdAt: NOW });
		const users = await listUsers(handle.db, ORG);
		expect(users.map((u) => [u.email, u.role]).sort()).toEqual(
			DEMO_ACCOUNTS.map((a) => [a.email, a.role]).sort()
		);
		expect(
			users
				.filter((u) => u.role === 'shopper')
				.map((u) => u.pseudonym)
				.sort()
		).toEqual(['Shopper 17', 'Shopper 23']);
		expect(
			(await listLocations(handle.db, ORG)).map(
				({ organisationId: _o, updatedAt: _u, timeZone: _z, archivedAt: _a, ...l }) => l
			)
		).toEqual([...DEMO_LOCATIONS].sort((x, y) => x.id.localeCompare(y.id)));
		const templates = await listTemplates(handle.db, ORG);
		expect(templates.map((p) => p.template).sort((x, y) => x.id.localeCompare(y.id))).toEqual(
			[...BUILTIN_TEMPLATES].sort((x, y) => x.id.localeCompare(y.id))
		);
		expect(templates.every((p) => p.template.version === 1)).toBe(true);
	});

	it('gives every shopper a few open assignments around today, with a brief in all four languages', async () => {
		for (const account of DEMO_ACCOUNTS.filter((a) => a.role === 'shopper')) {
			const shopper = (await findUserByEmail(handle.db, account.email))!;
			const assignments = await listAssignmentsForShopper(handle.db, ORG, shopper.id);
			expect(assignments.length).toBeGreaterThanOrEqual(2);
			for (const a of assignments) {
				expect(a.status).toBe('open');
				expect(a.windowEnd).toBeGreaterThan(a.windowStart);
				expect(a.windowStart).toBeLessThan(NOW + 7 * 86_400_000);
				expect(a.windowEnd).toBeGreaterThan(NOW);
				for (const locale of LOCALES) expect(a.brief[locale]?.trim()).toBeTruthy();
				expect(a.brief.da).not.toContain('EN:');
			}
		}
		expect(await listAssignments(handle.db, ORG)).toHaveLength(7);
		const brief = (await listAssignments(handle.db, ORG)).map((a) => a.brief.da).join('\n');
		expect(brief).toContain('Spørg efter en bærbar til en studerende, budget 6000 kr.');
	});

	it('lets the demo accounts sign in with the demo password', async () => {
		const result = await signIn(handle.db, {
			email: DEMO_ACCOUNTS[0]!.email,
			password: 'pw-demo',
			ip: null,
			now: NOW
		});
		expect(result.user.organisation).toEqual(DEMO_ORGANISATION);
	});

	it('does nothing on a second run', async () => {
		const before = await handle.db.selectFrom('assignments').select('id').execute();
		expect(
			await seedDemoIfEmpty(handle.db, { password: 'other', now: NOW + 1, scrypt: TEST_SCRYPT })
		).toBe(false);
		expect(await countOrganisations(handle.db)).toBe(1);
		expect(await handle.db.selectFrom('assignments').select('id').execute()).toEqual(before);
		expect(await listUsers(handle.db, ORG)).toHaveLength(DEMO_ACCOUNTS.length);
	});
});

describe('demo seed on a database with data', () => {
	it('does nothing when any organisation exists', async () => {
		const handle = await createTestDatabase();
		try {
			await createTestOrganisation(handle.db);
			expect(
				await seedDemoIfEmpty(handle.db, { password: 'x', now: NOW, scrypt: TEST_SCRYPT })
			).toBe(false);
			expect(await getOrganisation(handle.db, ORG)).toBeUndefined();
		} finally {
			await handle.dispose();
		}
	});
});

describe('demo sign-ins', () => {
	it('uses DEMO_PASSWORD or the documented default', () => {
		expect(demoPassword({})).toBe('shopwalk-demo');
		expect(demoPassword({ DEMO_PASSWORD: '' })).toBe('shopwalk-demo');
		expect(demoPassword({ DEMO_PASSWORD: 'hunter2' })).toBe('hunter2');
	});

	it('prints every email with its role and the password', () => {
		const text = formatDemoSignIns('shopwalk-demo');
		expect(text).toContain('shopwalk-demo');
		for (const account of DEMO_ACCOUNTS) {
			expect(text).toMatch(new RegExp(`${account.email.replace('.', '\\.')}\\s+${account.role}`));
		}
	});
});
