import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import {
	checkpoint,
	MINUTES,
	multipleChoice,
	numberInput,
	option,
	scale,
	singleChoice,
	t,
	text,
	time,
	yesNo,
	yesNoNa
} from '$lib/domain/builtin-templates/builders';
import {
	buildReportModel,
	type ReportAuditContent,
	type ReportModel,
	type ReportPhotoInput
} from '$lib/domain/report-model';
import { scoreAudit } from '$lib/domain/scoring';
import type { AnswerValue, Checkpoint, JourneyTemplate, ResponseSpec } from '$lib/domain/types';
import type { PhotoStore } from '../../files/photo-store';
import { FIXTURE_PHOTOS_DIR } from '../../testing/complete-audit';

/** The customer-service articles in Danish, Norwegian and Polish (see shared/domain). */
const ARTICLES_DIR = resolve(FIXTURE_PHOTOS_DIR, '../../domain/source-articles');
/** Letters the notes must carry through to the PDF text. */
export const NATIONAL_LETTERS = [...'æøåąęłńóśźż'];

const STAGE_NAMES: [string, string][] = [
	['Arrival and store environment', 'Ankomst og butiksmiljø'],
	['Greeting and attention', 'Modtagelse og opmærksomhed'],
	['Needs discovery', 'Afdækning af behov'],
	['Advice and product knowledge', 'Rådgivning og produktkendskab'],
	['Personal touch', 'Personligt præg'],
	['Objection and complaint handling', 'Indvendinger og klagebehandling'],
	['Proactive offers', 'Proaktive tilbud'],
	['Checkout', 'Kassen og betaling'],
	['Farewell and follow-up', 'Afsked og opfølgning'],
	['Overall impression', 'Samlet indtryk']
];
const TOPICS: [string, string][] = [
	[
		'the staff member greet you within two minutes of entering the department',
		'medarbejderen hilste på dig inden for to minutter, efter du kom ind i afdelingen'
	],
	[
		'the shelves look tidy, full and clearly priced',
		'hylderne så ryddelige, fyldte og tydeligt prismærkede ud'
	],
	[
		'the advisor ask open questions about how you would use the product',
		'rådgiveren stillede åbne spørgsmål om, hvordan du ville bruge produktet'
	],
	[
		'the advisor explain the warranty and the right of return without being asked',
		'rådgiveren forklarede garantien og returretten uden at blive spurgt'
	],
	[
		'the staff member pick up on a personal cue and respond to it',
		'medarbejderen opfangede et personligt signal og reagerede på det'
	],
	[
		'the employee resolve the complaint without asking a superior',
		'medarbejderen løste klagen uden at spørge en overordnet'
	],
	[
		'the advisor suggest a relevant accessory or service before you asked',
		'rådgiveren foreslog et relevant tilbehør eller en service, før du spurgte'
	],
	[
		'the queue at the checkout stay short and move quickly',
		'køen ved kassen forblev kort og bevægede sig hurtigt'
	],
	[
		'the staff member thank you and invite you to come back',
		'medarbejderen takkede dig og inviterede dig til at komme igen'
	],
	[
		'the visit exceed what you expected from the store',
		'besøget overgik, hvad du forventede af butikken'
	]
];
const CHOICES = [
	option('excellent', 1, t('Excellent', 'Fremragende')),
	option('good', 0.7, t('Good', 'God')),
	option('weak', 0.3, t('Weak', 'Svag')),
	option('missing', 0, t('Missing', 'Mangler'))
];
const RESPONSES: (() => ResponseSpec)[] = [
	yesNo,
	yesNoNa,
	scale,
	() => singleChoice(CHOICES),
	() => multipleChoice(CHOICES),
	() => numberInput({ unit: MINUTES, min: 0, max: 120, pass: { max: 5 } }),
	yesNo,
	text,
	time,
	scale
];

/**
 * A synthetic template of 10 stages × 15 checkpoints (150) using every response type, with
 * weights 1–3, critical checkpoints and long, unique Danish prompts.
 */
export function largeTemplate(): JourneyTemplate {
	return {
		id: 'large-test',
		version: 7,
		name: t('Large store visit', 'Stort butiksbesøg'),
		locationKind: 'any',
		criticalFailCap: 60,
		stages: STAGE_NAMES.map(([en, da], s) => ({
			id: `stage-${s + 1}`,
			title: t(en, da),
			weight: 1 + (s % 3),
			checkpoints: Array.from({ length: 15 }, (_, c): Checkpoint => {
				const [topicEn, topicDa] = TOPICS[(s + c) % TOPICS.length] as [string, string];
				const response = (RESPONSES[c % RESPONSES.length] as () => ResponseSpec)();
				const id = `s${s + 1}.c${c + 1}`;
				return checkpoint({
					id,
					prompt: t(
						`${s + 1}.${c + 1} Did ${topicEn} (observation ${id})?`,
						`${s + 1}.${c + 1} Vurdér, om ${topicDa} (observation ${id}).`
					),
					response,
					weight: ['text', 'time'].includes(response.type) ? 0 : 1 + (c % 3),
					critical: c === 3 && s % 4 === 0,
					photo: 'optional'
				});
			})
		}))
	};
}

/** Sentences of the source articles, at most `max` characters, without web addresses. */
export function articleSentences(max = 260): string[] {
	return readdirSync(ARTICLES_DIR)
		.sort()
		.flatMap((name) =>
			readFileSync(join(ARTICLES_DIR, name), 'utf8')
				.replace(/\s+/g, ' ')
				.split(/(?<=[.!?])\s+/)
		)
		.map((sentence) => sentence.trim())
		.filter((s) => s.length >= 40 && s.length <= max && !s.includes('http'));
}

/** Notes that together carry every national letter, Danish, Norwegian and Polish mixed. */
export function pickNotes(count: number): string[] {
	const sentences = articleSentences();
	const picked: string[] = [];
	for (const letter of NATIONAL_LETTERS) {
		if (picked.some((note) => note.includes(letter))) continue;
		const found = sentences.find((sentence) => sentence.includes(letter));
		// ź appears in the Polish article only in its source line; a short phrase around it does.
		picked.push(found ?? `Sprawdzone źródło: ${sentences.find((s) => s.includes('ł')) ?? ''}`);
	}
	const withLetters = sentences.filter((s) => NATIONAL_LETTERS.some((l) => s.includes(l)));
	for (let index = 0; picked.length < count && index < withLetters.length; index += 7) {
		const sentence = withLetters[index] as string;
		if (!picked.includes(sentence)) picked.push(sentence);
	}
	return picked;
}

/** A mixed answer: mostly good, every fifth negative, some partial and n.a. */
function answerFor(spec: ResponseSpec, index: number): AnswerValue {
	const negative = index % 5 === 3;
	switch (spec.type) {
		case 'yes_no':
			return negative ? 'no' : 'yes';
		case 'yes_no_na':
			return index % 7 === 0 ? 'na' : negative ? 'no' : 'yes';
		case 'scale':
			return negative ? 2 : 3 + (index % 3);
		case 'single_choice':
			return negative ? 'missing' : index % 2 === 0 ? 'excellent' : 'good';
		case 'multiple_choice':
			return negative ? ['missing'] : ['excellent', 'good'];
		case 'number':
			return negative ? 12 : 3;
		case 'text':
			return 'Rådgiveren var venlig, men skulle slå garantien op.';
		case 'time':
			return `10:${String(index % 60).padStart(2, '0')}`;
	}
}

/** Every checkpoint of `template` answered (every fifth negatively), with `notes` spread over them. */
export function largeContent(template: JourneyTemplate, notes: string[]): ReportAuditContent {
	const checkpoints = template.stages.flatMap((stage) => stage.checkpoints);
	const timeIn = Date.UTC(2025, 9, 9, 8, 0);
	return {
		answers: checkpoints.map((cp, index) => ({
			checkpointId: cp.id,
			value: answerFor(cp.response, index)
		})),
		notes: notes.map((note, index) => ({
			checkpointId: (checkpoints[(index * 7 + 3) % checkpoints.length] as Checkpoint).id,
			text: note
		})),
		narrative: notes.slice(0, 3).join(' '),
		timeIn,
		timeOut: timeIn + 62 * 60_000,
		stageTimeMs: Object.fromEntries(
			template.stages.map((stage, s) => [stage.id, 90_000 + s * 30_000])
		),
		location: {
			id: 'loc-1',
			name: 'Elgiganten Fields',
			kind: 'competitor',
			brand: 'Elgiganten',
			address: 'Arne Jacobsens Allé 12, 2300 København S',
			region: 'Hovedstaden'
		},
		locale: 'da'
	};
}

const FIXTURES = ['shelf-12mp-rot6.jpg', 'checkout-portrait.jpg', 'receipt.jpg'];

/**
 * `count` distinct device-like photos (upright, long edge 2048 px, no metadata) written to the
 * store: one receipt, three general photos, the rest on checkpoints spread over every stage.
 */
export async function writeLargePhotos(
	store: PhotoStore,
	key: { organisationId: string; auditId: string },
	template: JourneyTemplate,
	count: number
): Promise<ReportPhotoInput[]> {
	const bases = await Promise.all(
		FIXTURES.map((name) =>
			sharp(join(FIXTURE_PHOTOS_DIR, name))
				.rotate()
				.resize(2048, 2048, { fit: 'inside', withoutEnlargement: true })
				.jpeg({ quality: 85 })
				.toBuffer()
		)
	);
	const checkpoints = template.stages.flatMap((stage) => stage.checkpoints);
	const photos: ReportPhotoInput[] = [];
	for (let index = 0; index < count; index++) {
		const kind = index === 0 ? 'receipt' : index <= 3 ? 'general' : 'checkpoint';
		const base = kind === 'receipt' ? bases[2] : bases[index % 2];
		// Slightly different brightness and quality make each file distinct, as real photos are.
		const bytes = await sharp(base)
			.modulate({ brightness: 0.95 + (index % 10) / 100 })
			.jpeg({ quality: 80 + (index % 10) })
			.toBuffer();
		const id = randomUUID();
		await store.put({ ...key, photoId: id }, bytes);
		const target = checkpoints[(index * 37) % checkpoints.length] as Checkpoint;
		photos.push({
			id,
			checkpointId: kind === 'checkpoint' ? target.id : null,
			kind,
			caption: kind === 'receipt' ? 'Kvittering' : `Billede ${index + 1} – hylde og skiltning`,
			capturedAt: Date.UTC(2025, 9, 9, 8, 5) + index * 45_000
		});
	}
	return photos;
}

/** The Danish report model of a large audit, scored by the domain code, as Elkæden's Shopper 17. */
export function largeReportModel(
	template: JourneyTemplate,
	content: ReportAuditContent,
	photos: ReportPhotoInput[]
): ReportModel {
	return buildReportModel({
		template,
		content,
		score: scoreAudit(
			template,
			new Map(content.answers.map((answer) => [answer.checkpointId, answer.value]))
		),
		photos,
		organisationName: 'Elkæden A/S',
		shopperPseudonym: 'Shopper 17',
		reportLocale: 'da',
		generatedAt: Date.UTC(2025, 9, 10, 12, 0)
	});
}
