// Test-only: small own and competitor templates sharing stage keys, and audits with chosen
// answers submitted through the real services, for the insights tests. Not imported by the app.
import { randomUUID } from 'node:crypto';
import type { SessionUser } from '$lib/contract/auth';
import type { AnswerValue, Checkpoint, JourneyTemplate, Location } from '$lib/domain/types';
import { publishTemplate } from '../repos/templates';
import type { Db } from '../db/connect';
import { submitAudit } from './audit-submit';
import { upsertAudit } from './audit-upsert';
import type { ServiceContext } from './context';

function checkpoint(
	id: string,
	response: Checkpoint['response'],
	extra: Partial<Checkpoint> = {}
): Checkpoint {
	return {
		id,
		prompt: { en: `Prompt ${id}`, da: `Spørgsmål ${id}` },
		response,
		weight: 1,
		critical: false,
		required: false,
		evidence: { photo: 'none', noteOnNegative: false },
		...extra
	};
}

/**
 * The own-store template: stage `welcome` (a yes/no/n.a. of weight 2, a critical yes/no, and a
 * follow-up shown only when the first is yes) and stage `helpfulness` (a 1–5 scale, a yes/no); a
 * failed critical caps the total at 50.
 */
export const OWN_TEMPLATE: JourneyTemplate = {
	id: 'insights-own',
	version: 1,
	name: { en: 'Insights own', da: 'Indsigt egen' },
	locationKind: 'own',
	criticalFailCap: 50,
	stages: [
		{
			id: 'welcome',
			title: { en: 'Welcome', da: 'Velkomst' },
			weight: 1,
			checkpoints: [
				checkpoint('w.greeted', { type: 'yes_no_na' }, { weight: 2 }),
				checkpoint('w.safe', { type: 'yes_no' }, { critical: true }),
				checkpoint(
					'w.follow-up',
					{ type: 'yes_no' },
					{ visibleWhen: { checkpointId: 'w.greeted', op: 'equals', value: 'yes' } }
				)
			]
		},
		{
			id: 'helpfulness',
			title: { en: 'Helpfulness', da: 'Hjælpsomhed' },
			weight: 3,
			checkpoints: [
				checkpoint('a.knowledge', { type: 'scale', min: 1, max: 5 }),
				checkpoint('a.offer', { type: 'yes_no' })
			]
		}
	]
};

/** The competitor template: the same stage keys, fewer checkpoints (no own-store check). */
export const COMPETITOR_TEMPLATE: JourneyTemplate = {
	...OWN_TEMPLATE,
	id: 'insights-competitor',
	name: { en: 'Insights competitor' },
	locationKind: 'competitor',
	stages: [
		{ ...OWN_TEMPLATE.stages[0]!, checkpoints: OWN_TEMPLATE.stages[0]!.checkpoints.slice(0, 2) },
		OWN_TEMPLATE.stages[1]!
	]
};

/** Publishes both templates in the organisation. */
export async function publishInsightTemplates(
	db: Db,
	organisationId: string,
	now: number
): Promise<void> {
	await publishTemplate(db, organisationId, OWN_TEMPLATE, now);
	await publishTemplate(db, organisationId, COMPETITOR_TEMPLATE, now);
}

export interface InsightAudit {
	id: string;
	template: JourneyTemplate;
	location: Location;
	timeIn: number;
	answers: Record<string, AnswerValue>;
	revision: number;
}

/** Uploads and submits an audit with exactly these answers as `user`. */
export async function submitInsightAudit(
	ctx: ServiceContext,
	user: SessionUser,
	audit: Omit<InsightAudit, 'id' | 'revision'> & { id?: string },
	now: number
): Promise<InsightAudit> {
	const full: InsightAudit = { ...audit, id: audit.id ?? randomUUID(), revision: 1 };
	await uploadAndSubmit(ctx, user, full, now);
	return full;
}

/** Uploads `audit` at its revision and hands it in (submit or resubmit). */
export async function uploadAndSubmit(
	ctx: ServiceContext,
	user: SessionUser,
	audit: InsightAudit,
	now: number
): Promise<void> {
	const { id, name, kind, brand, address, region } = audit.location;
	await upsertAudit(
		ctx,
		user,
		audit.id,
		{
			revision: audit.revision,
			templateId: audit.template.id,
			templateVersion: audit.template.version,
			assignmentId: null,
			location: { id, name, kind, brand, address, region },
			locale: 'en',
			timeIn: audit.timeIn,
			timeOut: audit.timeIn + 30 * 60_000,
			stageTimeMs: {},
			narrative: '',
			answers: Object.entries(audit.answers).map(([checkpointId, value], i) => ({
				checkpointId,
				value,
				answeredAt: audit.timeIn + i * 1000
			})),
			notes: [],
			photos: []
		},
		now
	);
	await submitAudit(
		ctx,
		user,
		audit.id,
		`${audit.id}:submit:${audit.revision}`,
		{ revision: audit.revision, photos: [] },
		now + 1
	);
}
