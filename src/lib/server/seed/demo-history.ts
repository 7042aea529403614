import { randomBytes, randomUUID } from 'node:crypto';
import { BUILTIN_TEMPLATES } from '$lib/domain/builtin-templates';
import { DEMO_LOCATIONS } from '$lib/domain/demo-locations';
import { scoreAudit } from '$lib/domain/scoring';
import { isCheckpointVisible } from '$lib/domain/visibility';
import type { AnswerValue, Checkpoint, JourneyTemplate } from '$lib/domain/types';
import type { Db } from '../db/connect';
import { markSubmitted, upsertAuditIfNewer } from '../repos/audits';
import { writeScoreRows } from '../repos/score-rows';
import { createUser } from '../repos/users';
import { encodeStoredScore } from '../services/stored-score';
import { DEMO_ORGANISATION } from './demo-accounts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Visits per demo location and month of history. */
export const HISTORY_VISITS_PER_MONTH = 2;
/** Months of history before `now`. */
export const HISTORY_MONTHS = 12;

// How well each demo store does (the chance of a good answer), and how much better each month:
// the own stores improve after coaching, the competitors stay where they are.
const QUALITY: Record<string, { base: number; perMonth: number }> = {
	'loc-own-copenhagen': { base: 0.7, perMonth: 0.02 },
	'loc-own-aarhus': { base: 0.55, perMonth: 0.025 },
	'loc-comp-copenhagen': { base: 0.72, perMonth: 0 },
	'loc-comp-odense': { base: 0.6, perMonth: 0.005 }
};

/** A small deterministic generator (mulberry32), so the demo history is the same every time. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function answerFor(checkpoint: Checkpoint, good: boolean, next: () => number): AnswerValue {
	const spec = checkpoint.response;
	switch (spec.type) {
		case 'yes_no':
			return good ? 'yes' : 'no';
		case 'yes_no_na':
			return good ? 'yes' : next() < 0.3 ? 'na' : 'no';
		case 'scale':
			return good ? (next() < 0.6 ? 5 : 4) : 1 + Math.floor(next() * 3);
		case 'single_choice': {
			const sorted = [...spec.options].sort((x, y) => y.score - x.score);
			return (good ? sorted[0] : sorted[sorted.length - 1])?.id ?? '';
		}
		case 'multiple_choice': {
			const scoring = spec.options.filter((o) => o.score > 0).map((o) => o.id);
			if (good && scoring.length > 0) return scoring;
			return spec.options.slice(0, 1).map((o) => o.id);
		}
		case 'number': {
			const low = spec.pass?.min ?? spec.min;
			const high = spec.pass?.max ?? spec.max;
			if (good || spec.pass?.max === undefined) return low ?? high ?? 1;
			const bad = spec.pass.max + 1;
			return spec.max !== undefined && bad > spec.max ? (low ?? 1) : bad;
		}
		case 'text':
			return 'Helpful and clear.';
		case 'time':
			return '10:05';
	}
}

/** Answers to every visible checkpoint, in template order, good with probability `quality`. */
function answersOf(template: JourneyTemplate, quality: number, next: () => number) {
	const answers = new Map<string, AnswerValue>();
	const visible = new Set<string>();
	for (const stage of template.stages) {
		for (const checkpoint of stage.checkpoints) {
			if (!isCheckpointVisible(checkpoint, answers, visible)) continue;
			visible.add(checkpoint.id);
			answers.set(checkpoint.id, answerFor(checkpoint, next() < quality, next));
		}
	}
	return answers;
}

/**
 * A year of approved audits for the demo organisation (opt-in: `SHOPWALK_DEMO_HISTORY=1` on an
 * empty database), so the benchmark and trends have something to show: HISTORY_VISITS_PER_MONTH
 * visits a month at each demo location, answers drawn deterministically, scored by the domain,
 * with their score rows. They are filed under their own shopper ("Archive"), who cannot sign in,
 * so no demo tablet pulls them. Returns how many audits were written.
 */
export async function seedDemoHistory(db: Db, now: number): Promise<number> {
	const organisationId = DEMO_ORGANISATION.id;
	const byId = new Map(BUILTIN_TEMPLATES.map((t) => [t.id, t]));
	const own = byId.get('retail-store-visit')!;
	const competitor = byId.get('competitor-visit')!;
	return db.transaction().execute(async (trx) => {
		const shopper = await createUser(trx, {
			id: randomUUID(),
			organisationId,
			email: 'archive@nordlys.example',
			displayName: 'Archive',
			pseudonym: 'Shopper 09',
			role: 'shopper',
			fieldWork: true,
			// No password matches a random string that is not a scrypt hash.
			passwordHash: `disabled$${randomBytes(16).toString('hex')}`,
			createdAt: now
		});
		let written = 0;
		for (const [index, location] of DEMO_LOCATIONS.entries()) {
			const quality = QUALITY[location.id] ?? { base: 0.7, perMonth: 0 };
			const template = location.kind === 'own' ? own : competitor;
			for (let month = HISTORY_MONTHS - 1; month >= 0; month--) {
				for (let visit = 0; visit < HISTORY_VISITS_PER_MONTH; visit++) {
					const next = random(index * 10_000 + month * 100 + visit + 1);
					// Two visits a month, about a fortnight apart, the newest a few days before now.
					const timeIn =
						now - (month * 30 + visit * 15 + 3 + index) * DAY_MS - (10 + index) * 60 * 60 * 1000;
					const progress = HISTORY_MONTHS - 1 - month;
					const answers = answersOf(
						template,
						Math.min(0.97, quality.base + quality.perMonth * progress),
						next
					);
					const score = scoreAudit(template, answers);
					const id = randomUUID();
					const content = {
						locale: 'da',
						location,
						timeIn,
						timeOut: timeIn + 40 * 60_000,
						stageTimeMs: {},
						narrative: '',
						answers: [...answers].map(([checkpointId, value], i) => ({
							checkpointId,
							value,
							answeredAt: timeIn + i * 20_000
						})),
						notes: []
					};
					await upsertAuditIfNewer(trx, {
						id,
						organisation_id: organisationId,
						shopper_id: shopper.id,
						assignment_id: null,
						template_id: template.id,
						template_version: template.version,
						location_id: location.id,
						revision: 1,
						state: 'draft',
						content: JSON.stringify(content),
						score: encodeStoredScore(score),
						total_percent: score.totalPercent,
						received_at: timeIn + 45 * 60_000,
						updated_at: timeIn + 45 * 60_000,
						submitted_at: null
					});
					await markSubmitted(trx, id, {
						state: 'approved',
						score: encodeStoredScore(score),
						totalPercent: score.totalPercent,
						submittedAt: timeIn + 45 * 60_000
					});
					await writeScoreRows(trx, {
						auditId: id,
						organisationId,
						templateId: template.id,
						templateVersion: template.version,
						state: 'approved',
						visitedAt: timeIn,
						location,
						score
					});
					written++;
				}
			}
		}
		return written;
	});
}
