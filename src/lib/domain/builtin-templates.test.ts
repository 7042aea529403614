import { describe, expect, it } from 'vitest';
import {
	BUILTIN_TEMPLATES,
	COMPETITOR_VISIT,
	COMPLAINT_HANDLING,
	getBuiltinTemplate,
	OWN_STORE_ONLY_CHECKPOINT_IDS,
	RETAIL_STORE_VISIT
} from './builtin-templates';
import { scoreAudit } from './scoring';
import { validateTemplate } from './template-rules';
import { missingLocales } from './text';
import type { AnswerValue, JourneyTemplate, LocalizedText, ResponseType } from './types';
import { validateAudit } from './validation';

const ALL_TYPES: ResponseType[] = [
	'yes_no',
	'yes_no_na',
	'scale',
	'single_choice',
	'multiple_choice',
	'number',
	'text',
	'time'
];

/** Every LocalizedText of a template, with a path for the failure message. */
function texts(template: JourneyTemplate): [string, LocalizedText][] {
	const out: [string, LocalizedText][] = [['name', template.name]];
	if (template.description) out.push(['description', template.description]);
	for (const stage of template.stages) {
		out.push([`${stage.id}.title`, stage.title]);
		if (stage.description) out.push([`${stage.id}.description`, stage.description]);
		for (const cp of stage.checkpoints) {
			out.push([`${cp.id}.prompt`, cp.prompt]);
			if (cp.guidance) out.push([`${cp.id}.guidance`, cp.guidance]);
			const r = cp.response;
			if (r.type === 'single_choice' || r.type === 'multiple_choice') {
				for (const o of r.options) out.push([`${cp.id}.${o.id}`, o.label]);
			}
			if (r.type === 'number' && r.unit) out.push([`${cp.id}.unit`, r.unit]);
			if (r.type === 'scale' && r.labels?.min) out.push([`${cp.id}.labels.min`, r.labels.min]);
			if (r.type === 'scale' && r.labels?.max) out.push([`${cp.id}.labels.max`, r.labels.max]);
		}
	}
	return out;
}

const checkpoints = (template: JourneyTemplate) => template.stages.flatMap((s) => s.checkpoints);

describe.each(BUILTIN_TEMPLATES.map((tpl) => [tpl.id, tpl] as const))('built-in %s', (_id, tpl) => {
	it('passes validateTemplate', () => {
		expect(validateTemplate(tpl)).toEqual([]);
	});

	it('has unique stage and checkpoint ids', () => {
		const stageIds = tpl.stages.map((s) => s.id);
		const ids = checkpoints(tpl).map((c) => c.id);
		expect(new Set(stageIds).size).toBe(stageIds.length);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('has readable ids prefixed with their stage id', () => {
		for (const stage of tpl.stages) {
			for (const cp of stage.checkpoints)
				expect(cp.id).toMatch(new RegExp(`^${stage.id}\\.[a-z0-9-]+$`));
		}
	});

	// A Norwegian or Polish shopper reads the journey, and its PDF, in their own language.
	it('has English, Danish, Norwegian and Polish text everywhere', () => {
		const missing = texts(tpl).flatMap(([path, text]) =>
			missingLocales(text, ['en', 'da', 'nb', 'pl']).map((locale) => `${path}:${locale}`)
		);
		expect(missing).toEqual([]);
	});

	it('scores 100 when every scored answer is the best one', () => {
		const best = new Map<string, AnswerValue>();
		for (const cp of checkpoints(tpl)) {
			const r = cp.response;
			if (r.type === 'yes_no' || r.type === 'yes_no_na') best.set(cp.id, 'yes');
			if (r.type === 'scale') best.set(cp.id, 5);
			if (r.type === 'single_choice') best.set(cp.id, r.options[0]!.id);
			if (r.type === 'multiple_choice') {
				best.set(
					cp.id,
					r.options.filter((o) => o.score > 0).map((o) => o.id)
				);
			}
			if (r.type === 'number') best.set(cp.id, r.pass?.max ?? r.pass?.min ?? r.min ?? 0);
		}
		const score = scoreAudit(tpl, best);
		expect(score.totalPercent).toBe(100);
		expect(score.criticalFailures).toEqual([]);
	});
});

describe('retail-store-visit', () => {
	const all = checkpoints(RETAIL_STORE_VISIT);

	it('has 8–10 stages and at least 60 checkpoints', () => {
		expect(RETAIL_STORE_VISIT.stages.length).toBeGreaterThanOrEqual(8);
		expect(RETAIL_STORE_VISIT.stages.length).toBeLessThanOrEqual(10);
		expect(all.length).toBeGreaterThanOrEqual(60);
	});

	it('uses every response type', () => {
		expect(new Set(all.map((c) => c.response.type))).toEqual(new Set(ALL_TYPES));
	});

	it('has several critical checkpoints, required photos and conditions, and a cap', () => {
		expect(all.filter((c) => c.critical).length).toBeGreaterThanOrEqual(3);
		expect(all.filter((c) => c.evidence.photo === 'required').length).toBeGreaterThanOrEqual(3);
		expect(all.filter((c) => c.visibleWhen).length).toBeGreaterThanOrEqual(3);
		expect(RETAIL_STORE_VISIT.criticalFailCap).toBe(60);
		expect(RETAIL_STORE_VISIT.locationKind).toBe('own');
	});

	it('asks for the queue time only when there was a queue', () => {
		const wait = all.find((c) => c.id === 'checkout.queue-minutes');
		expect(wait?.visibleWhen).toEqual({
			checkpointId: 'checkout.queue-present',
			op: 'equals',
			value: 'yes'
		});
		expect(wait?.response).toMatchObject({ type: 'number', pass: { max: 5 } });
	});

	it('requires a note on most yes/no checkpoints', () => {
		const yesNo = all.filter((c) => c.response.type === 'yes_no' && c.weight > 0);
		const withNote = yesNo.filter((c) => c.evidence.noteOnNegative);
		expect(withNote.length / yesNo.length).toBeGreaterThan(0.5);
	});

	it('reports the missing photos and the time-out of an empty draft', () => {
		const problems = validateAudit({
			template: RETAIL_STORE_VISIT,
			answers: new Map(),
			notes: new Map(),
			photos: [],
			timeOut: null
		});
		expect(problems.filter((p) => p.kind === 'photo_missing').map((p) => p.checkpointId)).toEqual([
			'arrival.storefront-signage',
			'arrival.shelf-stocked',
			'arrival.campaign-material',
			'checkout.price-matches-shelf'
		]);
		expect(problems.at(-1)?.kind).toBe('time_out_missing');
	});
});

describe('competitor-visit', () => {
	it('shares its stage ids and stage weights with the retail visit', () => {
		const pick = (tpl: JourneyTemplate) => tpl.stages.map((s) => [s.id, s.weight]);
		expect(pick(COMPETITOR_VISIT)).toEqual(pick(RETAIL_STORE_VISIT));
	});

	it('keeps every retail checkpoint except the own-store ones, with the same scoring', () => {
		const retail = checkpoints(RETAIL_STORE_VISIT);
		const competitor = checkpoints(COMPETITOR_VISIT);
		expect(competitor.map((c) => c.id)).toEqual(
			retail.map((c) => c.id).filter((id) => !OWN_STORE_ONLY_CHECKPOINT_IDS.includes(id))
		);
		for (const cp of competitor) {
			const source = retail.find((c) => c.id === cp.id);
			expect([cp.weight, cp.critical, cp.response]).toEqual([
				source?.weight,
				source?.critical,
				source?.response
			]);
		}
	});

	it('asks for fewer photos and targets competitors', () => {
		const required = (tpl: JourneyTemplate) =>
			checkpoints(tpl).filter((c) => c.evidence.photo === 'required').length;
		expect(required(COMPETITOR_VISIT)).toBeLessThan(required(RETAIL_STORE_VISIT));
		expect(required(COMPETITOR_VISIT)).toBeGreaterThan(0);
		expect(COMPETITOR_VISIT.locationKind).toBe('competitor');
	});
});

describe('complaint-handling', () => {
	it('has 5–6 stages and 20–30 checkpoints for any location', () => {
		expect(COMPLAINT_HANDLING.stages.length).toBeGreaterThanOrEqual(5);
		expect(COMPLAINT_HANDLING.stages.length).toBeLessThanOrEqual(6);
		expect(checkpoints(COMPLAINT_HANDLING).length).toBeGreaterThanOrEqual(20);
		expect(checkpoints(COMPLAINT_HANDLING).length).toBeLessThanOrEqual(30);
		expect(COMPLAINT_HANDLING.locationKind).toBe('any');
	});
});

describe('getBuiltinTemplate', () => {
	it.each([
		['retail-store-visit', 1, 'retail-store-visit'],
		['competitor-visit', 1, 'competitor-visit'],
		['complaint-handling', 1, 'complaint-handling'],
		['retail-store-visit', 2, undefined],
		['nope', 1, undefined]
	] as [string, number, string | undefined][])('%s v%s', (id, version, expected) => {
		expect(getBuiltinTemplate(id, version)?.id).toBe(expected);
	});
});
