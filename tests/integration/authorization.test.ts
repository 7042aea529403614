import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { API } from '$lib/contract/api-paths';
import type { AuditUpload } from '$lib/contract/sync';
import { openDatabase, type DbHandle } from '$lib/server/db/connect';
import { createTestOrganisation, type TestOrganisation } from '$lib/server/testing/factories';
import {
	buildCompleteAudit,
	submitRequestOf,
	type BuiltAudit
} from '$lib/server/testing/complete-audit';
import { plainLocation } from './cookie-fetch';
import { jsonRequest as json } from './request-init';
import { signInRoster } from './signed-in-clients';

// Every role against every endpoint of the real server, and a second organisation against the
// first one's audits, photos and assignments. Roles and organisations are enforced on the server.

type Who =
	| 'anonymous'
	| 'shopper'
	| 'otherShopper'
	| 'manager'
	| 'admin'
	| 'fieldManager'
	| 'viewer'
	| 'otherViewer'
	| 'bShopper'
	| 'bManager';
const EVERYONE: Who[] = [
	'anonymous',
	'shopper',
	'otherShopper',
	'manager',
	'admin',
	'fieldManager',
	'viewer',
	'otherViewer',
	'bShopper',
	'bManager'
];

/** The same status for every signed-in role of organisation A, B's and the anonymous caller's. */
function statuses(
	signedIn: number,
	overrides: Partial<Record<Who, number>> = {}
): Record<Who, number> {
	const all = Object.fromEntries(EVERYONE.map((who) => [who, signedIn])) as Record<Who, number>;
	return { ...all, anonymous: 401, ...overrides };
}

let handle: DbHandle;
let a: TestOrganisation;
let b: TestOrganisation;
let baseUrl: string;
let clients: Map<Who, typeof fetch>;
let audit: BuiltAudit;

function send(who: Who, path: string, init: RequestInit = {}): Promise<Response> {
	return clients.get(who)!(`${baseUrl}${path}`, init);
}

const jpeg = (bytes: Uint8Array, sha256: string): RequestInit => ({
	method: 'PUT',
	headers: { 'content-type': 'image/jpeg', 'x-content-sha256': sha256 },
	body: bytes as Uint8Array<ArrayBuffer>
});

function freshUpload(org: TestOrganisation, assignmentId: string | null = null): AuditUpload {
	return buildCompleteAudit({
		template: org.template,
		location: plainLocation(org.location),
		assignmentId,
		receipt: false
	}).upload;
}

beforeAll(async () => {
	baseUrl = inject('baseUrl');
	handle = await openDatabase({ dataDir: inject('dataDir') });
	a = await createTestOrganisation(handle.db, { name: 'Organisation A' });
	b = await createTestOrganisation(handle.db, { name: 'Organisation B' });
	clients = await signInRoster<Who>(baseUrl, {
		anonymous: null,
		shopper: a.shopper.email,
		otherShopper: a.otherShopper.email,
		manager: a.manager.email,
		admin: a.admin.email,
		fieldManager: a.fieldManager.email,
		viewer: a.viewer.email,
		otherViewer: a.otherViewer.email,
		bShopper: b.shopper.email,
		bManager: b.manager.email
	});

	// Organisation A's shopper submits one whole audit with its photos.
	audit = buildCompleteAudit({
		template: a.template,
		location: plainLocation(a.location),
		assignmentId: a.assignment.id,
		receipt: false
	});
	const stored = await send('shopper', API.audit(audit.id), json('PUT', audit.upload));
	expect(stored.status, await stored.clone().text()).toBe(200);
	for (const photo of audit.photos) {
		const put = await send(
			'shopper',
			API.auditPhoto(audit.id, photo.entry.id),
			jpeg(photo.bytes, photo.entry.sha256)
		);
		expect(put.status).toBeLessThan(300);
	}
	const submitted = await send('shopper', API.submit(audit.id), {
		...json('POST', submitRequestOf(audit)),
		headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }
	});
	expect(submitted.status).toBe(200);
});

afterAll(async () => {
	await handle?.close();
});

describe('each role against each endpoint', () => {
	const cases: {
		name: string;
		request: (who: Who) => Promise<Response>;
		expect: Record<Who, number>;
	}[] = [
		{
			name: 'GET /api/me',
			request: (who) => send(who, API.me),
			expect: {
				anonymous: 401,
				shopper: 200,
				otherShopper: 200,
				manager: 200,
				admin: 200,
				fieldManager: 200,
				viewer: 200,
				otherViewer: 200,
				bShopper: 200,
				bManager: 200
			}
		},
		{
			name: 'GET /api/sync/pull',
			request: (who) => send(who, `${API.pull}?since=0`),
			expect: {
				anonymous: 401,
				shopper: 200,
				otherShopper: 200,
				manager: 200,
				admin: 200,
				fieldManager: 200,
				viewer: 200,
				otherViewer: 200,
				bShopper: 200,
				bManager: 200
			}
		},
		{
			name: 'GET /api/audits',
			request: (who) => send(who, API.audits),
			expect: {
				anonymous: 401,
				shopper: 200,
				otherShopper: 200,
				manager: 200,
				admin: 200,
				fieldManager: 200,
				viewer: 200,
				otherViewer: 200,
				bShopper: 200,
				bManager: 200
			}
		},
		{
			name: "GET /api/audits/{id} of A's shopper",
			request: (who) => send(who, API.audit(audit.id)),
			expect: {
				anonymous: 401,
				shopper: 200,
				otherShopper: 404,
				manager: 200,
				admin: 200,
				fieldManager: 200,
				viewer: 404,
				otherViewer: 404,
				bShopper: 404,
				bManager: 404
			}
		},
		{
			name: "GET /api/photos/{id} of A's audit",
			request: (who) => send(who, API.photo(audit.photos[0]!.entry.id)),
			expect: {
				anonymous: 401,
				shopper: 200,
				otherShopper: 404,
				manager: 200,
				admin: 200,
				fieldManager: 200,
				viewer: 404,
				otherViewer: 404,
				bShopper: 404,
				bManager: 404
			}
		},
		{
			name: "PUT /api/audits/{id}: a newer revision of A's submitted audit",
			request: (who) =>
				send(who, API.audit(audit.id), json('PUT', { ...audit.upload, revision: 99 })),
			// The owner is refused too: a submitted audit is locked until it is returned.
			expect: {
				anonymous: 401,
				shopper: 409,
				otherShopper: 404,
				manager: 403,
				admin: 403,
				fieldManager: 404,
				viewer: 403,
				otherViewer: 403,
				bShopper: 404,
				bManager: 403
			}
		},
		{
			name: "PUT /api/audits/{id}/photos/{photoId} on A's audit",
			request: (who) => {
				const photo = audit.photos[0]!;
				return send(
					who,
					API.auditPhoto(audit.id, photo.entry.id),
					jpeg(photo.bytes, photo.entry.sha256)
				);
			},
			// The owner's repeat of a stored photo is an idempotent success.
			expect: {
				anonymous: 401,
				shopper: 200,
				otherShopper: 404,
				manager: 403,
				admin: 403,
				fieldManager: 404,
				viewer: 403,
				otherViewer: 403,
				bShopper: 404,
				bManager: 403
			}
		},
		{
			name: "POST /api/audits/{id}/submit on A's audit",
			request: (who) =>
				send(who, API.submit(audit.id), {
					...json('POST', submitRequestOf(audit)),
					headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }
				}),
			expect: {
				anonymous: 401,
				shopper: 200,
				otherShopper: 404,
				manager: 403,
				admin: 403,
				fieldManager: 404,
				viewer: 403,
				otherViewer: 403,
				bShopper: 404,
				bManager: 403
			}
		},
		{
			name: "PUT /api/audits/{new id} with A's template, location and assignment",
			request: (who) =>
				send(who, API.audit(randomUUID()), json('PUT', freshUpload(a, a.assignment.id))),
			// Only A's shopper holds that assignment; B does not know A's template or location.
			expect: {
				anonymous: 401,
				shopper: 200,
				otherShopper: 422,
				manager: 403,
				admin: 403,
				fieldManager: 422,
				viewer: 403,
				otherViewer: 403,
				bShopper: 422,
				bManager: 403
			}
		},
		{
			name: "GET /api/audits/{id}/trail of A's audit",
			request: (who) => send(who, API.trail(audit.id)),
			expect: statuses(403, { manager: 200, admin: 200, fieldManager: 200, bManager: 404 })
		},
		{
			name: "GET /api/audits/{id}/changes of A's audit",
			request: (who) => send(who, API.changes(audit.id)),
			expect: statuses(403, { manager: 200, admin: 200, fieldManager: 200, bManager: 404 })
		},
		{
			name: "GET /api/audits/{id}/reports of A's unapproved audit",
			request: (who) => send(who, API.reportVersions(audit.id)),
			// Readers of the audit only: its shopper and reviewers; a report reader once approved.
			expect: statuses(404, { shopper: 200, manager: 200, admin: 200, fieldManager: 200 })
		},
		{
			name: "GET /api/audits/{id}/reports/9 of A's audit (no such version)",
			request: (who) => send(who, API.reportVersion(audit.id, 9)),
			expect: statuses(404)
		},
		{
			name: "POST /api/audits/{id}/approve on A's audit, as seen at a revision it never had",
			request: (who) =>
				send(
					who,
					API.approve(audit.id),
					json('POST', { expectedState: 'submitted', expectedRevision: 99 })
				),
			// Reviewers pass every check up to the stale expectation; nothing changes.
			expect: statuses(403, { manager: 409, admin: 409, fieldManager: 409, bManager: 404 })
		},
		{
			name: "POST /api/audits/{id}/return on A's audit, as seen at a revision it never had",
			request: (who) =>
				send(
					who,
					API.returnAudit(audit.id),
					json('POST', {
						expectedState: 'submitted',
						expectedRevision: 99,
						comment: 'Please redo the greeting.',
						checkpointComments: []
					})
				),
			expect: statuses(403, { manager: 409, admin: 409, fieldManager: 409, bManager: 404 })
		},
		{
			name: 'GET /api/review-queue',
			request: (who) => send(who, API.reviewQueue),
			expect: statuses(403, { manager: 200, admin: 200, fieldManager: 200, bManager: 200 })
		},
		{
			name: 'GET /api/comment-library',
			request: (who) => send(who, API.commentLibrary),
			expect: statuses(403, { manager: 200, admin: 200, fieldManager: 200, bManager: 200 })
		},
		{
			name: 'POST /api/comment-library',
			request: (who) =>
				send(who, API.commentLibrary, json('POST', { body: 'Add a photo of the shelf.' })),
			expect: statuses(403, { manager: 201, admin: 201, fieldManager: 201, bManager: 201 })
		},
		{
			name: 'DELETE /api/comment-library/{unknown id}',
			request: (who) => send(who, API.libraryComment(randomUUID()), { method: 'DELETE' }),
			expect: statuses(403, { manager: 404, admin: 404, fieldManager: 404, bManager: 404 })
		}
	];

	for (const c of cases) {
		test(c.name, async () => {
			const got: Record<string, number> = {};
			for (const who of EVERYONE) got[who] = (await c.request(who)).status;
			expect(got).toEqual(c.expect);
		});
	}
});

describe('organisations never see each other', () => {
	test("B's pull carries none of A's templates, locations, assignments or audits", async () => {
		const pull = (await (await send('bShopper', `${API.pull}?since=0`)).json()) as {
			locations: { id: string }[];
			assignments: { id: string }[];
			audits: { id: string }[];
		};
		const aLocations = [a.location.id, a.competitor.id];
		expect(pull.locations.map((l) => l.id).filter((id) => aLocations.includes(id))).toEqual([]);
		expect(pull.assignments.map((x) => x.id)).not.toContain(a.assignment.id);
		expect(pull.audits.map((x) => x.id)).not.toContain(audit.id);
		expect(pull.locations.map((l) => l.id)).toContain(b.location.id);
	});

	test("B's manager lists none of A's audits; A's manager lists A's", async () => {
		const listOf = async (who: Who) =>
			(
				(await (await send(who, `${API.audits}?limit=100`)).json()) as { items: { id: string }[] }
			).items.map((i) => i.id);
		expect(await listOf('bManager')).not.toContain(audit.id);
		expect(await listOf('manager')).toContain(audit.id);
		expect(await listOf('otherShopper')).not.toContain(audit.id);
	});

	test("A's other shopper does not get A's shopper's assignment", async () => {
		const pull = (await (await send('otherShopper', `${API.pull}?since=0`)).json()) as {
			assignments: { id: string }[];
		};
		expect(pull.assignments.map((x) => x.id)).not.toContain(a.assignment.id);
	});
});

describe('review decisions and report readers', () => {
	test('a reader never sees an unapproved audit; once approved, only the reader of its location does', async () => {
		const listOf = async (who: Who) =>
			(
				(await (await send(who, `${API.audits}?limit=100`)).json()) as { items: { id: string }[] }
			).items.map((i) => i.id);
		expect(await listOf('viewer')).not.toContain(audit.id);
		expect((await send('viewer', API.audit(audit.id))).status).toBe(404);

		const approved = await send(
			'manager',
			API.approve(audit.id),
			json('POST', { expectedState: 'submitted', expectedRevision: audit.upload.revision })
		);
		expect(approved.status, await approved.clone().text()).toBe(200);
		expect(await approved.json()).toMatchObject({ state: 'approved', reportVersion: 2 });

		// The second decision on what was seen before: a conflict naming the state now.
		const again = await send(
			'admin',
			API.approve(audit.id),
			json('POST', { expectedState: 'submitted', expectedRevision: audit.upload.revision })
		);
		expect(again.status).toBe(409);
		expect(await again.json()).toMatchObject({
			error: 'review_conflict',
			details: { state: 'approved' }
		});

		expect(await listOf('viewer')).toContain(audit.id);
		expect((await send('viewer', API.audit(audit.id))).status).toBe(200);
		expect((await send('viewer', API.photo(audit.photos[0]!.entry.id))).status).toBe(200);
		expect((await send('viewer', API.trail(audit.id))).status).toBe(403);
		expect(await listOf('otherViewer')).not.toContain(audit.id);
		expect((await send('otherViewer', API.audit(audit.id))).status).toBe(404);
		const versions = (await (await send('viewer', API.reportVersions(audit.id))).json()) as {
			versions: { version: number }[];
		};
		expect(versions.versions.map((v) => v.version)).toEqual([2]);
	});
});
