import type { Insertable } from 'kysely';
import { isAnswerValid, isNegativeAnswer } from '$lib/domain/answer-rules';
import { BUILTIN_TEMPLATES } from '$lib/domain/builtin-templates';
import { scoreAudit } from '$lib/domain/scoring';
import type {
	Answer,
	AnswerValue,
	Checkpoint,
	CheckpointNote,
	JourneyTemplate,
	Locale,
	Location,
	ResponseSpec
} from '$lib/domain/types';
import { isCheckpointVisible } from '$lib/domain/visibility';
import type { Db } from '../db/connect';
import type { Database } from '../db/schema';
import { reportFileName } from '../reports/report-files';
import { encodeStoredScore } from '../services/stored-score';
import type { AuditContent } from '../services/audit-content';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** What `seedScale` makes; every count but `audits` has a default that grows with it. */
export interface ScaleOptions {
	audits: number;
	/** Own and competitor locations together (about 70 % own). Default: audits / 1000, 6..5000. */
	locations?: number;
	/** Shoppers. Default: audits / 1250, 5..400. */
	shoppers?: number;
	/** Months of history before `now` the audits spread over. Default 13. */
	months?: number;
	/** The PRNG seed: the same seed, sizes and `now` give the same rows. Default 1. */
	seed?: number;
	/** The end of the history, epoch ms (default: today's midnight UTC, so a day's runs agree). */
	now?: number;
	/** The organisation's id; default `scale-<seed>`. It must not exist yet. */
	organisationId?: string;
	/** The password hash every seeded user signs in with (one hash: scrypt is slow). */
	passwordHash: string;
	/** Audits per transaction. Default 500. */
	batchSize?: number;
	/** Called after each committed batch with the audits written so far. */
	onProgress?: (written: number, total: number) => void;
}

export type SeededState = 'draft' | 'submitted' | 'returned' | 'resubmitted' | 'approved';

export interface ScaleSummary {
	organisationId: string;
	/** Sign-ins of the seeded office users (all with the password whose hash was given). */
	emails: { admin: string; managers: string[]; viewer: string; shoppers: string[] };
	counts: {
		users: number;
		locations: number;
		templates: number;
		assignments: number;
		audits: number;
		reportJobs: number;
		auditEvents: number;
		reviewComments: number;
	};
	states: Record<SeededState, number>;
	/** Rows written in all tables, and the wall time. */
	rows: number;
	ms: number;
}

/**
 * A small, fast, deterministic PRNG (mulberry32). Everything the seeder makes is drawn from one
 * stream in a fixed order, so a seed reproduces every id, answer and time.
 */
export class Random {
	private state: number;
	constructor(seed: number) {
		this.state = (seed ^ 0x9e3779b9) >>> 0;
	}
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)]!;
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	/** Roughly normal, mean 0, sd 1 (sum of three uniforms). */
	normal(): number {
		return (this.next() + this.next() + this.next() - 1.5) * 2;
	}
	/**
	 * A UUID from the stream: version-4-shaped (random, as a device makes audit ids), or with
	 * `at` version-7-shaped (time first), which keeps the server-made rows' keys in insert order.
	 */
	uuid(at?: number): string {
		const hex: string[] = [];
		for (let i = 0; i < 4; i++) {
			hex.push(
				Math.floor(this.next() * 4294967296)
					.toString(16)
					.padStart(8, '0')
			);
		}
		let h = hex.join('');
		if (at !== undefined)
			h = Math.floor(at).toString(16).padStart(12, '0').slice(-12) + h.slice(12);
		const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
		return `${h.slice(0, 8)}-${h.slice(8, 12)}-${at === undefined ? 4 : 7}${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
	}
}

const REGIONS = [
	'Hovedstaden',
	'Sjælland',
	'Syddanmark',
	'Midtjylland',
	'Nordjylland',
	'Oslo',
	'Vestland',
	'Mazowieckie'
];
const TOWNS: Record<string, string[]> = {
	Hovedstaden: ['København', 'Frederiksberg', 'Hillerød', 'Lyngby'],
	Sjælland: ['Roskilde', 'Køge', 'Næstved', 'Holbæk'],
	Syddanmark: ['Odense', 'Esbjerg', 'Kolding', 'Vejle'],
	Midtjylland: ['Aarhus', 'Randers', 'Herning', 'Silkeborg'],
	Nordjylland: ['Aalborg', 'Hjørring', 'Frederikshavn', 'Thisted'],
	Oslo: ['Oslo Sentrum', 'Grünerløkka', 'Majorstuen', 'Storo'],
	Vestland: ['Bergen', 'Åsane', 'Voss', 'Stord'],
	Mazowieckie: ['Warszawa', 'Radom', 'Płock', 'Siedlce']
};
const OWN_BRANDS = ['Nordlys', 'Nordlys Express'];
const COMPETITOR_BRANDS = ['Voltix', 'ElektroHuset', 'PrisMax', 'Kjede Elektro'];
const STREETS = ['Hovedgade', 'Storgata', 'Torvet', 'Stationsvej', 'ul. Długa', 'Strøget'];
/** Shoppers' languages, weighted towards the Danish programme. */
const LOCALE_WEIGHTS: [Locale, number][] = [
	['da', 0.45],
	['en', 0.2],
	['nb', 0.2],
	['pl', 0.15]
];
const NARRATIVES = [
	'Friendly staff, but the queue at the till was long.',
	'Tydelig skiltning og god rådgivning om garanti.',
	'Butikken var ryddig; ingen tilbød hjelp de første minuttene.',
	'Sprzedawca znał produkty, ale nie zaproponował ubezpieczenia.',
	'Quick greeting; the advice on the laptop was thorough.'
];
const NOTES = [
	'No one greeted me within the first minutes.',
	'Hylden med tilbud var halvtom.',
	'Kassen hadde lang kø og bare én ansatt.',
	'Brak cen na części produktów.',
	'The price tag did not match the till.'
];
const COMMENTS = [
	'Please add a photo of the shelf.',
	'Beskriv venligst hilsenen mere præcist.',
	'Is this answer right? The note says otherwise.',
	'Legg til en merknad om ventetiden.'
];

interface SeedLocation extends Location {
	/** Base quality 0..1, the chance of a good answer. */
	quality: number;
	/** Per-stage offsets. */
	stageOffset: Record<string, number>;
	/** Quality gained over the whole history (coaching works in some stores). */
	trend: number;
}

/**
 * Seeds one realistic organisation of `audits` audits into `db` (migrated), on SQLite or
 * PostgreSQL: users (an admin, managers, a report reader with some own stores, shoppers), own
 * and competitor locations across regions and brands, the built-in templates (an own-store
 * visit, its linked competitor version with the same stage keys, a complaint visit), and a year
 * or more of assignments and audits with answers (n.a., hidden checkpoints, notes on negative
 * answers, critical failures), scored with the domain's `scoreAudit` and stored as the server
 * stores them, in every review state with their trail (audit events), review comments for
 * returned rounds and report job rows (ready, their PDFs not rendered). Inserts in multi-row
 * statements, `batchSize` audits per transaction. Refuses an organisation id that exists.
 */
export async function seedScale(db: Db, options: ScaleOptions): Promise<ScaleSummary> {
	const started = performance.now();
	const seed = options.seed ?? 1;
	const rng = new Random(seed);
	const auditCount = Math.max(0, Math.floor(options.audits));
	const locationCount =
		options.locations ?? Math.min(5000, Math.max(6, Math.ceil(auditCount / 1000)));
	const shopperCount = options.shoppers ?? Math.min(400, Math.max(5, Math.ceil(auditCount / 1250)));
	if (locationCount < 2) throw new Error('--locations must be at least 2 (own and competitor)');
	if (shopperCount < 1) throw new Error('--shoppers must be at least 1');
	const months = options.months ?? 13;
	const now = options.now ?? Math.floor(Date.now() / DAY_MS) * DAY_MS;
	const org = options.organisationId ?? `scale-${seed}`;
	const batchSize = Math.max(1, options.batchSize ?? 500);
	const domain = `${org}.example`;

	const existing = await db
		.selectFrom('organisations')
		.select('id')
		.where('id', '=', org)
		.executeTakeFirst();
	if (existing)
		throw new Error(`Organisation ${org} exists already; choose another --seed or --org`);

	const summary: ScaleSummary = {
		organisationId: org,
		emails: { admin: `admin@${domain}`, managers: [], viewer: `reader@${domain}`, shoppers: [] },
		counts: {
			users: 0,
			locations: 0,
			templates: 0,
			assignments: 0,
			audits: 0,
			reportJobs: 0,
			auditEvents: 0,
			reviewComments: 0
		},
		states: { draft: 0, submitted: 0, returned: 0, resubmitted: 0, approved: 0 },
		rows: 0,
		ms: 0
	};
	const historyStart = now - Math.round(months * 30.44 * DAY_MS);

	// The organisation, its people, places and templates: one transaction.
	const users: Insertable<Database['users']>[] = [];
	const addUser = (role: 'shopper' | 'manager' | 'admin' | 'viewer', n: number, local: string) => {
		const number = String(n).padStart(3, '0');
		users.push({
			id: rng.uuid(),
			organisation_id: org,
			email: `${local}@${domain}`,
			display_name: `${role[0]!.toUpperCase()}${role.slice(1)} ${number}`,
			pseudonym: role === 'shopper' ? `Shopper ${number}` : `${role} ${number}`,
			role,
			field_work: role === 'shopper' || (role === 'manager' && n === 1) ? 1 : 0,
			password_hash: options.passwordHash,
			created_at: historyStart - 30 * DAY_MS
		});
	};
	addUser('admin', 1, 'admin');
	for (let n = 1; n <= 3; n++) addUser('manager', n, `manager${n}`);
	addUser('viewer', 1, 'reader');
	for (let n = 1; n <= shopperCount; n++) addUser('shopper', n, `shopper${n}`);
	summary.emails.managers = users.filter((u) => u.role === 'manager').map((u) => u.email);
	summary.emails.shoppers = users
		.filter((u) => u.role === 'shopper')
		.slice(0, 3)
		.map((u) => u.email);
	const shoppers = users.filter((u) => u.field_work === 1);

	const locations: SeedLocation[] = [];
	const ownCount = Math.max(1, Math.min(locationCount - 1, Math.round(locationCount * 0.7)));
	const stageIds = [...new Set(BUILTIN_TEMPLATES.flatMap((t) => t.stages.map((s) => s.id)))];
	for (let i = 0; i < locationCount; i++) {
		const own = i < ownCount;
		const region = rng.pick(REGIONS);
		const town = rng.pick(TOWNS[region]!);
		const n = own ? i + 1 : i - ownCount + 1;
		const brand = own ? rng.pick(OWN_BRANDS) : rng.pick(COMPETITOR_BRANDS);
		const stageOffset: Record<string, number> = {};
		for (const id of stageIds) stageOffset[id] = rng.normal() * 0.06;
		locations.push({
			// Location ids are unique across organisations: the organisation's id leads.
			id: `${org}-${own ? 'own' : 'comp'}-${String(n).padStart(4, '0')}`,
			name: `${brand} ${town}${n > 4 ? ` ${n}` : ''}`,
			kind: own ? 'own' : 'competitor',
			brand,
			address: `${rng.pick(STREETS)} ${rng.int(1, 120)}, ${town}`,
			region,
			quality: Math.min(0.97, Math.max(0.45, (own ? 0.8 : 0.74) + rng.normal() * 0.07)),
			stageOffset,
			trend: rng.chance(0.3) ? rng.next() * 0.12 : rng.normal() * 0.02
		});
	}
	const ownLocations = locations.filter((l) => l.kind === 'own');
	const templates = BUILTIN_TEMPLATES;
	const ownTemplate = templates.find((t) => t.id === 'retail-store-visit')!;
	const competitorTemplate = templates.find((t) => t.id === 'competitor-visit')!;
	const complaintTemplate = templates.find((t) => t.id === 'complaint-handling')!;
	const viewer = users.find((u) => u.role === 'viewer')!;
	const managers = users.filter((u) => u.role === 'manager' || u.role === 'admin');

	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('organisations')
			.values({ id: org, name: `Scale ${seed} (${auditCount} audits)`, created_at: historyStart })
			.execute();
		await insertChunked(trx, 'users', users);
		await insertChunked(
			trx,
			'locations',
			locations.map((l) => ({
				id: l.id,
				organisation_id: org,
				name: l.name,
				kind: l.kind,
				brand: l.brand,
				address: l.address,
				region: l.region,
				updated_at: historyStart
			}))
		);
		await insertChunked(
			trx,
			'templates',
			templates.map((t) => ({
				organisation_id: org,
				id: t.id,
				version: t.version,
				definition: JSON.stringify(t),
				published_at: historyStart
			}))
		);
		await insertChunked(
			trx,
			'user_locations',
			ownLocations.slice(0, Math.min(5, ownLocations.length)).map((l) => ({
				user_id: viewer.id as string,
				location_id: l.id,
				organisation_id: org
			}))
		);
	});
	summary.counts.users = users.length;
	summary.counts.locations = locations.length;
	summary.counts.templates = templates.length;
	summary.rows += 1 + users.length + locations.length + templates.length;

	const span = now - historyStart;
	for (let from = 0; from < auditCount; from += batchSize) {
		const to = Math.min(auditCount, from + batchSize);
		const batch: Batch = {
			assignments: [],
			audits: [],
			reportJobs: [],
			events: [],
			comments: []
		};
		for (let i = from; i < to; i++) {
			// In time order, a little jitter; the newest lands in the last hours before `now`.
			const timeIn = Math.round(historyStart + ((i + rng.next()) / auditCount) * span) - HOUR_MS;
			const location = rng.pick(locations);
			const template =
				location.kind === 'competitor'
					? competitorTemplate
					: rng.chance(0.15)
						? complaintTemplate
						: ownTemplate;
			const shopper = rng.pick(shoppers);
			const reviewer = rng.pick(managers);
			makeAudit(rng, batch, {
				org,
				now,
				timeIn: Math.max(historyStart, timeIn),
				location,
				template,
				historyStart,
				span,
				shopperId: shopper.id as string,
				reviewerId: reviewer.id as string,
				states: summary.states
			});
		}
		await db.transaction().execute(async (trx) => {
			await insertChunked(trx, 'assignments', batch.assignments);
			await insertChunked(trx, 'audits', batch.audits);
			await insertChunked(trx, 'report_jobs', batch.reportJobs);
			await insertChunked(trx, 'audit_events', batch.events);
			await insertChunked(trx, 'review_comments', batch.comments);
		});
		summary.counts.assignments += batch.assignments.length;
		summary.counts.audits += batch.audits.length;
		summary.counts.reportJobs += batch.reportJobs.length;
		summary.counts.auditEvents += batch.events.length;
		summary.counts.reviewComments += batch.comments.length;
		summary.rows +=
			batch.assignments.length +
			batch.audits.length +
			batch.reportJobs.length +
			batch.events.length +
			batch.comments.length;
		options.onProgress?.(to, auditCount);
	}

	// Open visits still to walk: one or two per shopper in the coming days, as a planner leaves them.
	const open: Insertable<Database['assignments']>[] = [];
	for (const shopper of shoppers) {
		for (let k = 0; k < 2; k++) {
			const location = rng.pick(locations);
			const template = location.kind === 'competitor' ? competitorTemplate : ownTemplate;
			const start = now + rng.int(-1, 10) * DAY_MS;
			const planned = now - rng.int(1, 72) * HOUR_MS;
			open.push(
				assignmentRow(rng, org, template, location, shopper.id as string, start, 'open', planned)
			);
		}
	}
	await db.transaction().execute((trx) => insertChunked(trx, 'assignments', open));
	summary.counts.assignments += open.length;
	summary.rows += open.length;
	summary.counts.users = users.length;
	summary.ms = performance.now() - started;
	return summary;
}

interface Batch {
	assignments: Insertable<Database['assignments']>[];
	audits: Insertable<Database['audits']>[];
	reportJobs: Insertable<Database['report_jobs']>[];
	events: Insertable<Database['audit_events']>[];
	comments: Insertable<Database['review_comments']>[];
}

/** The review state an audit of this age ends in: the newest are still in review. */
function pickState(rng: Random, ageDays: number): SeededState {
	const r = rng.next();
	if (ageDays < 3) {
		return r < 0.25 ? 'draft' : r < 0.8 ? 'submitted' : r < 0.9 ? 'returned' : 'resubmitted';
	}
	if (ageDays < 21) {
		return r < 0.04
			? 'draft'
			: r < 0.3
				? 'submitted'
				: r < 0.38
					? 'returned'
					: r < 0.46
						? 'resubmitted'
						: 'approved';
	}
	return r < 0.02 ? 'submitted' : r < 0.03 ? 'returned' : r < 0.04 ? 'resubmitted' : 'approved';
}

function assignmentRow(
	rng: Random,
	org: string,
	template: JourneyTemplate,
	location: Location,
	shopperId: string,
	windowStart: number,
	status: 'open' | 'done',
	/** When it was planned or last changed; never after the seed's `now`. */
	updatedAt: number
): Insertable<Database['assignments']> {
	return {
		id: rng.uuid(windowStart),
		organisation_id: org,
		template_id: template.id,
		template_version: template.version,
		location_id: location.id,
		shopper_id: shopperId,
		window_start: windowStart,
		window_end: windowStart + 7 * DAY_MS,
		brief: JSON.stringify({
			en: `Visit ${location.name} and walk the ${template.name.en.toLowerCase()}.`,
			da: `Besøg ${location.name} og gennemfør besøget.`,
			nb: `Besøk ${location.name} og gjennomfør besøket.`,
			pl: `Odwiedź ${location.name} i przejdź wizytę.`
		}),
		status,
		updated_at: updatedAt
	};
}

function makeAudit(
	rng: Random,
	batch: Batch,
	a: {
		org: string;
		now: number;
		timeIn: number;
		location: SeedLocation;
		template: JourneyTemplate;
		historyStart: number;
		span: number;
		shopperId: string;
		reviewerId: string;
		states: Record<SeededState, number>;
	}
): void {
	const ageDays = (a.now - a.timeIn) / DAY_MS;
	const state = pickState(rng, ageDays);
	a.states[state]++;
	const id = rng.uuid();
	const windowStart = Math.floor(a.timeIn / DAY_MS) * DAY_MS - rng.int(0, 4) * DAY_MS;
	const assignment = assignmentRow(
		rng,
		a.org,
		a.template,
		a.location,
		a.shopperId,
		windowStart,
		state === 'draft' ? 'open' : 'done',
		windowStart
	);
	batch.assignments.push(assignment);

	const progress = (a.timeIn - a.historyStart) / a.span;
	const quality = a.location.quality + a.location.trend * progress + rng.normal() * 0.04;
	const draft = state === 'draft';
	// A draft is walked part of the way; a handed-in audit is complete.
	const stagesWalked = draft ? rng.int(1, a.template.stages.length) : a.template.stages.length;
	const answers: Answer[] = [];
	const notes: CheckpointNote[] = [];
	const values = new Map<string, AnswerValue>();
	const visible = new Set<string>();
	const stageTimeMs: Record<string, number> = {};
	let clock = a.timeIn;
	for (const [index, stage] of a.template.stages.entries()) {
		if (index >= stagesWalked) break;
		const stageMs = rng.int(40, 420) * 1000;
		stageTimeMs[stage.id] = stageMs;
		const q = quality + (a.location.stageOffset[stage.id] ?? 0);
		for (const checkpoint of stage.checkpoints) {
			if (!isCheckpointVisible(checkpoint, values, visible)) continue;
			visible.add(checkpoint.id);
			if (!checkpoint.required && rng.chance(0.12)) continue;
			const value = answerFor(rng, checkpoint, q, clock);
			if (value === undefined || !isAnswerValid(checkpoint.response, value)) continue;
			values.set(checkpoint.id, value);
			const answeredAt = clock + rng.int(5, 60) * 1000;
			answers.push({ checkpointId: checkpoint.id, value, answeredAt });
			const negative = isNegativeAnswer(checkpoint.response, value);
			if ((negative && checkpoint.evidence.noteOnNegative) || rng.chance(0.04)) {
				notes.push({ checkpointId: checkpoint.id, text: rng.pick(NOTES), updatedAt: answeredAt });
			}
		}
		clock += stageMs;
	}
	const timeOut = draft ? null : clock;
	const locale = pickLocale(rng);
	const content: AuditContent = {
		locale,
		location: {
			id: a.location.id,
			name: a.location.name,
			kind: a.location.kind,
			brand: a.location.brand,
			address: a.location.address,
			region: a.location.region
		},
		timeIn: a.timeIn,
		timeOut,
		stageTimeMs,
		narrative: draft ? '' : rng.pick(NARRATIVES),
		answers,
		notes
	};
	const score = scoreAudit(a.template, values);
	const receivedAt = Math.min(a.now, (timeOut ?? clock) + rng.int(1, 90) * 60 * 1000);

	// The trail: submitted → (returned → resubmitted)* → approved, each step a report version.
	const steps: { kind: 'submitted' | 'returned' | 'resubmitted' | 'approved'; at: number }[] = [];
	let revision = rng.int(3, 12);
	if (!draft) {
		let at = receivedAt;
		const hop = () => (at = Math.min(a.now, at + rng.int(2, 48) * HOUR_MS));
		steps.push({ kind: 'submitted', at });
		const rounds = state === 'returned' || state === 'resubmitted' ? 1 : rng.chance(0.08) ? 1 : 0;
		for (let round = 0; round < rounds; round++) {
			steps.push({ kind: 'returned', at: hop() });
			if (state === 'returned') break;
			steps.push({ kind: 'resubmitted', at: hop() });
			revision += rng.int(1, 3);
		}
		if (state === 'approved') steps.push({ kind: 'approved', at: hop() });
	}
	const last = steps[steps.length - 1];
	// Handing the audit in marks its visit done (see completeAssignment).
	if (steps[0]) assignment.updated_at = steps[0].at;
	batch.audits.push({
		id,
		organisation_id: a.org,
		shopper_id: a.shopperId,
		assignment_id: assignment.id,
		template_id: a.template.id,
		template_version: a.template.version,
		location_id: a.location.id,
		location_kind: a.location.kind,
		revision,
		state,
		content: JSON.stringify(content),
		score: encodeStoredScore(score),
		total_percent: score.totalPercent,
		received_at: receivedAt,
		updated_at: last?.at ?? receivedAt,
		submitted_at:
			steps.findLast((s) => s.kind === 'submitted' || s.kind === 'resubmitted')?.at ?? null
	});
	let round = 0;
	for (const [index, step] of steps.entries()) {
		const reviewStep = step.kind === 'returned' || step.kind === 'approved';
		batch.events.push({
			id: rng.uuid(step.at),
			organisation_id: a.org,
			audit_id: id,
			actor_id: reviewStep ? a.reviewerId : a.shopperId,
			kind: step.kind,
			revision,
			details: JSON.stringify(
				step.kind === 'submitted' || step.kind === 'resubmitted'
					? { totalPercent: score.totalPercent }
					: {}
			),
			created_at: step.at
		});
		if (step.kind === 'returned') {
			round++;
			const negatives = score.stages
				.flatMap((s) => s.checkpoints)
				.filter((c) => c.negative)
				.map((c) => c.checkpointId);
			const count = rng.int(1, 2);
			for (let c = 0; c < count; c++) {
				batch.comments.push({
					id: rng.uuid(step.at),
					audit_id: id,
					organisation_id: a.org,
					checkpoint_id: negatives.length && c === 0 ? rng.pick(negatives) : null,
					author_id: a.reviewerId,
					body: rng.pick(COMMENTS),
					created_at: step.at,
					round
				});
			}
		}
		const version = index + 1;
		const readyAt = Math.min(a.now, step.at + rng.int(5, 90) * 1000);
		batch.reportJobs.push({
			id: rng.uuid(step.at),
			organisation_id: a.org,
			audit_id: id,
			version,
			state: 'ready',
			attempts: 1,
			last_error: null,
			run_after: step.at,
			locked_by: null,
			locked_until: null,
			file: reportFileName(a.org, id, version),
			created_at: step.at,
			updated_at: readyAt,
			audit_revision: revision,
			review_state: step.kind,
			snapshot: null
		});
		batch.events.push({
			id: rng.uuid(readyAt),
			organisation_id: a.org,
			audit_id: id,
			actor_id: null,
			kind: 'report_ready',
			revision,
			details: JSON.stringify({ version }),
			created_at: readyAt
		});
	}
}

function pickLocale(rng: Random): Locale {
	let r = rng.next();
	for (const [locale, weight] of LOCALE_WEIGHTS) {
		if ((r -= weight) < 0) return locale;
	}
	return 'en';
}

/** An answer a shopper of a store of quality `q` (0..1, the chance of a good answer) gives. */
function answerFor(
	rng: Random,
	checkpoint: Checkpoint,
	q: number,
	clock: number
): AnswerValue | undefined {
	const spec: ResponseSpec = checkpoint.response;
	const good = rng.chance(q);
	switch (spec.type) {
		case 'yes_no':
			return good ? 'yes' : 'no';
		case 'yes_no_na':
			return rng.chance(0.07) ? 'na' : good ? 'yes' : 'no';
		case 'scale':
			return Math.min(5, Math.max(1, Math.round(1 + 4 * q + rng.normal() * 0.9)));
		case 'single_choice': {
			const sorted = [...spec.options].sort((x, y) => y.score - x.score);
			return good ? sorted[0]!.id : rng.pick(spec.options).id;
		}
		case 'multiple_choice': {
			const chosen = spec.options
				.filter((o) => (o.score > 0 ? rng.chance(q) : rng.chance(1 - q)))
				.map((o) => o.id);
			return chosen.length ? chosen : [rng.pick(spec.options).id];
		}
		case 'number': {
			const lo = spec.pass?.min ?? spec.min ?? 0;
			const hi = spec.pass?.max ?? spec.max ?? lo + 10;
			const inside = lo + Math.round(rng.next() * (hi - lo));
			const outside = spec.pass?.max !== undefined ? spec.pass.max + rng.int(1, 10) : lo - 1;
			const value = good || spec.pass === undefined ? inside : outside;
			return Math.min(spec.max ?? value, Math.max(spec.min ?? value, value));
		}
		case 'text':
			return rng.pick(NOTES);
		case 'time': {
			const d = new Date(clock + rng.int(0, 5) * 60 * 1000);
			return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
		}
		default:
			return undefined;
	}
}

/** Most bound parameters one statement carries: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;

/** Multi-row inserts of `rows`, as many rows a statement as the parameter limit allows. */
async function insertChunked<T extends keyof Database>(
	db: Db,
	table: T,
	rows: readonly Insertable<Database[T]>[]
): Promise<void> {
	if (rows.length === 0) return;
	const columns = Object.keys(rows[0]!).length;
	const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
	for (let i = 0; i < rows.length; i += perStatement) {
		const chunk = rows.slice(i, i + perStatement) as Insertable<Database[keyof Database]>[];
		await db
			.insertInto(table)
			.values(chunk as never)
			.execute();
	}
}
