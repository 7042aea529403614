import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwoOrganisations, type TestOrganisation } from '../testing/factories';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import {
	createAssignment,
	getAssignment,
	listAssignments,
	listAssignmentsForShopper
} from './assignments';
import { getLocation, listLocations, saveLocation } from './locations';
import { getTemplate, listTemplates } from './templates';
import { getUser, listUsers } from './users';

describe('tenant isolation in repos', () => {
	let handle: TestDatabase;
	let a: TestOrganisation;
	let b: TestOrganisation;
	beforeAll(async () => {
		handle = await createTestDatabase();
		({ a, b } = await createTwoOrganisations(handle.db));
	});
	afterAll(async () => {
		await handle.dispose();
	});

	it('shows each organisation only its own locations', async () => {
		const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();
		expect(ids(await listLocations(handle.db, b.organisation.id))).toEqual(
			[b.location.id, b.competitor.id].sort()
		);
		expect(await getLocation(handle.db, b.organisation.id, a.location.id)).toBeUndefined();
		expect(await getLocation(handle.db, a.organisation.id, a.location.id)).toBeDefined();
	});

	it("refuses to overwrite another organisation's location id", async () => {
		await expect(
			saveLocation(handle.db, b.organisation.id, { ...a.location, name: 'Hijacked' }, Date.now())
		).rejects.toMatchObject({ reason: 'conflict' });
		expect((await getLocation(handle.db, a.organisation.id, a.location.id))?.name).toBe(
			a.location.name
		);
	});

	it('shows each organisation only its own templates', async () => {
		expect(await listTemplates(handle.db, b.organisation.id)).toHaveLength(1);
		await handle.db
			.deleteFrom('templates')
			.where('organisation_id', '=', b.organisation.id)
			.execute();
		expect(await listTemplates(handle.db, b.organisation.id)).toEqual([]);
		expect(await getTemplate(handle.db, b.organisation.id, a.template.id, 1)).toBeUndefined();
		expect(await getTemplate(handle.db, a.organisation.id, a.template.id, 1)).toEqual(a.template);
	});

	it('shows each organisation only its own assignments and users', async () => {
		expect(await listAssignments(handle.db, b.organisation.id)).toEqual([
			expect.objectContaining({ id: b.assignment.id })
		]);
		expect(await getAssignment(handle.db, b.organisation.id, a.assignment.id)).toBeUndefined();
		expect(await listAssignmentsForShopper(handle.db, b.organisation.id, a.shopper.id)).toEqual([]);
		expect(await getUser(handle.db, b.organisation.id, a.shopper.id)).toBeUndefined();
		expect((await listUsers(handle.db, b.organisation.id)).map((u) => u.organisationId)).toEqual(
			Array(7).fill(b.organisation.id)
		);
	});

	it("refuses an assignment pointing at another organisation's location or shopper", async () => {
		const base = {
			id: 'asg-cross',
			organisationId: a.organisation.id,
			templateId: a.template.id,
			templateVersion: 1,
			locationId: a.location.id,
			shopperId: a.shopper.id,
			windowStart: 0,
			windowEnd: 1,
			brief: { en: '' },
			status: 'open' as const,
			updatedAt: 0
		};
		await expect(
			createAssignment(handle.db, { ...base, locationId: b.location.id })
		).rejects.toMatchObject({ reason: 'invalid' });
		await expect(
			createAssignment(handle.db, { ...base, shopperId: b.shopper.id })
		).rejects.toMatchObject({ reason: 'invalid' });
		expect(await getAssignment(handle.db, a.organisation.id, 'asg-cross')).toBeUndefined();
	});
});
