// Test-only: shared set-up of the sync service tests. Not imported by the app.
import type { SessionUser } from '$lib/contract/auth';
import type { Location } from '$lib/domain/types';
import { buildCompleteAudit, type BuiltAudit } from '../testing/complete-audit';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { createTwoOrganisations, type TestOrganisation } from '../testing/factories';
import type { ServiceContext } from './context';
import { uploadPhoto } from './photo-upload';

export interface SyncFixture {
	database: TestDatabase;
	ctx: ServiceContext;
	/** Organisation A: the one under test. */
	a: TestOrganisation;
	/** Organisation B: must never see or touch A's data. */
	b: TestOrganisation;
}

/** A fresh database with two organisations (users of every role, locations, template, assignment). */
export async function openSyncFixture(now = 1_760_000_000_000): Promise<SyncFixture> {
	const database = await createTestDatabase();
	const { a, b } = await createTwoOrganisations(database.db, { now });
	return { database, ctx: { db: database.db, dataDir: database.dataDir }, a, b };
}

/** The plain domain Location of a factory location (the contract refuses extra fields). */
export function plainLocation(location: Location): Location {
	const { id, name, kind, brand, address, region } = location;
	return { id, name, kind, brand, address, region };
}

/** A complete audit of organisation `org`'s template at its own store, for its assignment. */
export function completeAuditOf(
	org: TestOrganisation,
	options: { revision?: number; photoBytes?: Uint8Array[]; id?: string; receipt?: boolean } = {}
): BuiltAudit {
	return buildCompleteAudit({
		template: org.template,
		location: plainLocation(org.location),
		assignmentId: org.assignment.id,
		...options
	});
}

/** Uploads the bytes of every photo of `audit` as its shopper. */
export async function uploadAllPhotos(
	ctx: ServiceContext,
	user: SessionUser,
	audit: BuiltAudit,
	now: number
): Promise<void> {
	for (const photo of audit.photos) {
		await uploadPhoto(
			ctx,
			user,
			{
				auditId: audit.id,
				photoId: photo.entry.id,
				bytes: photo.bytes,
				declaredSha256: photo.entry.sha256
			},
			now
		);
	}
}
