import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RETAIL_STORE_VISIT } from '$lib/domain/builtin-templates';
import { createAssignment } from '../repos/assignments';
import { publishTemplate } from '../repos/templates';
import { upsertAudit } from './audit-upsert';
import { submitAudit } from './audit-submit';
import { submitRequestOf } from '../testing/complete-audit';
import { PULL_SAFETY_MARGIN_MS, pullChanges } from './sync-pull';
import { setTemplateArchive } from './template-builder';
import {
	completeAuditOf,
	openSyncFixture,
	plainLocation,
	uploadAllPhotos,
	type SyncFixture
} from './test-helpers';

const NOW = 1_760_000_000_000;
const LATER = NOW + 60 * 60_000;

describe('pullChanges', () => {
	let f: SyncFixture;
	beforeEach(async () => {
		f = await openSyncFixture(NOW);
	});
	afterEach(async () => {
		await f.database.dispose();
	});

	it('gives a first pull everything of the organisation the shopper needs, and a cursor behind the clock', async () => {
		const pull = await pullChanges(f.ctx, f.a.shopper, 0, LATER);
		expect(pull.cursor).toBe(LATER - PULL_SAFETY_MARGIN_MS);
		expect(pull.templates.map((t) => [t.id, t.version])).toEqual([[RETAIL_STORE_VISIT.id, 1]]);
		expect(pull.templates[0]).toEqual(f.a.template);
		expect(pull.locations.map((l) => l.id).sort()).toEqual(
			[f.a.competitor.id, f.a.location.id].sort()
		);
		expect(pull.locations.find((l) => l.id === f.a.location.id)).toEqual(
			plainLocation(f.a.location)
		);
		expect(pull.assignments).toEqual([
			{
				id: f.a.assignment.id,
				templateId: f.a.template.id,
				templateVersion: 1,
				location: plainLocation(f.a.location),
				windowStart: f.a.assignment.windowStart,
				windowEnd: f.a.assignment.windowEnd,
				brief: f.a.assignment.brief,
				status: 'open'
			}
		]);
		expect(pull.audits).toEqual([]);
		expect(pull.archivedTemplateIds).toEqual([]);
	});

	it('carries the organisation’s archived template ids whole with every pull, until restored', async () => {
		const first = await pullChanges(f.ctx, f.a.shopper, 0, LATER);
		await setTemplateArchive(f.ctx, f.a.manager, f.a.template.id, true, LATER + 1000);
		// An incremental pull: the versions did not change, the list still comes whole.
		const archived = await pullChanges(f.ctx, f.a.shopper, first.cursor, LATER + 2000);
		expect(archived.templates).toEqual([]);
		expect(archived.archivedTemplateIds).toEqual([f.a.template.id]);
		const again = await pullChanges(f.ctx, f.a.shopper, archived.cursor, LATER + 3000);
		expect(again.archivedTemplateIds).toEqual([f.a.template.id]);
		// Organisation B has a template with the same id, not archived: its list stays empty.
		expect(f.b.template.id).toBe(f.a.template.id);
		expect((await pullChanges(f.ctx, f.b.shopper, 0, LATER + 3000)).archivedTemplateIds).toEqual(
			[]
		);
		await setTemplateArchive(f.ctx, f.a.manager, f.a.template.id, false, LATER + 4000);
		const restored = await pullChanges(f.ctx, f.a.shopper, again.cursor, LATER + 5000);
		expect(restored.archivedTemplateIds).toEqual([]);
	});

	it('accepts an audit started on a journey archived meanwhile, and its submit', async () => {
		await setTemplateArchive(f.ctx, f.a.manager, f.a.template.id, true, NOW + 5);
		const audit = completeAuditOf(f.a);
		await upsertAudit(f.ctx, f.a.shopper, audit.id, audit.upload, NOW + 10);
		await uploadAllPhotos(f.ctx, f.a.shopper, audit, NOW + 10);
		const submitted = await submitAudit(
			f.ctx,
			f.a.shopper,
			audit.id,
			'k-archived',
			submitRequestOf(audit),
			NOW + 20
		);
		expect(submitted).toMatchObject({
			status: 200,
			body: { id: audit.id, state: 'submitted', revision: 1 }
		});
	});

	it('sends only what changed since the cursor: a new template version, a changed location', async () => {
		const first = await pullChanges(f.ctx, f.a.shopper, 0, LATER);
		const quiet = await pullChanges(f.ctx, f.a.shopper, first.cursor, LATER + 1000);
		expect(quiet).toMatchObject({ templates: [], locations: [], assignments: [], audits: [] });
		await publishTemplate(
			f.ctx.db,
			f.a.organisation.id,
			{ ...RETAIL_STORE_VISIT, version: 2 },
			LATER + 2000
		);
		await f.ctx.db
			.updateTable('locations')
			.set({ name: 'Renamed', updated_at: LATER + 2000 })
			.where('id', '=', f.a.competitor.id)
			.execute();
		const next = await pullChanges(f.ctx, f.a.shopper, first.cursor, LATER + 3000);
		expect(next.templates.map((t) => t.version)).toEqual([2]);
		expect(next.locations.map((l) => [l.id, l.name])).toEqual([[f.a.competitor.id, 'Renamed']]);
		expect(next.assignments).toEqual([]);
	});

	it('re-sends a row stamped just before a pull, in case it committed after that pull read', async () => {
		const pull = await pullChanges(f.ctx, f.a.shopper, 0, LATER);
		await f.ctx.db
			.updateTable('assignments')
			.set({
				brief: JSON.stringify({ en: 'late commit', pl: 'późny zapis' }),
				updated_at: LATER - 1
			})
			.where('id', '=', f.a.assignment.id)
			.execute();
		const next = await pullChanges(f.ctx, f.a.shopper, pull.cursor, LATER + 1);
		expect(next.assignments.map((a) => a.brief)).toEqual([
			{ en: 'late commit', pl: 'późny zapis' }
		]);
	});

	it('gives everyone their own assignments only, managers too, and never crosses organisations', async () => {
		await createAssignment(f.ctx.db, {
			id: `asg-${randomUUID()}`,
			organisationId: f.a.organisation.id,
			templateId: f.a.template.id,
			templateVersion: 1,
			locationId: f.a.competitor.id,
			shopperId: f.a.otherShopper.id,
			windowStart: NOW,
			windowEnd: NOW + 1,
			brief: { en: 'competitor visit' },
			status: 'open',
			updatedAt: NOW
		});
		await createAssignment(f.ctx.db, {
			id: `asg-${randomUUID()}`,
			organisationId: f.a.organisation.id,
			templateId: f.a.template.id,
			templateVersion: 1,
			locationId: f.a.competitor.id,
			shopperId: f.a.fieldManager.id,
			windowStart: NOW,
			windowEnd: NOW + 1,
			brief: { en: 'manager’s own competitor visit' },
			status: 'open',
			updatedAt: NOW
		});
		const ids = async (user: typeof f.a.shopper) =>
			(await pullChanges(f.ctx, user, 0, LATER)).assignments.map((a) => a.brief.en).sort();
		expect(await ids(f.a.shopper)).toEqual([f.a.assignment.brief.en]);
		expect(await ids(f.a.otherShopper)).toEqual(['competitor visit']);
		// The office plans and lists everyone's visits from the server; a pull carries one's own.
		expect(await ids(f.a.fieldManager)).toEqual(['manager’s own competitor visit']);
		expect(await ids(f.a.manager)).toEqual([]);
		expect(await ids(f.a.admin)).toEqual([]);
		const other = await pullChanges(f.ctx, f.b.shopper, 0, LATER);
		expect(other.assignments.map((a) => a.id)).toEqual([f.b.assignment.id]);
		expect(other.locations.every((l) => l.id.includes(f.b.organisation.id.slice(4)))).toBe(true);
		expect(JSON.stringify(other)).not.toContain(f.a.organisation.id.slice(4));
	});

	it('brings a returned audit back to its shopper with the review comments, and to no one else', async () => {
		const audit = completeAuditOf(f.a);
		await upsertAudit(f.ctx, f.a.shopper, audit.id, audit.upload, NOW);
		expect((await pullChanges(f.ctx, f.a.shopper, 0, LATER)).audits).toEqual([]);
		await uploadAllPhotos(f.ctx, f.a.shopper, audit, NOW);
		await submitAudit(f.ctx, f.a.shopper, audit.id, 'k1', submitRequestOf(audit), NOW + 10);
		const before = await pullChanges(f.ctx, f.a.shopper, 0, LATER);
		expect(before.audits).toEqual([
			{ id: audit.id, state: 'submitted', revision: 1, comments: [] }
		]);

		await f.ctx.db
			.updateTable('audits')
			.set({ state: 'returned', updated_at: LATER + 100 })
			.where('id', '=', audit.id)
			.execute();
		await f.ctx.db
			.insertInto('review_comments')
			.values({
				id: randomUUID(),
				audit_id: audit.id,
				organisation_id: f.a.organisation.id,
				checkpoint_id: 'greeting.greeted',
				author_id: f.a.manager.id,
				body: 'Please describe the greeting.',
				created_at: LATER + 100
			})
			.execute();
		const after = await pullChanges(f.ctx, f.a.shopper, before.cursor, LATER + 200);
		expect(after.audits).toEqual([
			{
				id: audit.id,
				state: 'returned',
				revision: 1,
				comments: [
					{
						checkpointId: 'greeting.greeted',
						body: 'Please describe the greeting.',
						createdAt: LATER + 100,
						round: 1
					}
				]
			}
		]);
		for (const user of [f.a.otherShopper, f.a.manager, f.b.shopper]) {
			expect((await pullChanges(f.ctx, user, 0, LATER + 200)).audits).toEqual([]);
		}
	});
});
