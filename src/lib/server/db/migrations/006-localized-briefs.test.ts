import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganisation, type TestOrganisation } from '../../testing/factories';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { getAssignment } from '../../repos/assignments';
import { convertBrief, up } from './006-localized-briefs';

const OLD_SEED =
	'Spørg efter en bærbar til en studerende, budget 6000 kr.\n\nEN: Ask for a laptop for a student, budget 6000 DKK.';

describe('migration 006-localized-briefs', () => {
	let handle: TestDatabase;
	let org: TestOrganisation;
	beforeAll(async () => {
		handle = await createTestDatabase();
		org = await createTestOrganisation(handle.db);
	});
	afterAll(async () => {
		await handle.dispose();
	});

	it('converts the old seed format to Danish and English, other strings to English', () => {
		expect(JSON.parse(convertBrief(OLD_SEED))).toEqual({
			en: 'Ask for a laptop for a student, budget 6000 DKK.',
			da: 'Spørg efter en bærbar til en studerende, budget 6000 kr.'
		});
		expect(JSON.parse(convertBrief('Ask about the warranty.'))).toEqual({
			en: 'Ask about the warranty.'
		});
		expect(JSON.parse(convertBrief(''))).toEqual({ en: '' });
		const already = JSON.stringify({ en: 'Ask', pl: 'Zapytaj' });
		expect(convertBrief(already)).toBe(already);
	});

	it('rewrites the stored rows, and running it again changes nothing', async () => {
		const id = org.assignment.id;
		const setRaw = (brief: string) =>
			sql`update assignments set brief = ${brief} where id = ${id}`.execute(handle.db);
		const raw = async () =>
			(
				await sql<{
					brief: string;
				}>`select brief from assignments where id = ${id}`.execute(handle.db)
			).rows[0]!.brief;

		await setRaw(OLD_SEED);
		await up(handle.db as unknown as Kysely<unknown>);
		expect(JSON.parse(await raw())).toEqual({
			en: 'Ask for a laptop for a student, budget 6000 DKK.',
			da: 'Spørg efter en bærbar til en studerende, budget 6000 kr.'
		});
		const converted = await raw();
		await up(handle.db as unknown as Kysely<unknown>);
		expect(await raw()).toBe(converted);
		expect((await getAssignment(handle.db, org.organisation.id, id))?.brief.da).toContain('bærbar');

		await setRaw('Plain English brief.');
		await up(handle.db as unknown as Kysely<unknown>);
		expect(JSON.parse(await raw())).toEqual({ en: 'Plain English brief.' });
	});
});
