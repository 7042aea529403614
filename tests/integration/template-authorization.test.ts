import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { API } from '$lib/contract/api-paths';
import { openDatabase, type DbHandle } from '$lib/server/db/connect';
import { findTemplateDraft } from '$lib/server/repos/template-drafts';
import { createTestOrganisation, type TestOrganisation } from '$lib/server/testing/factories';
import { formPost as form, jsonRequest as json } from './request-init';
import { signInRoster, statusOfEach } from './signed-in-clients';

// The journey builder's pages, form actions and endpoints on the real server, against every
// role and a second organisation: only managers and admins of the template's organisation get
// in, everyone else is refused on the server, and a refusal changes nothing.

type Who = 'anonymous' | 'shopper' | 'viewer' | 'manager' | 'admin' | 'bManager';
const EVERYONE: Who[] = ['anonymous', 'shopper', 'viewer', 'manager', 'admin', 'bManager'];
const REFUSED: Who[] = ['anonymous', 'shopper', 'viewer', 'bManager'];

let handle: DbHandle;
let a: TestOrganisation;
let b: TestOrganisation;
let baseUrl: string;
let clients: Map<Who, typeof fetch>;
/** A template only organisation A has, published once. */
let templateId: string;
let revision: number;

const call = (who: Who, path: string, init: RequestInit = {}) =>
	clients.get(who)!(`${baseUrl}${path}`, { redirect: 'manual', ...init });

const statuses = (who: readonly Who[], run: (w: Who) => Promise<Response>) =>
	statusOfEach(who, async (w) => (await run(w)).status);

async function head() {
	return findTemplateDraft(handle.db, a.organisation.id, templateId);
}

beforeAll(async () => {
	baseUrl = inject('baseUrl');
	handle = await openDatabase({ dataDir: inject('dataDir') });
	a = await createTestOrganisation(handle.db, { name: 'Builder A' });
	b = await createTestOrganisation(handle.db, { name: 'Builder B' });
	clients = await signInRoster<Who>(baseUrl, {
		anonymous: null,
		shopper: a.shopper.email,
		viewer: a.viewer.email,
		manager: a.manager.email,
		admin: a.admin.email,
		bManager: b.manager.email
	});
	const created = await call(
		'manager',
		API.templates,
		json('POST', { from: 'copy', templateId: a.template.id })
	);
	expect(created.status).toBe(201);
	const detail = (await created.json()) as { id: string; revision: number };
	templateId = detail.id;
	const published = await call(
		'manager',
		API.templatePublish(templateId),
		json('POST', { revision: detail.revision })
	);
	expect(published.status).toBe(201);
	revision = ((await published.json()) as { revision: number }).revision;
});

afterAll(async () => {
	await handle?.close();
});

describe('builder pages', () => {
	test('the list: managers and admins; shoppers and report readers are refused', async () => {
		expect(await statuses(EVERYONE, (w) => call(w, '/office/templates'))).toEqual({
			anonymous: 303,
			shopper: 403,
			viewer: 403,
			manager: 200,
			admin: 200,
			bManager: 200
		});
		const listed = await (await call('bManager', '/office/templates')).text();
		expect(listed).not.toContain(templateId);
	});

	test('the editor and the diff of a template: its organisation’s managers and admins only', async () => {
		for (const path of [
			`/office/templates/${templateId}`,
			`/office/templates/${templateId}/diff`
		]) {
			expect(await statuses(EVERYONE, (w) => call(w, path)), path).toEqual({
				anonymous: 303,
				shopper: 403,
				viewer: 403,
				manager: 200,
				admin: 200,
				bManager: 404
			});
		}
	});
});

describe('builder form actions', () => {
	test('create and import are refused for all but managers and admins, and store nothing', async () => {
		const before = await handle.db
			.selectFrom('template_drafts')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		for (const action of ['create', 'importCsv', 'importJson']) {
			const fields = { from: 'blank', name: 'Sneaky' };
			const got = await statuses(REFUSED.slice(0, 3), (w) =>
				call(w, `/office/templates?/${action}`, form(fields))
			);
			expect(got, action).toEqual({ anonymous: 303, shopper: 403, viewer: 403 });
		}
		const after = await handle.db
			.selectFrom('template_drafts')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(after.n)).toBe(Number(before.n));
		// A manager's create lands in their own organisation and opens the editor.
		const created = await call(
			'bManager',
			'/office/templates?/create',
			form({ from: 'blank', name: 'B own' })
		);
		expect(created.status).toBe(303);
		expect(created.headers.get('location')).toMatch(/^\/office\/templates\/tpl-[0-9a-f]+$/);
		// Copying another organisation's template is not found.
		const copy = await call(
			'bManager',
			'/office/templates?/create',
			form({ from: 'copy', source: templateId })
		);
		expect(copy.status).toBe(404);
	});

	test('publish, archive and restore: refused for others; nothing changes', async () => {
		for (const action of ['publish', 'archive', 'restore']) {
			const got = await statuses(REFUSED, (w) =>
				call(w, `/office/templates/${templateId}?/${action}`, form({ revision: String(revision) }))
			);
			expect(got, action).toEqual({ anonymous: 303, shopper: 403, viewer: 403, bManager: 404 });
		}
		expect(await head()).toMatchObject({ revision, latestVersion: 1, archivedAt: null });
		const archived = await call('admin', `/office/templates/${templateId}?/archive`, form({}));
		expect(archived.status).toBe(303);
		expect((await head())!.archivedAt).not.toBeNull();
		const restored = await call('manager', `/office/templates/${templateId}?/restore`, form({}));
		expect(restored.status).toBe(303);
		expect((await head())!.archivedAt).toBeNull();
	});
});

describe('builder endpoints', () => {
	const endpoints: [string, () => [string, RequestInit]][] = [
		['list', () => [API.templates, {}]],
		['create', () => [API.templates, json('POST', { from: 'blank', name: 'X' })]],
		['get', () => [API.template(templateId), {}]],
		['save', () => [API.template(templateId), json('PUT', { revision, template: a.template })]],
		['publish', () => [API.templatePublish(templateId), json('POST', { revision })]],
		['archive', () => [API.templateArchive(templateId), json('POST', { archived: true })]],
		['version', () => [API.templateVersion(templateId, 1), {}]],
		['diff', () => [API.templateDiff(templateId, 1, 0), {}]],
		[
			'import',
			() => [
				API.templateImport,
				json('POST', { format: 'shopwalk.template', formatVersion: 1, template: a.template })
			]
		],
		[
			'import csv',
			() => [
				API.templateImportCsv,
				json('POST', { csv: 'stage_key,stage_en,type,prompt_en\ns,S,yes_no,P', name: { en: 'N' } })
			]
		]
	];
	const orgWide = new Set(['list', 'create', 'import', 'import csv']);

	test.each(endpoints)(
		'%s: 401 without a session, 403 for shoppers and viewers',
		async (name, request) => {
			const got = await statuses(['anonymous', 'shopper', 'viewer'], (w) => call(w, ...request()));
			expect(got).toEqual({ anonymous: 401, shopper: 403, viewer: 403 });
			if (!orgWide.has(name)) {
				expect((await call('bManager', ...request())).status, 'another organisation').toBe(404);
			}
			expect(await head()).toMatchObject({ revision, latestVersion: 1, archivedAt: null });
		}
	);

	test('the same endpoints work for the organisation’s manager', async () => {
		const got: Record<string, number> = {};
		for (const [name, request] of endpoints.filter(
			([n]) => !['save', 'publish', 'archive'].includes(n)
		)) {
			got[name] = (await call('manager', ...request())).status;
		}
		expect(got).toEqual({
			list: 200,
			create: 201,
			get: 200,
			version: 200,
			diff: 200,
			import: 201,
			'import csv': 201
		});
		const detail = (await (await call('manager', API.template(templateId))).json()) as {
			revision: number;
			draft: unknown;
		};
		const saved = await call(
			'manager',
			API.template(templateId),
			json('PUT', { revision: detail.revision, template: detail.draft })
		);
		expect(saved.status).toBe(200);
		const stale = await call(
			'manager',
			API.template(templateId),
			json('PUT', { revision: detail.revision, template: detail.draft })
		);
		expect(stale.status).toBe(409);
		expect(((await stale.json()) as { error: string }).error).toBe('draft_conflict');
		revision = detail.revision + 1;
	});
});

describe('builder imports through the office forms, as a browser without JavaScript sends them', () => {
	const upload = (
		action: string,
		file: string,
		type: string,
		fields: Record<string, string> = {}
	) => {
		const body = new FormData();
		body.set('file', new File([file], action === 'importCsv' ? 'q.csv' : 'q.json', { type }));
		for (const [name, value] of Object.entries(fields)) body.set(name, value);
		return call('manager', `/office/templates?/${action}`, {
			method: 'POST',
			headers: { accept: 'text/html' },
			body
		});
	};

	test('a spreadsheet and a template file become drafts; bad ones list every problem', async () => {
		const csv =
			'stage_key,stage_en,stage_da,type,prompt_en,prompt_da\narrival,Arrival,Ankomst,yes_no,Clean?,Rent?\n';
		const good = await upload('importCsv', csv, 'text/csv', {
			name_en: 'Imported',
			name_da: 'Importeret'
		});
		expect(good.status).toBe(303);
		const id = good.headers.get('location')!.split('/').pop()!;
		const detail = (await (await call('manager', API.template(id))).json()) as {
			draft: { name: unknown; stages: { id: string; title: unknown }[] };
		};
		expect(detail.draft.name).toEqual({ en: 'Imported', da: 'Importeret' });
		expect(detail.draft.stages).toMatchObject([
			{ id: 'arrival', title: { en: 'Arrival', da: 'Ankomst' } }
		]);

		const bad = await upload(
			'importCsv',
			'stage_key,stage_en,type,prompt_en\ns,S,essay,\n',
			'text/csv',
			{
				name_en: 'Bad'
			}
		);
		expect(bad.status).toBe(422);
		const page = await bad.text();
		expect(page).toContain('Row 2, column type');
		expect(page).toContain('Row 2, column prompt_en');

		const exported = await (await call('manager', API.templateVersion(templateId, 1))).text();
		const fromFile = await upload('importJson', exported, 'application/json');
		expect(fromFile.status).toBe(303);
		const broken = await upload('importJson', '{"format":"shopwalk.template"}', 'application/json');
		expect(broken.status).toBe(422);
		expect(await broken.text()).toContain('The file does not match the template schema here.');
	});
});
