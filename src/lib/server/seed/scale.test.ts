import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAnswerValid } from '$lib/domain/answer-rules';
import { BUILTIN_TEMPLATES } from '$lib/domain/builtin-templates';
import { scoreAudit } from '$lib/domain/scoring';
import type { Checkpoint } from '$lib/domain/types';
import { visibleCheckpointIds } from '$lib/domain/visibility';
import { TEST_SCRYPT, hashPassword } from '../auth/password';
import { signIn } from '../auth/sign-in';
import { answerMap, parseContent } from '../services/audit-content';
import { decodeStoredScore } from '../services/stored-score';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { seedScale, type ScaleSummary } from './scale';

const NOW = Date.UTC(2026, 11, 1);
const DAY = 24 * 60 * 60 * 1000;

describe('scale seed', () => {
	let one: TestDatabase;
	let two: TestDatabase;
	let summary: ScaleSummary;
	let passwordHash: string;
	beforeAll(async () => {
		[one, two] = await Promise.all([createTestDatabase(), createTestDatabase()]);
		passwordHash = await hashPassword('pw-scale', TEST_SCRYPT);
		summary = await seedScale(one.db, { audits: 1500, seed: 7, now: NOW, passwordHash });
	});
	afterAll(async () => {
		await Promise.all([one.dispose(), two.dispose()]);
	});

	it('writes the counts it reports, for the organisation it names', async () => {
		const org = summary.organisationId;
		expect(org).toBe('scale-7');
		const count = async (table: 'audits' | 'assignments' | 'report_jobs' | 'audit_events') =>
			Number(
				(
					await one.db
						.selectFrom(table)
						.select((eb) => eb.fn.countAll().as('n'))
						.where('organisation_id', '=', org)
						.executeTakeFirstOrThrow()
				).n
			);
		expect(await count('audits')).toBe(1500);
		expect(summary.counts.audits).toBe(1500);
		expect(await count('assignments')).toBe(summary.counts.assignments);
		expect(await count('report_jobs')).toBe(summary.counts.reportJobs);
		expect(await count('audit_events')).toBe(summary.counts.auditEvents);
		const locations = await one.db
			.selectFrom('locations')
			.select(['kind', 'region', 'brand'])
			.where('organisation_id', '=', org)
			.execute();
		expect(locations.length).toBe(6);
		expect(new Set(locations.map((l) => l.kind))).toEqual(new Set(['own', 'competitor']));
		const templates = await one.db
			.selectFrom('templates')
			.select('id')
			.where('organisation_id', '=', org)
			.execute();
		expect(templates.map((t) => t.id).sort()).toEqual(BUILTIN_TEMPLATES.map((t) => t.id).sort());
	});

	it('covers every review state, the newest audits still in review, over a year of history', async () => {
		const rows = await one.db
			.selectFrom('audits')
			.select(['state', 'received_at', 'submitted_at'])
			.where('organisation_id', '=', summary.organisationId)
			.execute();
		const byState: Record<string, number> = {};
		for (const row of rows) byState[row.state] = (byState[row.state] ?? 0) + 1;
		expect(byState).toEqual(summary.states);
		for (const state of ['draft', 'submitted', 'returned', 'resubmitted', 'approved']) {
			expect(byState[state], state).toBeGreaterThan(0);
		}
		expect(rows.filter((r) => r.state === 'draft').every((r) => r.submitted_at === null)).toBe(
			true
		);
		expect(rows.filter((r) => r.state !== 'draft').every((r) => r.submitted_at !== null)).toBe(
			true
		);
		const times = rows.map((r) => Number(r.received_at));
		expect(Math.max(...times)).toBeLessThanOrEqual(NOW);
		expect(NOW - Math.min(...times)).toBeGreaterThan(365 * DAY);
		const old = rows.filter((r) => Number(r.received_at) < NOW - 60 * DAY);
		expect(old.filter((r) => r.state === 'approved').length / old.length).toBeGreaterThan(0.9);
	});

	it('stores valid answers, no answer to a hidden checkpoint, and the domain score of them', async () => {
		const rows = await one.db
			.selectFrom('audits')
			.select(['template_id', 'content', 'score', 'total_percent'])
			.where('organisation_id', '=', summary.organisationId)
			.execute();
		let na = 0;
		let hidden = 0;
		let critical = 0;
		for (const row of rows) {
			const template = BUILTIN_TEMPLATES.find((t) => t.id === row.template_id)!;
			const content = parseContent(row.content);
			const answers = answerMap(content);
			const checkpoints = new Map<string, Checkpoint>(
				template.stages.flatMap((s) => s.checkpoints.map((c) => [c.id, c]))
			);
			const visible = visibleCheckpointIds(template, answers);
			for (const answer of content.answers) {
				expect(isAnswerValid(checkpoints.get(answer.checkpointId)!.response, answer.value)).toBe(
					true
				);
				expect(visible.has(answer.checkpointId)).toBe(true);
				if (answer.value === 'na') na++;
			}
			hidden += checkpoints.size - visible.size;
			const expected = scoreAudit(template, answers);
			expect(decodeStoredScore(row.score)).toEqual(expected);
			expect(row.total_percent).toBe(expected.totalPercent);
			if (expected.criticalFailures.length) critical++;
		}
		expect(na).toBeGreaterThan(0);
		expect(hidden).toBeGreaterThan(0);
		expect(critical).toBeGreaterThan(0);
	});

	it('competitor visits use the competitor template, which shares the own template’s stage keys', async () => {
		const rows = await one.db
			.selectFrom('audits')
			.innerJoin('locations', (join) =>
				join
					.onRef('locations.id', '=', 'audits.location_id')
					.onRef('locations.organisation_id', '=', 'audits.organisation_id')
			)
			.select(['audits.template_id', 'locations.kind'])
			.where('audits.organisation_id', '=', summary.organisationId)
			.execute();
		for (const row of rows) {
			if (row.kind === 'competitor') expect(row.template_id).toBe('competitor-visit');
			else expect(row.template_id).not.toBe('competitor-visit');
		}
		const stageKeys = (id: string) =>
			BUILTIN_TEMPLATES.find((t) => t.id === id)!.stages.map((s) => s.id);
		expect(stageKeys('competitor-visit')).toEqual(stageKeys('retail-store-visit'));
	});

	it('lets the seeded manager sign in with the given password', async () => {
		const result = await signIn(one.db, {
			email: summary.emails.managers[0]!,
			password: 'pw-scale',
			ip: '127.0.0.1',
			now: NOW
		});
		expect(result.user.role).toBe('manager');
		expect(result.user.organisation.id).toBe('scale-7');
	});

	it('is deterministic: the same seed and now write the same rows', async () => {
		await seedScale(two.db, { audits: 1500, seed: 7, now: NOW, passwordHash });
		const dump = (handle: TestDatabase) =>
			handle.db
				.selectFrom('audits')
				.selectAll()
				.where('organisation_id', '=', 'scale-7')
				.orderBy('id')
				.execute();
		const [a, b] = await Promise.all([dump(one), dump(two)]);
		expect(b.length).toBe(1500);
		expect(b).toEqual(a);
		const jobs = (handle: TestDatabase) =>
			handle.db
				.selectFrom('report_jobs')
				.select(['id', 'audit_id', 'version', 'review_state'])
				.orderBy('id')
				.execute();
		expect(await jobs(two)).toEqual(await jobs(one));
	});

	it('refuses an organisation that exists already, changing nothing', async () => {
		await expect(
			seedScale(one.db, { audits: 10, seed: 7, now: NOW, passwordHash })
		).rejects.toThrow(/exists already/);
		const n = await one.db
			.selectFrom('audits')
			.select((eb) => eb.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(n.n)).toBe(1500);
	});
});
