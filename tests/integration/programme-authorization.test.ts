import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { API } from '$lib/contract/api-paths';
import { openDatabase, type DbHandle } from '$lib/server/db/connect';
import { createTestOrganisation, type TestOrganisation } from '$lib/server/testing/factories';
import { cookieFetch } from './cookie-fetch';
import { formPost } from './request-init';
import { signedInFetch, signInRoster, statusOfEach } from './signed-in-clients';

// The programme's pages, form actions and endpoints (locations, visits, people, one's own
// password, one-time links) against every role and another organisation, on the real build.

type Who = 'anonymous' | 'shopper' | 'viewer' | 'manager' | 'admin' | 'bManager' | 'bAdmin';
const EVERYONE: Who[] = [
	'anonymous',
	'shopper',
	'viewer',
	'manager',
	'admin',
	'bManager',
	'bAdmin'
];

let handle: DbHandle;
let a: TestOrganisation;
let b: TestOrganisation;
let baseUrl: string;
let clients: Map<Who, typeof fetch>;

/** A new tab signed in as `email` (with `password` when not the test password). */
const client = (email: string | null, password?: string) => signedInFetch(baseUrl, email, password);

const as = (who: Who) => clients.get(who)!;
const page = (who: Who, path: string) =>
	as(who)(`${baseUrl}${path}`, { redirect: 'manual' }).then((r) => r.status);
const post = (f: typeof fetch, path: string, fields: Record<string, string>) =>
	f(`${baseUrl}${path}`, { ...formPost(fields), redirect: 'manual' });
const api = (f: typeof fetch, path: string, method = 'GET', body?: unknown) =>
	f(`${baseUrl}${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});

const statuses = (run: (who: Who) => Promise<number>) => statusOfEach(EVERYONE, run);

beforeAll(async () => {
	baseUrl = inject('baseUrl');
	handle = await openDatabase({ dataDir: inject('dataDir') });
	a = await createTestOrganisation(handle.db, { name: 'Programme A' });
	b = await createTestOrganisation(handle.db, { name: 'Programme B' });
	clients = await signInRoster<Who>(baseUrl, {
		anonymous: null,
		shopper: a.shopper.email,
		viewer: a.viewer.email,
		manager: a.manager.email,
		admin: a.admin.email,
		bManager: b.manager.email,
		bAdmin: b.admin.email
	});
});

afterAll(async () => {
	await handle?.close();
});

const REVIEWERS = {
	anonymous: 303,
	shopper: 403,
	viewer: 403,
	manager: 200,
	admin: 200,
	bManager: 200,
	bAdmin: 200
};

describe('programme pages by role', () => {
	test('locations and visits: managers and admins; ids of another organisation are not found', async () => {
		for (const path of [
			'/office/locations',
			'/office/locations/new',
			'/office/locations/import',
			'/office/visits',
			'/office/visits/new',
			'/office/visits/wave'
		]) {
			expect(await statuses((who) => page(who, path)), path).toEqual(REVIEWERS);
		}
		for (const path of [
			`/office/locations/${a.location.id}`,
			`/office/visits/${a.assignment.id}`
		]) {
			expect(await statuses((who) => page(who, path)), path).toEqual({
				...REVIEWERS,
				bManager: 404,
				bAdmin: 404
			});
		}
	});

	test('people: admins only, their own organisation only; everyone has their own account page', async () => {
		const admins = { ...REVIEWERS, manager: 403, bManager: 403 };
		expect(await statuses((who) => page(who, '/office/people'))).toEqual(admins);
		expect(await statuses((who) => page(who, `/office/people/${a.shopper.id}`))).toEqual({
			...admins,
			bAdmin: 404
		});
		expect(await statuses((who) => page(who, '/account'))).toEqual({
			...REVIEWERS,
			shopper: 200,
			viewer: 200
		});
		const html = await (await as('bAdmin')(`${baseUrl}/office/people`)).text();
		expect(html).toContain(b.shopper.email);
		expect(html).not.toContain(a.shopper.email);
	});

	test('form actions are refused to everyone but their roles, and change nothing', async () => {
		const fields = {
			name: 'Planted store',
			kind: 'own',
			brand: 'X',
			region: 'Y',
			address: 'Z',
			timeZone: 'Europe/Oslo'
		};
		for (const who of ['anonymous', 'shopper', 'viewer'] as const) {
			const response = await post(as(who), '/office/locations/new', fields);
			expect(response.status, who).toBe(who === 'anonymous' ? 303 : 403);
		}
		const archive = await post(as('bManager'), `/office/locations/${a.location.id}?/archive`, {});
		expect(archive.status).toBe(404);
		const cancel = await post(as('bManager'), `/office/visits/${a.assignment.id}?/cancel`, {});
		expect(cancel.status).toBe(404);
		const deactivate = await post(as('manager'), `/office/people/${a.shopper.id}?/deactivate`, {});
		expect(deactivate.status).toBe(403);
		const crossTenant = await post(as('bAdmin'), `/office/people/${a.shopper.id}?/deactivate`, {});
		expect(crossTenant.status).toBe(404);
		const list = await (await api(as('manager'), '/api/locations?q=planted')).json();
		expect(list.items).toEqual([]);
		expect((await api(as('manager'), `/api/visits/${a.assignment.id}`)).status).toBe(200);
		expect((await (await api(as('admin'), `/api/people/${a.shopper.id}`)).json()).active).toBe(
			true
		);

		const created = await post(as('manager'), '/office/locations/new', fields);
		expect(created.status).toBe(303);
		expect(created.headers.get('location')).toMatch(
			/^\/office\/locations\/[0-9a-f-]{36}\?saved=1$/
		);
		const found = await (await api(as('manager'), '/api/locations?q=planted')).json();
		expect(found.items).toMatchObject([{ name: 'Planted store', timeZone: 'Europe/Oslo' }]);
		expect((await (await api(as('bManager'), '/api/locations?q=planted')).json()).items).toEqual(
			[]
		);
	});
});

describe('programme endpoints by role', () => {
	test('lists: 401 without a session, 403 for the wrong role, 200 within the organisation', async () => {
		const get = (path: string) => (who: Who) => api(as(who), path).then((r) => r.status);
		const reviewersApi = { ...REVIEWERS, anonymous: 401 };
		expect(await statuses(get('/api/locations'))).toEqual(reviewersApi);
		expect(await statuses(get('/api/visits'))).toEqual(reviewersApi);
		expect(await statuses(get('/api/people'))).toEqual({
			...reviewersApi,
			manager: 403,
			bManager: 403
		});
		expect(await statuses(get(`/api/locations/${a.location.id}`))).toEqual({
			...reviewersApi,
			bManager: 404,
			bAdmin: 404
		});
		expect(await statuses(get(`/api/people/${a.shopper.id}`))).toEqual({
			...reviewersApi,
			manager: 403,
			bManager: 403,
			bAdmin: 404
		});
	});

	test('writes: bad input is a clear 4xx; other roles and organisations are refused', async () => {
		const visit = {
			templateId: a.template.id,
			templateVersion: a.template.version,
			locationId: a.competitor.id,
			shopperId: a.shopper.id,
			windowStart: Date.now(),
			windowEnd: Date.now() + 86_400_000,
			brief: { en: 'Ask for a phone.', da: 'Spørg efter en telefon.' }
		};
		expect((await api(as('shopper'), '/api/visits', 'POST', visit)).status).toBe(403);
		expect((await api(as('viewer'), '/api/visits', 'POST', visit)).status).toBe(403);
		expect((await api(as('bManager'), '/api/visits', 'POST', visit)).status).toBe(422);
		expect(
			(await api(as('manager'), '/api/visits', 'POST', { ...visit, windowEnd: 'x' })).status
		).toBe(422);
		const planned = await api(as('manager'), '/api/visits', 'POST', visit);
		expect(planned.status).toBe(201);
		expect(await planned.json()).toMatchObject({ state: 'open', location: { kind: 'competitor' } });
		const wave = await api(as('manager'), '/api/visits/wave', 'POST', {
			...visit,
			locationId: undefined,
			shopperId: undefined,
			visits: [
				{ locationId: a.location.id, shopperId: a.shopper.id },
				{ locationId: b.location.id, shopperId: a.shopper.id }
			]
		});
		expect(wave.status).toBe(422);
		expect((await wave.json()).details.problems).toEqual([
			{
				field: 'visits.1.locationId',
				code: 'no_such_location',
				message: 'There is no such location.'
			}
		]);
		const imported = await api(as('manager'), '/api/locations/import', 'POST', {
			csv: 'name,kind,time_zone\nOne,own,UTC\n,rival,Nowhere/City\n'
		});
		expect(imported.status).toBe(422);
		expect(
			(await imported.json()).details.problems.map(
				(p: { row: number; column: string; code: string }) => `${p.row}:${p.column}:${p.code}`
			)
		).toEqual(['3:name:empty', '3:kind:not_a_choice', '3:time_zone:not_a_time_zone']);
		expect((await (await api(as('manager'), '/api/locations?q=one')).json()).items).toEqual([]);
		expect(
			(await api(as('bAdmin'), `/api/people/${a.shopper.id}/pseudonym`, 'POST', { pseudonym: 'X' }))
				.status
		).toBe(404);
		expect(
			(
				await api(as('manager'), '/api/me/password', 'POST', {
					currentPassword: 'no',
					newPassword: 'long enough!'
				})
			).status
		).toBe(422);
	});
});

describe('every programme action and endpoint', () => {
	// Empty or bogus bodies on purpose: the role and organisation are checked before the input.
	const reviewerActions = () => [
		'/office/locations/new',
		`/office/locations/${a.location.id}?/save`,
		`/office/locations/${a.location.id}?/archive`,
		`/office/locations/${a.location.id}?/restore`,
		'/office/locations/import',
		'/office/visits/new',
		'/office/visits/wave',
		`/office/visits/${a.assignment.id}?/save`,
		`/office/visits/${a.assignment.id}?/cancel`
	];
	const adminActions = () => [
		'/office/people?/invite',
		`/office/people/${a.shopper.id}?/pseudonym`,
		`/office/people/${a.shopper.id}?/deactivate`,
		`/office/people/${a.shopper.id}?/reactivate`,
		`/office/people/${a.shopper.id}?/reset`,
		`/office/people/${a.shopper.id}?/link`,
		`/office/people/${a.viewer.id}?/locations`
	];

	test('form actions: sign-in for strangers, 403 for roles without the right', async () => {
		for (const path of reviewerActions()) {
			const got: Record<string, number> = {};
			for (const who of ['anonymous', 'shopper', 'viewer'] as const) {
				got[who] = (await post(as(who), path, {})).status;
			}
			expect(got, path).toEqual({ anonymous: 303, shopper: 403, viewer: 403 });
		}
		for (const path of adminActions()) {
			const got: Record<string, number> = {};
			for (const who of ['anonymous', 'shopper', 'viewer', 'manager'] as const) {
				got[who] = (await post(as(who), path, {})).status;
			}
			expect(got, path).toEqual({ anonymous: 303, shopper: 403, viewer: 403, manager: 403 });
		}
		expect((await post(as('anonymous'), '/account', {})).status).toBe(303);
	});

	test('actions on another organisation’s ids are not found and change nothing', async () => {
		const fields = { name: 'Hijacked', kind: 'own', timeZone: 'UTC', pseudonym: 'Hijacked' };
		for (const path of reviewerActions().filter((p) => p.includes('?/'))) {
			expect((await post(as('bManager'), path, fields)).status, path).toBe(404);
		}
		for (const path of adminActions().filter((p) => p.includes('/people/'))) {
			expect((await post(as('bAdmin'), path, fields)).status, path).toBe(404);
		}
		const location = await (await api(as('manager'), `/api/locations/${a.location.id}`)).json();
		expect(location).toMatchObject({ name: a.location.name, archivedAt: null });
		const shopper = await (await api(as('admin'), `/api/people/${a.shopper.id}`)).json();
		expect(shopper).toMatchObject({ pseudonym: a.shopper.pseudonym, active: true });
	});

	test('endpoints: 401 without a session, 403 for the wrong role, 404 across organisations', async () => {
		const reviewerEndpoints: [string, string][] = [
			['POST', '/api/locations'],
			['PUT', `/api/locations/${a.location.id}`],
			['POST', `/api/locations/${a.location.id}/archive`],
			['POST', '/api/locations/import'],
			['POST', '/api/visits'],
			['POST', '/api/visits/wave'],
			['GET', `/api/visits/${a.assignment.id}`],
			['PUT', `/api/visits/${a.assignment.id}`],
			['POST', `/api/visits/${a.assignment.id}/cancel`]
		];
		const adminEndpoints: [string, string][] = [
			['POST', '/api/people'],
			...['pseudonym', 'deactivate', 'reactivate', 'reset-password', 'sign-in-link'].map(
				(action) => ['POST', `/api/people/${a.shopper.id}/${action}`] as [string, string]
			),
			['PUT', `/api/people/${a.viewer.id}/locations`]
		];
		const call = (who: Who, method: string, path: string) =>
			api(as(who), path, method, method === 'GET' ? undefined : {}).then((r) => r.status);
		for (const [method, path] of reviewerEndpoints) {
			const got: Record<string, number> = {};
			for (const who of ['anonymous', 'shopper', 'viewer'] as const) {
				got[who] = await call(who, method, path);
			}
			expect(got, `${method} ${path}`).toEqual({ anonymous: 401, shopper: 403, viewer: 403 });
		}
		for (const [method, path] of adminEndpoints) {
			const got: Record<string, number> = {};
			for (const who of ['anonymous', 'shopper', 'viewer', 'manager'] as const) {
				got[who] = await call(who, method, path);
			}
			expect(got, `${method} ${path}`).toEqual({
				anonymous: 401,
				shopper: 403,
				viewer: 403,
				manager: 403
			});
		}
		const archive = `/api/locations/${a.location.id}/archive`;
		expect((await api(as('bManager'), archive, 'POST', { archived: true })).status).toBe(404);
		const cancel = `/api/visits/${a.assignment.id}/cancel`;
		expect((await api(as('bManager'), cancel, 'POST')).status).toBe(404);
		for (const action of ['deactivate', 'reset-password', 'sign-in-link', 'reactivate']) {
			expect(
				(await api(as('bAdmin'), `/api/people/${a.shopper.id}/${action}`, 'POST')).status,
				action
			).toBe(404);
		}
		expect(
			(await api(as('bAdmin'), `/api/people/${a.viewer.id}/locations`, 'PUT', { locationIds: [] }))
				.status
		).toBe(404);
		expect((await api(as('anonymous'), '/api/me/password', 'POST', {})).status).toBe(401);
	});
});

describe('the office forms over the same services', () => {
	test('a wave from the form: one bad row stores nothing, a good one plans every visit', async () => {
		const count = async () =>
			(await (await api(as('manager'), `/api/visits?location=${a.competitor.id}&limit=100`)).json())
				.items.length;
		const before = await count();
		const fields = {
			template: `${a.template.id}@${a.template.version}`,
			windowStart: '2030-03-02T09:00',
			windowEnd: '2030-03-09T18:00',
			'brief.en': 'Wave brief',
			'brief.da': 'Bølgens brief',
			[`visit:${a.location.id}`]: '1',
			[`shopper:${a.location.id}`]: a.shopper.id,
			[`visit:${a.competitor.id}`]: '1',
			[`shopper:${a.competitor.id}`]: ''
		};
		const refused = await post(as('manager'), '/office/visits/wave', fields);
		expect(refused.status).toBe(422);
		expect(await refused.text()).toContain('visits.1.shopperId');
		expect(await count()).toBe(before);
		const planned = await post(as('manager'), '/office/visits/wave', {
			...fields,
			[`shopper:${a.competitor.id}`]: a.otherShopper.id
		});
		expect(planned.status).toBe(303);
		expect(planned.headers.get('location')).toBe('/office/visits?planned=2');
		expect(await count()).toBe(before + 1);
	});

	test('a CSV file through the import form: errors by row and column, then a good file', async () => {
		const upload = (csv: string) => {
			const form = new FormData();
			form.set('file', new File([csv], 'stores.csv', { type: 'text/csv' }));
			return as('admin')(`${baseUrl}/office/locations/import`, {
				method: 'POST',
				redirect: 'manual',
				headers: { accept: 'text/html' },
				body: form
			});
		};
		const bad = await upload(
			'name;kind;time_zone\nFjord Store;own;Europe/Oslo\nRiver Store;rival;Europe/Oslo\n'
		);
		expect(bad.status).toBe(422);
		const html = await bad.text();
		expect(html).toContain('Row 3, column kind');
		expect((await (await api(as('manager'), '/api/locations?q=fjord')).json()).items).toEqual([]);
		const good = await upload(
			'name;kind;time_zone\nFjord Store;own;Europe/Oslo\nRiver Store;competitor;Europe/Oslo\n'
		);
		expect(good.status).toBe(303);
		expect(good.headers.get('location')).toBe('/office/locations?imported=2');
		expect(
			(await (await api(as('manager'), '/api/locations?q=store europe')).json()).items
		).toEqual([]);
		const found = await (await api(as('manager'), '/api/locations?q=fjord')).json();
		expect(found.items).toMatchObject([
			{ name: 'Fjord Store', kind: 'own', timeZone: 'Europe/Oslo' }
		]);
	});
});

describe('sessions of people the admin manages', () => {
	test('a deactivated member’s session stops working on its next request, API and office page', async () => {
		const invited = await api(as('admin'), '/api/people', 'POST', {
			email: 'leaving.manager@programme.test',
			displayName: 'Leaving Manager',
			pseudonym: '',
			role: 'manager',
			method: 'password'
		});
		expect(invited.status).toBe(201);
		const { member, temporaryPassword } = await invited.json();
		const leaving = await client(member.email, temporaryPassword);
		const tablet = await client(member.email, temporaryPassword);
		expect((await api(leaving, API.me)).status).toBe(200);
		expect((await leaving(`${baseUrl}/office`, { redirect: 'manual' })).status).toBe(200);

		const off = await post(as('admin'), `/office/people/${member.id}?/deactivate`, {});
		expect(off.status).toBe(303);
		expect((await api(leaving, API.me)).status).toBe(401);
		expect((await leaving(`${baseUrl}/office`, { redirect: 'manual' })).status).toBe(303);
		expect((await api(tablet, API.pull)).status).toBe(401);
		const again = await cookieFetch(baseUrl)(`${baseUrl}${API.signIn}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ email: member.email, password: temporaryPassword })
		});
		expect(again.status).toBe(401);
		// The data stays: the member is listed, deactivated.
		expect((await (await api(as('admin'), `/api/people/${member.id}`)).json()).active).toBe(false);
	});

	test('a one-time link signs in once; a used or expired link is refused', async () => {
		const invited = await api(as('admin'), '/api/people', 'POST', {
			email: 'new.shopper@programme.test',
			displayName: 'New Shopper',
			pseudonym: 'Shopper 44',
			role: 'shopper',
			method: 'link'
		});
		const { link } = await invited.json();
		expect(link).toMatch(new RegExp(`^${baseUrl}/welcome/[A-Za-z0-9_-]{43}$`));
		const path = new URL(link).pathname;
		const browser = cookieFetch(baseUrl);
		const form = await (await browser(link)).text();
		expect(form).toContain('data-testid="welcome-form"');
		const used = await post(browser, path, {
			password: 'my own password',
			repeat: 'my own password'
		});
		expect(used.status).toBe(303);
		expect(used.headers.get('location')).toBe('/sign-in?welcome=1');
		expect(await (await api(browser, API.me)).json()).toMatchObject({ role: 'shopper' });

		const stranger = cookieFetch(baseUrl);
		const reused = await post(stranger, path, {
			password: 'stolen password!',
			repeat: 'stolen password!'
		});
		expect(reused.status).toBe(404);
		expect((await api(stranger, API.me)).status).toBe(401);
		expect(await (await stranger(link)).text()).toContain('data-testid="welcome-invalid"');

		const second = await (
			await api(as('admin'), '/api/people', 'POST', {
				email: 'late.viewer@programme.test',
				displayName: 'Late Viewer',
				pseudonym: '',
				role: 'viewer',
				method: 'link'
			})
		).json();
		await handle.db
			.updateTable('sign_in_links')
			.set({ expires_at: Date.now() - 1 })
			.execute();
		const expired = await post(cookieFetch(baseUrl), new URL(second.link).pathname, {
			password: 'too late password',
			repeat: 'too late password'
		});
		expect(expired.status).toBe(404);
	});
});
