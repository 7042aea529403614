import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { API } from '$lib/contract/api-paths';
import { openDatabase, type DbHandle } from '$lib/server/db/connect';
import { buildCompleteAudit } from '$lib/server/testing/complete-audit';
import { createTestOrganisation, type TestOrganisation } from '$lib/server/testing/factories';
import { plainLocation } from './cookie-fetch';
import { handInAudit } from './hand-in-audit';
import { formPost } from './request-init';
import { signInRoster, statusOfEach } from './signed-in-clients';

// The office's pages and form actions, rendered on the server, against every role: the same
// rules as the API, checked in every load and action — not only in the layout.

type Who = 'anonymous' | 'shopper' | 'manager' | 'admin' | 'viewer' | 'otherViewer' | 'bManager';
const EVERYONE: Who[] = [
	'anonymous',
	'shopper',
	'manager',
	'admin',
	'viewer',
	'otherViewer',
	'bManager'
];

let handle: DbHandle;
let a: TestOrganisation;
let b: TestOrganisation;
let baseUrl: string;
let clients: Map<Who, typeof fetch>;
let auditId: string;
let revision: number;

/** A page request's status, redirects not followed (a sign-in redirect is the answer). */
const page = (who: Who, path: string) =>
	clients.get(who)!(`${baseUrl}${path}`, { redirect: 'manual' }).then((r) => r.status);

/** A form post as a browser without JavaScript sends it, redirects not followed. */
const post = (who: Who, path: string, fields: Record<string, string>) =>
	clients.get(who)!(`${baseUrl}${path}`, { ...formPost(fields), redirect: 'manual' });

const statuses = (run: (who: Who) => Promise<number>) => statusOfEach(EVERYONE, run);

beforeAll(async () => {
	baseUrl = inject('baseUrl');
	handle = await openDatabase({ dataDir: inject('dataDir') });
	a = await createTestOrganisation(handle.db, { name: 'Office A' });
	b = await createTestOrganisation(handle.db, { name: 'Office B' });
	clients = await signInRoster<Who>(baseUrl, {
		anonymous: null,
		shopper: a.shopper.email,
		manager: a.manager.email,
		admin: a.admin.email,
		viewer: a.viewer.email,
		otherViewer: a.otherViewer.email,
		bManager: b.manager.email
	});

	const audit = buildCompleteAudit({
		template: a.template,
		location: plainLocation(a.location),
		assignmentId: null,
		receipt: false
	});
	await handInAudit(clients.get('shopper')!, baseUrl, audit);
	auditId = audit.id;
	revision = audit.upload.revision;
});

afterAll(async () => {
	await handle?.close();
});

describe('office pages by role', () => {
	test('the inbox: reviewers and report readers; shoppers are refused; strangers sign in', async () => {
		expect(await statuses((who) => page(who, '/office'))).toEqual({
			anonymous: 303,
			shopper: 403,
			manager: 200,
			admin: 200,
			viewer: 200,
			otherViewer: 200,
			bManager: 200
		});
	});

	test('the review queue and saved comments: reviewers only', async () => {
		for (const path of ['/office/review', '/office/comments']) {
			expect(await statuses((who) => page(who, path))).toEqual({
				anonymous: 303,
				shopper: 403,
				manager: 200,
				admin: 200,
				viewer: 403,
				otherViewer: 403,
				bManager: 200
			});
		}
	});

	test('an unapproved audit: its reviewers; no report reader; nobody of another organisation', async () => {
		expect(await statuses((who) => page(who, `/office/audits/${auditId}`))).toEqual({
			anonymous: 303,
			shopper: 403,
			manager: 200,
			admin: 200,
			viewer: 404,
			otherViewer: 404,
			bManager: 404
		});
	});

	test('approve as a form post: refused for all but reviewers of the organisation, then applied once', async () => {
		const approve = (who: Who) =>
			post(who, `/office/audits/${auditId}?/approve`, {
				expectedState: 'submitted',
				expectedRevision: String(revision)
			}).then((r) => r.status);
		const refused: Who[] = ['anonymous', 'shopper', 'viewer', 'otherViewer', 'bManager'];
		const got = {} as Record<string, number>;
		for (const who of refused) got[who] = await approve(who);
		// Report readers are refused the action and then, as for the page, told the unapproved
		// audit does not exist for them.
		expect(got).toEqual({
			anonymous: 303,
			shopper: 403,
			viewer: 404,
			otherViewer: 404,
			bManager: 404
		});
		const state = async () =>
			(
				(await (await clients.get('manager')!(`${baseUrl}${API.audit(auditId)}`)).json()) as {
					state: string;
				}
			).state;
		expect(await state()).toBe('submitted');

		// The manager's post is applied (303 back to the audit); the admin's, on the same stale
		// view, is told it lost the race (409) with the state now — rendered as a page, no script.
		const first = await post('manager', `/office/audits/${auditId}?/approve`, {
			expectedState: 'submitted',
			expectedRevision: String(revision)
		});
		expect(first.status).toBe(303);
		expect(first.headers.get('location')).toBe(`/office/audits/${auditId}?decided=approved`);
		const late = await post('admin', `/office/audits/${auditId}?/approve`, {
			expectedState: 'submitted',
			expectedRevision: String(revision)
		});
		expect(late.status).toBe(409);
		expect(await late.text()).toContain('Someone else decided first');
		expect(await state()).toBe('approved');

		// Approved: now the reader of its location sees it, the other reader still does not.
		expect(await page('viewer', `/office/audits/${auditId}`)).toBe(200);
		expect(await page('otherViewer', `/office/audits/${auditId}`)).toBe(404);
	});

	test('saved comments as form posts: reviewers add and remove; others are refused', async () => {
		for (const who of ['anonymous', 'shopper', 'viewer'] as const) {
			const response = await post(who, '/office/comments?/add', { body: 'Not yours to add.' });
			expect(response.status, who).toBe(who === 'anonymous' ? 303 : 403);
		}
		const added = await post('manager', '/office/comments?/add', { body: 'Add a shelf photo.' });
		expect(added.status).toBe(303);
		const html = await (await clients.get('admin')!(`${baseUrl}/office/comments`)).text();
		expect(html).toContain('Add a shelf photo.');
		expect(html).not.toContain('Not yours to add.');
		const other = await (await clients.get('bManager')!(`${baseUrl}/office/comments`)).text();
		expect(other).not.toContain('Add a shelf photo.');
	});

	test('the language picker takes its form, and answers anything else as the client’s mistake', async () => {
		const form = await post('manager', '/office/language', { locale: 'da', return: '/office' });
		expect(form.status).toBe(303);
		expect(form.headers.get('set-cookie')).toContain('shopwalk_locale=da');
		const json = await clients.get('manager')!(`${baseUrl}/office/language`, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ locale: 'da' })
		});
		expect(json.status).toBe(400);
	});

	test('presence settings: managers and admins of the organisation; only admins turn the check on', async () => {
		expect(await statuses((who) => page(who, '/office/presence'))).toEqual({
			anonymous: 303,
			shopper: 403,
			manager: 200,
			admin: 200,
			viewer: 403,
			otherViewer: 403,
			bManager: 200
		});
		const toggle = (who: Who) =>
			post(who, '/office/presence?/setting', { enabled: 'on' }).then((r) => r.status);
		expect(await toggle('manager')).toBe(403);
		expect(await toggle('viewer')).toBe(403);
		expect(await toggle('admin')).toBe(303);
		const position = (who: Who, fields: Record<string, string>) =>
			post(who, '/office/presence?/position', {
				locationId: a.location.id,
				latitude: '55.6786',
				longitude: '12.5747',
				radius: '150',
				...fields
			}).then((r) => r.status);
		expect(await position('shopper', {})).toBe(403);
		expect(await position('viewer', {})).toBe(403);
		// Another organisation's manager: not found, and nothing changes.
		expect(await position('bManager', { latitude: '1' })).toBe(404);
		expect(await position('manager', { radius: '3' })).toBe(422);
		expect(await position('manager', {})).toBe(303);
		const html = await (await clients.get('admin')!(`${baseUrl}/office/presence`)).text();
		expect(html).toContain('value="55.6786"');
		expect(html).not.toContain('value="1"');
		const theirs = await (await clients.get('bManager')!(`${baseUrl}/office/presence`)).text();
		expect(theirs).not.toContain(a.location.name);
	});
});
