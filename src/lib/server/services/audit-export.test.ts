import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '$lib/contract/auth';
import { BUILTIN_TEMPLATES } from '$lib/domain/builtin-templates';
import { roundPercent } from '$lib/domain/scoring';
import { localize } from '$lib/domain/text';
import { ALL_MESSAGES, ENGLISH } from '$lib/i18n/all-messages';

const en = ENGLISH;
const daMessages = ALL_MESSAGES.da;
import { hashPassword, TEST_SCRYPT } from '../auth/password';
import { seedScale } from '../seed/scale';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { parseContent } from './audit-content';
import {
	CSV_DIALECT,
	EXPORT_BATCH_SIZE,
	openExport,
	safeText,
	type ExportDataset,
	type ExportFormat,
	type ExportQuery
} from './audit-export';
import type { ServiceContext } from './context';
import { decodeStoredScore } from './stored-score';

const NOW = Date.UTC(2026, 11, 1);
const da = daMessages as unknown as Record<keyof typeof daMessages, string>;
const AUDITS = EXPORT_BATCH_SIZE * 2 + 37; // more than one keyset batch, not a multiple of it

async function userOf(db: TestDatabase['db'], email: string): Promise<SessionUser> {
	const row = await db
		.selectFrom('users')
		.innerJoin('organisations', 'organisations.id', 'users.organisation_id')
		.select([
			'users.id',
			'users.email',
			'users.display_name',
			'users.pseudonym',
			'users.role',
			'users.field_work',
			'organisations.id as org_id',
			'organisations.name as org_name'
		])
		.where('users.email', '=', email)
		.executeTakeFirstOrThrow();
	return {
		id: row.id,
		email: row.email,
		displayName: row.display_name,
		pseudonym: row.pseudonym,
		role: row.role,
		fieldWork: Number(row.field_work) === 1,
		organisation: { id: row.org_id, name: row.org_name }
	};
}

async function read(body: ReadableStream<Uint8Array>): Promise<string> {
	// ignoreBOM: keep the byte-order mark in the text, so a test can see it is there.
	return new TextDecoder('utf-8', { ignoreBOM: true }).decode(
		await new Response(body).arrayBuffer()
	);
}

describe('exports', () => {
	let handle: TestDatabase;
	let ctx: ServiceContext;
	let manager: SessionUser;
	let reader: SessionUser;
	let shopper: SessionUser;
	let otherManager: SessionUser;
	const base: ExportQuery = {
		locale: 'en',
		timeZone: 'Europe/Copenhagen',
		origin: 'https://shopwalk.test'
	};
	const run = async (
		user: SessionUser,
		dataset: ExportDataset,
		format: ExportFormat,
		query: Partial<ExportQuery> = {}
	) => read((await openExport(ctx, user, dataset, format, { ...base, ...query })).body);

	beforeAll(async () => {
		handle = await createTestDatabase();
		ctx = { db: handle.db, dataDir: handle.dataDir };
		const passwordHash = await hashPassword('pw', TEST_SCRYPT);
		await seedScale(handle.db, { audits: AUDITS, seed: 3, now: NOW, passwordHash });
		await seedScale(handle.db, { audits: 200, seed: 4, now: NOW, passwordHash });
		manager = await userOf(handle.db, 'manager1@scale-3.example');
		reader = await userOf(handle.db, 'reader@scale-3.example');
		shopper = await userOf(handle.db, 'shopper1@scale-3.example');
		otherManager = await userOf(handle.db, 'manager1@scale-4.example');
	}, 180_000);
	afterAll(async () => {
		await handle.dispose();
	});

	async function storedAudits(organisationId: string) {
		return handle.db
			.selectFrom('audits')
			.select(['id', 'state', 'template_id', 'content', 'score', 'total_percent', 'location_id'])
			.where('organisation_id', '=', organisationId)
			.execute();
	}

	it('writes every audit of the organisation once, with the stored total and stage percentages (en)', async () => {
		const text = await run(manager, 'audits', 'csv');
		expect(text.startsWith('\uFEFF')).toBe(true);
		expect(text).toContain('\r\n');
		const rows = parse(text, { bom: true, columns: true, delimiter: ',' }) as Record<
			string,
			string
		>[];
		const stored = await storedAudits('scale-3');
		expect(rows.length).toBe(AUDITS);
		expect(new Set(rows.map((r) => r[en['export.col.audit']])).size).toBe(AUDITS);
		const byId = new Map(stored.map((s) => [s.id, s]));
		const retail = BUILTIN_TEMPLATES.find((t) => t.id === 'retail-store-visit')!;
		let checkedStages = 0;
		for (const row of rows) {
			const audit = byId.get(row[en['export.col.audit']]!)!;
			expect(audit).toBeDefined();
			expect(row[en['export.col.link']]).toBe(`https://shopwalk.test/office/audits/${audit.id}`);
			const total = roundPercent(audit.total_percent);
			expect(row[en['export.col.total']]).toBe(total === null ? '' : String(total));
			expect(row[en['export.col.state']]).toBe(en[`office.state.${audit.state}`]);
			expect(row[en['export.col.locationId']]).toBe(audit.location_id);
			const score = decodeStoredScore(audit.score);
			for (const stage of score.stages) {
				const title = localize(
					BUILTIN_TEMPLATES.find((t) => t.id === audit.template_id)!.stages.find(
						(s) => s.id === stage.stageId
					)!.title,
					'en'
				);
				const cell = row[en['export.col.stagePercent'].replace('{stage}', title)];
				const expected = roundPercent(stage.percent);
				expect(cell).toBe(expected === null ? '' : String(expected));
				checkedStages++;
			}
			expect(row[en['export.col.received']]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
		}
		expect(checkedStages).toBeGreaterThan(AUDITS * 3);
		// Own and competitor visits share the retail stage columns.
		const header = Object.keys(rows[0]!);
		for (const stage of retail.stages) {
			expect(header).toContain(
				en['export.col.stagePercent'].replace('{stage}', localize(stage.title, 'en'))
			);
		}
	});

	it('writes Danish with ; between columns, decimal commas and Danish words', async () => {
		expect(CSV_DIALECT.da).toEqual({ delimiter: ';', decimal: ',' });
		const text = await run(manager, 'audits', 'csv', { locale: 'da', state: 'approved' });
		const rows = parse(text, { bom: true, columns: true, delimiter: ';' }) as Record<
			string,
			string
		>[];
		const stored = (await storedAudits('scale-3')).filter((s) => s.state === 'approved');
		expect(rows.length).toBe(stored.length);
		const byId = new Map(stored.map((s) => [s.id, s]));
		let decimals = 0;
		for (const row of rows) {
			expect(row[da['export.col.state'] as string]).toBe(da['office.state.approved']);
			const audit = byId.get(row[da['export.col.audit'] as string]!)!;
			const total = roundPercent(audit.total_percent);
			const cell = row[da['export.col.total'] as string]!;
			expect(cell).toBe(total === null ? '' : String(total).replace('.', ','));
			if (cell.includes(',')) decimals++;
			expect(Number(cell.replace(',', '.'))).toBeCloseTo(total ?? 0, 5);
		}
		expect(decimals).toBeGreaterThan(0);
	});

	it('writes one row per checkpoint answer, with points matching the stored score', async () => {
		const text = await run(manager, 'answers', 'csv', { templateId: 'competitor-visit' });
		const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
		const stored = (await storedAudits('scale-3')).filter(
			(s) => s.template_id === 'competitor-visit'
		);
		const answers = stored.reduce((n, s) => n + parseContent(s.content).answers.length, 0);
		expect(rows.length).toBe(answers);
		const byId = new Map(stored.map((s) => [s.id, s]));
		for (const row of rows.slice(0, 2000)) {
			const audit = byId.get(row[en['export.col.audit']]!)!;
			const score = decodeStoredScore(audit.score);
			const checkpoint = score.stages
				.flatMap((s) => s.checkpoints)
				.find((c) => c.checkpointId === row[en['export.col.checkpointId']])!;
			expect(checkpoint.answered).toBe(true);
			if (checkpoint.scored) {
				expect(Number(row[en['export.col.points']])).toBeCloseTo(checkpoint.points, 4);
				expect(Number(row[en['export.col.maxPoints']])).toBeCloseTo(checkpoint.maxPoints, 4);
			} else expect(row[en['export.col.points']]).toBe('');
			expect(row[en['export.col.critical']]).toBe(
				checkpoint.criticalFailure ? en['answer.yes'] : ''
			);
		}
		expect(rows.some((r) => r[en['export.col.answer']] === en['answer.na'])).toBe(true);
	});

	it('gives the same audits as JSON lines, numbers unrounded', async () => {
		const text = await run(manager, 'audits', 'ndjson', { kind: 'competitor' });
		const lines = text
			.trimEnd()
			.split('\n')
			.map((l) => JSON.parse(l) as Record<string, unknown>);
		const competitors = await handle.db
			.selectFrom('audits')
			.innerJoin('locations', 'locations.id', 'audits.location_id')
			.select(['audits.id', 'audits.total_percent'])
			.where('audits.organisation_id', '=', 'scale-3')
			.where('locations.kind', '=', 'competitor')
			.execute();
		expect(lines.length).toBe(competitors.length);
		const byId = new Map(competitors.map((c) => [c.id, c.total_percent]));
		for (const line of lines) {
			expect(line.totalPercent).toBe(byId.get(line.id as string));
			expect((line.location as { kind: string }).kind).toBe('competitor');
		}
	});

	it('never shows another organisation’s audits', async () => {
		const ours = new Set((await storedAudits('scale-3')).map((s) => s.id));
		const theirs = await storedAudits('scale-4');
		const text = await run(otherManager, 'answers', 'ndjson');
		const ids = new Set(
			text
				.trimEnd()
				.split('\n')
				.map((l) => (JSON.parse(l) as { auditId: string }).auditId)
		);
		expect(ids.size).toBe(theirs.filter((t) => parseContent(t.content).answers.length).length);
		for (const id of ids) expect(ours.has(id)).toBe(false);
		const mine = await run(manager, 'audits', 'csv');
		for (const t of theirs) expect(mine).not.toContain(t.id);
	});

	it('gives a report reader only the approved audits of their locations', async () => {
		const granted = (
			await handle.db
				.selectFrom('user_locations')
				.select('location_id')
				.where('user_id', '=', reader.id)
				.execute()
		).map((g) => g.location_id);
		const expected = (await storedAudits('scale-3')).filter(
			(s) => s.state === 'approved' && granted.includes(s.location_id)
		);
		const text = await run(reader, 'audits', 'ndjson');
		const lines = text
			.trimEnd()
			.split('\n')
			.filter(Boolean)
			.map((l) => JSON.parse(l) as { id: string; state: string });
		expect(lines.length).toBe(expected.length);
		expect(lines.every((l) => l.state === 'approved')).toBe(true);
		expect(await run(reader, 'audits', 'ndjson', { state: 'submitted' })).toBe('');
	});

	it('refuses shoppers and a reversed span before writing anything', async () => {
		await expect(openExport(ctx, shopper, 'audits', 'csv', base)).rejects.toMatchObject({
			reason: 'forbidden'
		});
		await expect(
			openExport(ctx, manager, 'audits', 'csv', { ...base, receivedFrom: 10, receivedBefore: 5 })
		).rejects.toMatchObject({ code: 'invalid_query' });
	});

	it('writes only the header for a filter that matches nothing', async () => {
		const text = await run(manager, 'audits', 'csv', { receivedFrom: NOW + 1 });
		expect(parse(text, { bom: true, columns: true })).toEqual([]);
		expect(text.split('\r\n').filter(Boolean).length).toBe(1);
	});

	it('defuses cells a spreadsheet would run as a formula', () => {
		expect(safeText('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
		expect(safeText('+1')).toBe(`'+1`);
		expect(safeText('@sum')).toBe(`'@sum`);
		expect(safeText('Fine text')).toBe('Fine text');
	});

	it('reads one batch per pull: a reader that stops early leaves the rest unread', async () => {
		const opened = await openExport(ctx, manager, 'audits', 'ndjson', base);
		const reader = opened.body.getReader();
		const first = await reader.read();
		const lines = new TextDecoder().decode(first.value).trimEnd().split('\n');
		expect(lines.length).toBe(EXPORT_BATCH_SIZE);
		await reader.cancel();
	});
});
