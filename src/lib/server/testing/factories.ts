import { randomBytes, randomUUID } from 'node:crypto';
import type { Role, SessionUser } from '$lib/contract/auth';
import { RETAIL_STORE_VISIT } from '$lib/domain/builtin-templates';
import type { JourneyTemplate } from '$lib/domain/types';
import { hashPassword, TEST_SCRYPT } from '../auth/password';
import type { Db } from '../db/connect';
import { createAssignment, type AssignmentRecord } from '../repos/assignments';
import { saveLocation, type LocationRecord } from '../repos/locations';
import { createOrganisation, type Organisation } from '../repos/organisations';
import { recordPublishedTemplate } from '../repos/template-drafts';
import { publishTemplate } from '../repos/templates';
import { grantLocations } from '../repos/user-locations';
import { createUser, toSessionUser } from '../repos/users';

/** Every factory user's password. */
export const TEST_PASSWORD = 'correct horse battery staple';

/** An organisation with one user of each role (two shoppers), two locations, a template and an assignment. */
export interface TestOrganisation {
	organisation: Organisation;
	shopper: SessionUser;
	otherShopper: SessionUser;
	manager: SessionUser;
	admin: SessionUser;
	/** A manager who also runs audits (field work), e.g. competitor visits. */
	fieldManager: SessionUser;
	/** A report reader given `location` only. */
	viewer: SessionUser;
	/** A report reader given `competitor` only. */
	otherViewer: SessionUser;
	/** An own store. */
	location: LocationRecord;
	/** A competitor's store. */
	competitor: LocationRecord;
	/** RETAIL_STORE_VISIT, published as version 1. */
	template: JourneyTemplate;
	/** An open assignment of `template` at `location` for `shopper`. */
	assignment: AssignmentRecord;
}

let passwordHash: Promise<string> | undefined;

/**
 * Creates an organisation for a test: users of every role (emails `<role>@<slug>.test`, password
 * TEST_PASSWORD, hashed at the cheap test cost), locations, a published template and an assignment.
 * Ids are random, so many organisations can live in one database.
 */
export async function createTestOrganisation(
	db: Db,
	options: { name?: string; now?: number } = {}
): Promise<TestOrganisation> {
	const now = options.now ?? Date.now();
	const slug = randomBytes(4).toString('hex');
	passwordHash ??= hashPassword(TEST_PASSWORD, TEST_SCRYPT);
	const hash = await passwordHash;
	const organisation = await createOrganisation(db, {
		id: `org-${slug}`,
		name: options.name ?? `Test organisation ${slug}`,
		createdAt: now
	});
	const user = async (
		role: Role,
		label: string,
		pseudonym: string,
		fieldWork: boolean = role === 'shopper'
	) =>
		toSessionUser(
			await createUser(db, {
				id: randomUUID(),
				organisationId: organisation.id,
				email: `${label}@${slug}.test`,
				displayName: `${label} ${slug}`,
				pseudonym,
				role,
				fieldWork,
				passwordHash: hash,
				createdAt: now
			}),
			organisation
		);
	const shopper = await user('shopper', 'shopper', 'Shopper 1');
	const otherShopper = await user('shopper', 'shopper2', 'Shopper 2');
	const manager = await user('manager', 'manager', 'Reviewer 1');
	const admin = await user('admin', 'admin', 'Admin 1');
	const fieldManager = await user('manager', 'fieldmanager', 'Reviewer 2', true);
	const viewer = await user('viewer', 'viewer', 'Reader 1');
	const otherViewer = await user('viewer', 'viewer2', 'Reader 2');
	const location = await saveLocation(
		db,
		organisation.id,
		{
			id: `loc-own-${slug}`,
			name: `Own store ${slug}`,
			kind: 'own',
			brand: 'Own',
			address: 'Street 1',
			region: 'Region'
		},
		now
	);
	const competitor = await saveLocation(
		db,
		organisation.id,
		{
			id: `loc-comp-${slug}`,
			name: `Competitor ${slug}`,
			kind: 'competitor',
			brand: 'Rival',
			address: 'Street 2',
			region: 'Region'
		},
		now
	);
	await grantLocations(db, organisation.id, viewer.id, [location.id]);
	await grantLocations(db, organisation.id, otherViewer.id, [competitor.id]);
	const { template } = await publishTemplate(db, organisation.id, RETAIL_STORE_VISIT, now);
	await recordPublishedTemplate(db, organisation.id, template, now);
	const assignment = await createAssignment(db, {
		id: `asg-${slug}`,
		organisationId: organisation.id,
		templateId: template.id,
		templateVersion: template.version,
		locationId: location.id,
		shopperId: shopper.id,
		windowStart: now - 60 * 60 * 1000,
		windowEnd: now + 24 * 60 * 60 * 1000,
		brief: { en: 'Ask for a laptop for a student.' },
		status: 'open',
		updatedAt: now
	});
	return {
		organisation,
		shopper,
		otherShopper,
		manager,
		admin,
		fieldManager,
		viewer,
		otherViewer,
		location,
		competitor,
		template,
		assignment
	};
}

/** Two organisations, for tenant-isolation tests: nothing of `a` may be visible to `b`. */
export async function createTwoOrganisations(
	db: Db,
	options: { now?: number } = {}
): Promise<{ a: TestOrganisation; b: TestOrganisation }> {
	const a = await createTestOrganisation(db, { ...options, name: 'Organisation A' });
	const b = await createTestOrganisation(db, { ...options, name: 'Organisation B' });
	return { a, b };
}
