import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '$lib/contract/auth';
import type { JourneyTemplate } from '$lib/domain/types';
import { findAudit } from '../repos/audits';
import { findTemplateDraft } from '../repos/template-drafts';
import { getTemplate } from '../repos/templates';
import { buildCompleteAudit, submitRequestOf } from '../testing/complete-audit';
import { upsertAudit } from './audit-upsert';
import { submitAudit } from './audit-submit';
import { decodeStoredScore } from './stored-score';
import { pullChanges } from './sync-pull';
import {
	assertTemplateOpenForVisits,
	createTemplate,
	diffTemplateVersions,
	exportTemplateVersion,
	getTemplateDetail,
	importTemplateDocument,
	importTemplateSpreadsheet,
	listTemplatesPage,
	publishTemplateDraft,
	saveTemplateDraft,
	setTemplateArchive,
	TEMPLATE_PAGE_SIZE
} from './template-builder';
import { openSyncFixture, plainLocation, uploadAllPhotos, type SyncFixture } from './test-helpers';

const NOW = 1_760_000_000_000;

let f: SyncFixture;
beforeEach(async () => {
	f = await openSyncFixture(NOW);
});
afterEach(async () => {
	await f.database.dispose();
});

/** A small template with a stage the editor would make. */
function smallTemplate(id: string): JourneyTemplate {
	return {
		id,
		version: 1,
		name: { en: 'Small', da: 'Lille' },
		locationKind: 'any',
		stages: [
			{
				id: 'st-a',
				title: { en: 'Arrival', da: 'Ankomst' },
				weight: 1,
				checkpoints: [
					{
						id: 'cp-a',
						prompt: { en: 'Clean?', da: 'Rent?' },
						response: { type: 'yes_no' },
						weight: 1,
						critical: false,
						required: true,
						evidence: { photo: 'none', noteOnNegative: false }
					}
				]
			}
		]
	};
}

describe('who may build templates', () => {
	it('refuses shoppers and viewers everything, and hides other organisations’ templates', async () => {
		// A template only organisation A has (both have the built-in ids).
		const own = await createTemplate(
			f.ctx,
			f.a.manager,
			{ from: 'copy', templateId: f.a.template.id },
			NOW
		);
		await publishTemplateDraft(f.ctx, f.a.manager, own.id, 1, NOW);
		const id = own.id;
		const calls: [string, (user: SessionUser) => Promise<unknown>][] = [
			['list', (u) => listTemplatesPage(f.ctx, u, null)],
			['create', (u) => createTemplate(f.ctx, u, { from: 'copy', templateId: id }, NOW)],
			['get', (u) => getTemplateDetail(f.ctx, u, id)],
			[
				'save',
				(u) => saveTemplateDraft(f.ctx, u, id, { revision: 1, template: smallTemplate(id) }, NOW)
			],
			['publish', (u) => publishTemplateDraft(f.ctx, u, id, 1, NOW)],
			['archive', (u) => setTemplateArchive(f.ctx, u, id, true, NOW)],
			['export', (u) => exportTemplateVersion(f.ctx, u, id, 1)],
			['diff', (u) => diffTemplateVersions(f.ctx, u, id, 1, 0)],
			[
				'import',
				(u) =>
					importTemplateDocument(
						f.ctx,
						u,
						{ format: 'shopwalk.template', formatVersion: 1, template: smallTemplate('x') },
						NOW
					)
			],
			[
				'import csv',
				(u) =>
					importTemplateSpreadsheet(
						f.ctx,
						u,
						{ csv: 'stage_key,stage_en,type,prompt_en\ns,S,yes_no,P', name: { en: 'N' } },
						NOW
					)
			]
		];
		for (const [name, call] of calls) {
			for (const user of [f.a.shopper, f.a.viewer]) {
				await expect(call(user), `${name} as ${user.role}`).rejects.toMatchObject({
					reason: 'forbidden'
				});
			}
		}
		// Organisation B's manager: A's template does not exist for them (the list is B's own).
		for (const [name, call] of calls.filter(
			([n]) => !['list', 'import', 'import csv'].includes(n)
		)) {
			await expect(call(f.b.manager), `${name} across organisations`).rejects.toMatchObject({
				reason: 'not_found'
			});
		}
		const listed = await listTemplatesPage(f.ctx, f.b.manager, null);
		expect(listed.templates.map((t) => t.id)).toEqual([f.b.template.id]);
		// Nothing changed for A.
		const head = await findTemplateDraft(f.ctx.db, f.a.organisation.id, id);
		expect(head).toMatchObject({ revision: 2, latestVersion: 1, archivedAt: null });
	});
});

describe('drafts, versions and the list', () => {
	it('pages the list newest change first without skipping or repeating', async () => {
		for (let i = 0; i < 30; i++) {
			await createTemplate(f.ctx, f.a.manager, { from: 'blank', name: `T${i}` }, NOW + i);
		}
		const first = await listTemplatesPage(f.ctx, f.a.manager, null);
		expect(first.templates).toHaveLength(TEMPLATE_PAGE_SIZE);
		expect(first.templates[0]!.name.en).toBe('T29');
		const second = await listTemplatesPage(f.ctx, f.a.manager, first.next);
		expect(second.next).toBeNull();
		const ids = [...first.templates, ...second.templates].map((t) => t.id);
		expect(new Set(ids).size).toBe(31);
		expect(second.templates.at(-1)!.id).toBe(f.a.template.id);
		await expect(listTemplatesPage(f.ctx, f.a.manager, 'nonsense')).rejects.toMatchObject({
			code: 'invalid_cursor'
		});
	});

	it('saves drafts conflict-safely and publishes immutable versions', async () => {
		const created = await createTemplate(f.ctx, f.a.manager, { from: 'blank', name: 'Fresh' }, NOW);
		expect(created).toMatchObject({ revision: 1, latestVersion: 0, versions: [] });
		// A blank template cannot be published yet: every problem, path-named; nothing stored.
		const refused = await publishTemplateDraft(f.ctx, f.a.manager, created.id, 1, NOW).catch(
			(e: unknown) => e
		);
		expect(refused).toMatchObject({ reason: 'invalid', code: 'template_invalid' });
		const problems = (refused as { details: { problems: { code: string; path: string }[] } })
			.details.problems;
		expect(problems).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ code: 'stage_empty', path: 'stages[0]' }),
				expect.objectContaining({ code: 'text_missing', path: 'stages[0]' })
			])
		);
		expect(await getTemplate(f.ctx.db, f.a.organisation.id, created.id, 1)).toBeUndefined();

		const saved = await saveTemplateDraft(
			f.ctx,
			f.a.manager,
			created.id,
			{ revision: 1, template: smallTemplate('ignored') },
			NOW + 1
		);
		expect(saved).toEqual({ revision: 2, problems: [] });
		// A second editor still on revision 1 is refused and changes nothing.
		await expect(
			saveTemplateDraft(
				f.ctx,
				f.a.admin,
				created.id,
				{ revision: 1, template: { ...smallTemplate('x'), name: { en: 'Other' } } },
				NOW + 2
			)
		).rejects.toMatchObject({ code: 'draft_conflict', details: { revision: 2 } });
		await expect(
			publishTemplateDraft(f.ctx, f.a.manager, created.id, 1, NOW)
		).rejects.toMatchObject({ code: 'draft_conflict' });

		expect(await publishTemplateDraft(f.ctx, f.a.manager, created.id, 2, NOW + 3)).toEqual({
			version: 1,
			revision: 3
		});
		const v1 = await getTemplate(f.ctx.db, f.a.organisation.id, created.id, 1);
		expect(v1).toEqual({ ...smallTemplate(created.id), id: created.id });

		// Editing the draft afterwards never changes v1.
		const changed = smallTemplate(created.id);
		changed.stages[0]!.title = { en: 'Arrival and entrance', da: 'Ankomst' };
		await saveTemplateDraft(
			f.ctx,
			f.a.manager,
			created.id,
			{ revision: 3, template: changed },
			NOW + 4
		);
		expect(await getTemplate(f.ctx.db, f.a.organisation.id, created.id, 1)).toEqual(v1);
		expect(await publishTemplateDraft(f.ctx, f.a.manager, created.id, 4, NOW + 5)).toEqual({
			version: 2,
			revision: 5
		});
		const diff = await diffTemplateVersions(f.ctx, f.a.manager, created.id, 1, 2);
		expect(diff.changes).toEqual([
			{ kind: 'stage_changed', stageId: 'st-a', title: 'Arrival and entrance', fields: ['title'] }
		]);
		const detail = await getTemplateDetail(f.ctx, f.a.manager, created.id);
		expect(detail.versions.map((v) => v.version)).toEqual([2, 1]);
		expect(detail.draft.version).toBe(3);
	});

	it('archives: no new visits, the versions stay; restores', async () => {
		const id = f.a.template.id;
		await assertTemplateOpenForVisits(f.ctx.db, f.a.organisation.id, id);
		await setTemplateArchive(f.ctx, f.a.manager, id, true, NOW);
		await expect(
			assertTemplateOpenForVisits(f.ctx.db, f.a.organisation.id, id)
		).rejects.toMatchObject({ code: 'template_archived' });
		expect(await getTemplate(f.ctx.db, f.a.organisation.id, id, 1)).toBeDefined();
		const page = await listTemplatesPage(f.ctx, f.a.manager, null);
		expect(page.templates.find((t) => t.id === id)).toMatchObject({ archived: true });
		await setTemplateArchive(f.ctx, f.a.manager, id, false, NOW + 1);
		await assertTemplateOpenForVisits(f.ctx.db, f.a.organisation.id, id);
	});

	it('a competitor template keeps its own-store template’s stage keys', async () => {
		const competitor = await createTemplate(
			f.ctx,
			f.a.manager,
			{ from: 'competitor', templateId: f.a.template.id },
			NOW
		);
		expect(competitor.linkedTemplateId).toBe(f.a.template.id);
		expect(competitor.draft.locationKind).toBe('competitor');
		expect(competitor.draft.stages.map((s) => s.id)).toEqual(f.a.template.stages.map((s) => s.id));
		expect(competitor.linkedStageKeys).toEqual(f.a.template.stages.map((s) => s.id));
		// Renaming a stage keeps its key: publishable. Dropping one is refused.
		const renamed = structuredClone(competitor.draft);
		renamed.stages[0]!.title = { en: 'Walking in' };
		await saveTemplateDraft(
			f.ctx,
			f.a.manager,
			competitor.id,
			{ revision: 1, template: renamed },
			NOW
		);
		const dropped = { ...renamed, stages: renamed.stages.slice(1) };
		const saved = await saveTemplateDraft(
			f.ctx,
			f.a.manager,
			competitor.id,
			{ revision: 2, template: dropped },
			NOW
		);
		expect(saved.problems).toEqual([
			expect.objectContaining({ code: 'linked_stage_missing', stageId: renamed.stages[0]!.id })
		]);
		await expect(
			publishTemplateDraft(f.ctx, f.a.manager, competitor.id, 3, NOW)
		).rejects.toMatchObject({ code: 'template_invalid' });
	});

	it('exports a version as a document that imports again as a new draft', async () => {
		const document = await exportTemplateVersion(f.ctx, f.a.manager, f.a.template.id, 1);
		expect(document).toMatchObject({ format: 'shopwalk.template', formatVersion: 1 });
		const imported = await importTemplateDocument(f.ctx, f.a.manager, document, NOW);
		expect(imported.id).not.toBe(f.a.template.id);
		expect(imported.draft.stages).toEqual(f.a.template.stages);
		expect(imported.problems).toEqual([]);
		// A broken document: every problem, nothing stored.
		const before = (await listTemplatesPage(f.ctx, f.a.manager, null)).templates.length;
		const broken = structuredClone(document) as unknown as {
			template: { stages: { weight: unknown; checkpoints: { response: { type: string } }[] }[] };
		};
		broken.template.stages[0]!.weight = 'heavy';
		broken.template.stages[1]!.checkpoints[0]!.response.type = 'essay';
		const refused = await importTemplateDocument(f.ctx, f.a.manager, broken, NOW).catch((e) => e);
		expect(refused).toMatchObject({ code: 'import_invalid' });
		const paths = (refused.details.problems as { path: string }[]).map((p) => p.path);
		expect(paths).toEqual(
			expect.arrayContaining([
				'template.stages.0.weight',
				'template.stages.1.checkpoints.0.response.type'
			])
		);
		expect((await listTemplatesPage(f.ctx, f.a.manager, null)).templates.length).toBe(before);
	});
});

describe('audits keep the version they started on', () => {
	it('a draft on v1 submits and is scored on v1 after v2 is published; a new audit starts on v2', async () => {
		const v1 = f.a.template;
		const location = plainLocation(f.a.location);
		// The tablet starts an audit on v1 and saves a draft.
		const onV1 = buildCompleteAudit({ template: v1, location, assignmentId: null, now: NOW });
		await upsertAudit(f.ctx, f.a.shopper, onV1.id, onV1.upload, NOW);

		// Meanwhile the manager publishes v2: one stage fewer, one new stage.
		const detail = await getTemplateDetail(f.ctx, f.a.manager, v1.id);
		const draft = structuredClone(detail.draft);
		draft.stages = draft.stages.slice(1);
		draft.stages.push({
			id: 'st-new',
			title: { en: 'After the visit', da: 'Efter besøget' },
			weight: 1,
			checkpoints: [
				{
					id: 'cp-new',
					prompt: { en: 'Followed up?' },
					response: { type: 'yes_no' },
					weight: 2,
					critical: false,
					required: true,
					evidence: { photo: 'none', noteOnNegative: false }
				}
			]
		});
		await saveTemplateDraft(
			f.ctx,
			f.a.manager,
			v1.id,
			{ revision: detail.revision, template: draft },
			NOW + 1
		);
		expect(
			await publishTemplateDraft(f.ctx, f.a.manager, v1.id, detail.revision + 1, NOW + 2)
		).toMatchObject({
			version: 2
		});

		// The tablet pulls v2 but finishes its draft on v1; the server scores it on v1.
		const pull = await pullChanges(f.ctx, f.a.shopper, NOW + 1, NOW + 3);
		expect(pull.templates.map((t) => `${t.id}@${t.version}`)).toContain(`${v1.id}@2`);
		await uploadAllPhotos(f.ctx, f.a.shopper, onV1, NOW + 3);
		const outcome = await submitAudit(
			f.ctx,
			f.a.shopper,
			onV1.id,
			'k-v1',
			submitRequestOf(onV1),
			NOW + 4
		);
		expect(outcome.status).toBe(200);
		const stored = await findAudit(f.ctx.db, onV1.id);
		expect(stored).toMatchObject({ template_version: 1, state: 'submitted', total_percent: 100 });
		const score = decodeStoredScore(stored!.score);
		expect(score.stages.map((s) => s.stageId)).toEqual(v1.stages.map((s) => s.id));

		// A new audit uses v2 and is scored on v2.
		const v2 = (await getTemplate(f.ctx.db, f.a.organisation.id, v1.id, 2))!;
		const onV2 = buildCompleteAudit({ template: v2, location, assignmentId: null, now: NOW + 5 });
		await upsertAudit(f.ctx, f.a.shopper, onV2.id, onV2.upload, NOW + 5);
		await uploadAllPhotos(f.ctx, f.a.shopper, onV2, NOW + 5);
		expect(
			(await submitAudit(f.ctx, f.a.shopper, onV2.id, 'k-v2', submitRequestOf(onV2), NOW + 6))
				.status
		).toBe(200);
		const second = await findAudit(f.ctx.db, onV2.id);
		expect(second).toMatchObject({ template_version: 2, state: 'submitted' });
		const score2 = decodeStoredScore(second!.score);
		expect(score2.stages.map((s) => s.stageId)).toEqual(v2.stages.map((s) => s.id));
		expect(score2.stages.map((s) => s.stageId)).toContain('st-new');
		// And an audit claiming v1 that changed after v2 still checks against v1's checkpoints.
		expect(v2.stages.map((s) => s.id)).not.toEqual(v1.stages.map((s) => s.id));
	});
});
