import { randomUUID } from 'node:crypto';
import { BUILTIN_TEMPLATES } from '$lib/domain/builtin-templates';
import { DEMO_LOCATIONS } from '$lib/domain/demo-locations';
import { hashPassword, type ScryptParams } from '../auth/password';
import type { Db } from '../db/connect';
import { createAssignment } from '../repos/assignments';
import { countOrganisations, createOrganisation } from '../repos/organisations';
import { saveLocation } from '../repos/locations';
import { recordPublishedTemplate } from '../repos/template-drafts';
import { publishTemplate } from '../repos/templates';
import { grantLocations } from '../repos/user-locations';
import { createUser } from '../repos/users';
import { DEMO_ACCOUNTS, DEMO_ORGANISATION, DEMO_READER_LOCATIONS } from './demo-accounts';
import { DEMO_VISITS } from './demo-assignments';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * On a database without organisations, creates the demo organisation in one transaction: its
 * users (DEMO_ACCOUNTS, all with `password`), the demo locations, the built-in templates and a
 * few assignments per shopper around `now`. Returns false, changing nothing, on any other database.
 * `scrypt` lowers the hashing cost in tests only.
 */
export async function seedDemoIfEmpty(
	db: Db,
	options: { password: string; now: number; scrypt?: ScryptParams }
): Promise<boolean> {
	if ((await countOrganisations(db)) > 0) return false;
	// Hashed before the transaction: scrypt is slow and needs no lock.
	const hashes = await Promise.all(
		DEMO_ACCOUNTS.map(() => hashPassword(options.password, options.scrypt))
	);
	try {
		return await seedInTransaction(db, options.now, hashes);
	} catch (error) {
		// Two instances starting together: the loser's insert conflicts; the demo data exists.
		if ((await countOrganisations(db)) > 0) return false;
		throw error;
	}
}

async function seedInTransaction(db: Db, now: number, hashes: string[]): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		// Checked again inside: another instance may have seeded meanwhile.
		if ((await countOrganisations(trx)) > 0) return false;
		const org = DEMO_ORGANISATION.id;
		await createOrganisation(trx, { ...DEMO_ORGANISATION, createdAt: now });
		const userIds = new Map<string, string>();
		for (const [index, account] of DEMO_ACCOUNTS.entries()) {
			const user = await createUser(trx, {
				...account,
				id: randomUUID(),
				organisationId: org,
				passwordHash: hashes[index]!,
				createdAt: now
			});
			userIds.set(user.email, user.id);
		}
		for (const location of DEMO_LOCATIONS) await saveLocation(trx, org, location, now);
		for (const template of BUILTIN_TEMPLATES) {
			await publishTemplate(trx, org, template, now);
			await recordPublishedTemplate(trx, org, template, now);
		}
		for (const [email, locationIds] of Object.entries(DEMO_READER_LOCATIONS)) {
			await grantLocations(trx, org, userIds.get(email)!, locationIds);
		}
		const today = Math.floor(now / DAY_MS) * DAY_MS;
		for (const visit of DEMO_VISITS) {
			const template = BUILTIN_TEMPLATES.find((t) => t.id === visit.templateId)!;
			await createAssignment(trx, {
				id: randomUUID(),
				organisationId: org,
				templateId: template.id,
				templateVersion: template.version,
				locationId: visit.locationId,
				shopperId: userIds.get(visit.shopperEmail)!,
				windowStart: today + visit.startDay * DAY_MS,
				windowEnd: today + (visit.startDay + visit.days) * DAY_MS,
				brief: visit.brief,
				status: 'open',
				updatedAt: now
			});
		}
		return true;
	});
}
