import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLAINT_HANDLING, RETAIL_STORE_VISIT } from '$lib/domain/builtin-templates';
import { createTestOrganisation, type TestOrganisation } from '../testing/factories';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import {
	createAssignment,
	getAssignment,
	listAssignments,
	listAssignmentsForShopper
} from './assignments';
import { getLocation, listLocations, saveLocation } from './locations';
import { countOrganisations, getOrganisation } from './organisations';
import { getTemplate, listTemplates, publishTemplate } from './templates';
import { createUser, findUserByEmail, getUser } from './users';

const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);

describe('repos', () => {
	let handle: TestDatabase;
	let org: TestOrganisation;
	beforeAll(async () => {
		handle = await createTestDatabase();
		org = await createTestOrganisation(handle.db, { name: 'Nordlys', now: T0 });
	});
	afterAll(async () => {
		await handle.dispose();
	});

	it('reads organisations back', async () => {
		expect(await getOrganisation(handle.db, org.organisation.id)).toEqual({
			id: org.organisation.id,
			name: 'Nordlys',
			createdAt: T0
		});
		expect(await getOrganisation(handle.db, 'nope')).toBeUndefined();
		expect(await countOrganisations(handle.db)).toBe(1);
	});

	it('stores emails lower-cased, finds them case-insensitively and keeps them unique', async () => {
		const user = await createUser(handle.db, {
			id: 'u-mixed',
			organisationId: org.organisation.id,
			email: '  Mixed.Case@Example.COM ',
			displayName: 'Mixed',
			pseudonym: 'Shopper 9',
			role: 'shopper',
			fieldWork: true,
			passwordHash: 'scrypt$10$8$1$a$b',
			createdAt: T0
		});
		expect(user.email).toBe('mixed.case@example.com');
		expect(await findUserByEmail(handle.db, 'MIXED.case@example.com')).toEqual(user);
		expect(await getUser(handle.db, org.organisation.id, 'u-mixed')).toEqual(user);
		await expect(
			createUser(handle.db, { ...user, id: 'u-dup', email: 'mixed.CASE@example.com' })
		).rejects.toThrow();
	});

	it('lists locations changed since a cursor and updates in place', async () => {
		expect((await listLocations(handle.db, org.organisation.id)).map((l) => l.id)).toEqual(
			[org.competitor.id, org.location.id].sort()
		);
		expect(await listLocations(handle.db, org.organisation.id, T0)).toEqual([]);
		await saveLocation(
			handle.db,
			org.organisation.id,
			{ ...org.location, name: 'Renamed' },
			T0 + 5
		);
		const changed = await listLocations(handle.db, org.organisation.id, T0);
		expect(changed).toEqual([
			{
				id: org.location.id,
				name: 'Renamed',
				kind: 'own',
				brand: 'Own',
				address: 'Street 1',
				region: 'Region',
				organisationId: org.organisation.id,
				updatedAt: T0 + 5,
				timeZone: 'Europe/Copenhagen',
				archivedAt: null
			}
		]);
		expect((await getLocation(handle.db, org.organisation.id, org.location.id))?.name).toBe(
			'Renamed'
		);
	});

	it('publishes template versions immutably and reads them back whole', async () => {
		expect(await getTemplate(handle.db, org.organisation.id, RETAIL_STORE_VISIT.id, 1)).toEqual(
			RETAIL_STORE_VISIT
		);
		await expect(
			publishTemplate(handle.db, org.organisation.id, { ...RETAIL_STORE_VISIT, stages: [] }, T0 + 1)
		).rejects.toMatchObject({ reason: 'conflict', code: 'template_version_exists' });
		expect(
			(await getTemplate(handle.db, org.organisation.id, RETAIL_STORE_VISIT.id, 1))?.stages.length
		).toBe(RETAIL_STORE_VISIT.stages.length);
		const v2 = { ...RETAIL_STORE_VISIT, version: 2 };
		await publishTemplate(handle.db, org.organisation.id, v2, T0 + 10);
		await publishTemplate(handle.db, org.organisation.id, COMPLAINT_HANDLING, T0 + 20);
		expect(await getTemplate(handle.db, org.organisation.id, RETAIL_STORE_VISIT.id, 2)).toEqual(v2);
		expect(
			await getTemplate(handle.db, org.organisation.id, RETAIL_STORE_VISIT.id, 3)
		).toBeUndefined();
		const since = await listTemplates(handle.db, org.organisation.id, T0);
		expect(since.map((p) => [p.template.id, p.template.version, p.publishedAt])).toEqual([
			[RETAIL_STORE_VISIT.id, 2, T0 + 10],
			[COMPLAINT_HANDLING.id, 1, T0 + 20]
		]);
		expect(await listTemplates(handle.db, org.organisation.id)).toHaveLength(3);
	});

	it('creates assignments with their location and lists them per shopper since a cursor', async () => {
		const base = {
			organisationId: org.organisation.id,
			templateId: RETAIL_STORE_VISIT.id,
			templateVersion: 1,
			locationId: org.competitor.id,
			shopperId: org.shopper.id,
			windowStart: T0,
			windowEnd: T0 + 3_600_000,
			brief: {
				en: 'Ask for a student laptop.',
				da: 'Spørg efter en bærbar til en studerende, budget 6000 kr.'
			},
			status: 'open' as const
		};
		await createAssignment(handle.db, { ...base, id: 'asg-later', updatedAt: T0 + 100 });
		await createAssignment(handle.db, {
			...base,
			id: 'asg-other',
			shopperId: org.otherShopper.id,
			updatedAt: T0 + 50
		});
		const mine = await listAssignmentsForShopper(handle.db, org.organisation.id, org.shopper.id);
		expect(mine.map((a) => a.id)).toEqual([org.assignment.id, 'asg-later']);
		const later = await listAssignmentsForShopper(
			handle.db,
			org.organisation.id,
			org.shopper.id,
			T0
		);
		expect(later).toEqual([
			{
				...base,
				id: 'asg-later',
				updatedAt: T0 + 100,
				location: {
					id: org.competitor.id,
					name: org.competitor.name,
					kind: 'competitor',
					brand: 'Rival',
					address: 'Street 2',
					region: 'Region'
				}
			}
		]);
		expect((await listAssignments(handle.db, org.organisation.id)).map((a) => a.id).sort()).toEqual(
			[org.assignment.id, 'asg-later', 'asg-other'].sort()
		);
		expect((await getAssignment(handle.db, org.organisation.id, 'asg-other'))?.shopperId).toBe(
			org.otherShopper.id
		);
	});

	it('refuses an assignment for a manager, an unpublished version or an empty window', async () => {
		const base = {
			id: 'asg-bad',
			organisationId: org.organisation.id,
			templateId: RETAIL_STORE_VISIT.id,
			templateVersion: 1,
			locationId: org.location.id,
			shopperId: org.shopper.id,
			windowStart: T0,
			windowEnd: T0 + 1,
			brief: { en: '' },
			status: 'open' as const,
			updatedAt: T0
		};
		const refused = { reason: 'invalid', code: 'invalid_assignment' };
		await expect(
			createAssignment(handle.db, { ...base, shopperId: org.manager.id })
		).rejects.toMatchObject(refused);
		await expect(
			createAssignment(handle.db, { ...base, templateVersion: 9 })
		).rejects.toMatchObject(refused);
		await expect(createAssignment(handle.db, { ...base, windowEnd: T0 })).rejects.toMatchObject(
			refused
		);
		expect(await getAssignment(handle.db, org.organisation.id, 'asg-bad')).toBeUndefined();
	});
});
