import { isNegativeAnswer } from './answer-rules';
import type { PresenceOutcome } from './presence';
import {
	buildReportInsights,
	type ReportInsights,
	type ReportInsightsInput
} from './report-insights';
import { roundPercent } from './scoring';
import { localize } from './text';
import type {
	AnswerValue,
	AuditScore,
	Checkpoint,
	CheckpointScore,
	JourneyTemplate,
	Locale,
	Location,
	ResponseSpec
} from './types';

/**
 * The PDF report of one audit as plain, already-translated data: the renderer only lays it out.
 * Pure: no I/O and no clock (`generatedAt` is passed in). Only visible checkpoints appear.
 */

/** The report's own words (not the template's), one set per language. */
export interface ReportLabels {
	reportTitle: string;
	organisation: string;
	location: string;
	address: string;
	competitorStore: string;
	ownStore: string;
	date: string;
	timeIn: string;
	timeOut: string;
	duration: string;
	template: string;
	version: string;
	shopper: string;
	generatedAt: string;
	/** The review state line on the cover. */
	reviewState: string;
	/** `{version}` is replaced. */
	reportVersion: string;
	reviewSubmitted: string;
	reviewReturned: string;
	reviewResubmitted: string;
	reviewApproved: string;
	summary: string;
	totalScore: string;
	/** `{cap}` and `{uncapped}` are replaced. */
	cappedNote: string;
	stageScores: string;
	criticalFailures: string;
	noCriticalFailures: string;
	wentWell: string;
	wentWrong: string;
	nothingToReport: string;
	/** `{count}` is replaced. */
	moreInStages: string;
	checkpoint: string;
	answer: string;
	points: string;
	note: string;
	critical: string;
	photos: string;
	photo: string;
	capturedAt: string;
	timeSpent: string;
	narrative: string;
	receipt: string;
	otherPhotos: string;
	yes: string;
	no: string;
	notApplicable: string;
	notAnswered: string;
	notScored: string;
	hoursShort: string;
	minutesShort: string;
	/** `{page}` and `{pages}` are replaced by the renderer. */
	pageOf: string;
	/** The presence check line on the cover. */
	presence: string;
	presenceWithin: string;
	presenceOutside: string;
	presenceUnavailable: string;
	/** `{band}` is replaced by one of the accuracy bands. */
	presenceAccuracy: string;
	accuracyLe50: string;
	accuracyLe200: string;
	accuracyGt200: string;
	verificationCode: string;
	/** `{url}` is replaced by the verify page's address. */
	verifyHint: string;
}

const LABELS: Record<Locale, ReportLabels> = {
	en: {
		reportTitle: 'Mystery shopping report',
		organisation: 'Organisation',
		location: 'Location',
		address: 'Address',
		competitorStore: 'Competitor',
		ownStore: 'Own store',
		date: 'Date',
		timeIn: 'Time in',
		timeOut: 'Time out',
		duration: 'Duration',
		template: 'Template',
		version: 'version',
		shopper: 'Shopper',
		generatedAt: 'Report generated',
		reviewState: 'Review',
		reportVersion: 'Report version {version}',
		reviewSubmitted: 'Submitted, awaiting review',
		reviewReturned: 'Returned to the shopper',
		reviewResubmitted: 'Resubmitted, awaiting review',
		reviewApproved: 'Approved',
		summary: 'Summary',
		totalScore: 'Total score',
		cappedNote:
			'Capped at {cap} because a critical checkpoint failed (without the cap: {uncapped}).',
		stageScores: 'Score by stage',
		criticalFailures: 'Critical failures',
		noCriticalFailures: 'No critical checkpoint failed.',
		wentWell: 'Went well',
		wentWrong: 'Went wrong',
		nothingToReport: 'Nothing to report.',
		moreInStages: '… and {count} more in the stage pages.',
		checkpoint: 'Checkpoint',
		answer: 'Answer',
		points: 'Points',
		note: 'Note',
		critical: 'Critical',
		photos: 'Photos',
		photo: 'Photo',
		capturedAt: 'Taken',
		timeSpent: 'Time spent',
		narrative: 'Overall impression',
		receipt: 'Receipt',
		otherPhotos: 'Other photos',
		yes: 'Yes',
		no: 'No',
		notApplicable: 'N/A',
		notAnswered: 'Not answered',
		notScored: 'not scored',
		hoursShort: 'h',
		minutesShort: 'min',
		pageOf: 'Page {page} of {pages}',
		presence: 'Presence at time-in',
		presenceWithin: 'Within the store’s radius',
		presenceOutside: 'Outside the store’s radius',
		presenceUnavailable: 'Position unavailable',
		presenceAccuracy: 'accuracy {band}',
		accuracyLe50: '≤\u00a050\u00a0m',
		accuracyLe200: '≤\u00a0200\u00a0m',
		accuracyGt200: '>\u00a0200\u00a0m',
		verificationCode: 'Verification code',
		verifyHint:
			'Check that this report is genuine and the latest version at {url}, or scan the code.'
	},
	da: {
		reportTitle: 'Mystery shopping-rapport',
		organisation: 'Organisation',
		location: 'Butik',
		address: 'Adresse',
		competitorStore: 'Konkurrent',
		ownStore: 'Egen butik',
		date: 'Dato',
		timeIn: 'Ankomst',
		timeOut: 'Afgang',
		duration: 'Varighed',
		template: 'Skabelon',
		version: 'version',
		shopper: 'Mystery shopper',
		generatedAt: 'Rapport dannet',
		reviewState: 'Gennemgang',
		reportVersion: 'Rapportversion {version}',
		reviewSubmitted: 'Indsendt, afventer gennemgang',
		reviewReturned: 'Sendt tilbage til shopperen',
		reviewResubmitted: 'Indsendt igen, afventer gennemgang',
		reviewApproved: 'Godkendt',
		summary: 'Resumé',
		totalScore: 'Samlet score',
		cappedNote:
			'Begrænset til {cap}, fordi et kritisk kontrolpunkt fejlede (uden begrænsning: {uncapped}).',
		stageScores: 'Score pr. fase',
		criticalFailures: 'Kritiske fejl',
		noCriticalFailures: 'Intet kritisk kontrolpunkt fejlede.',
		wentWell: 'Gik godt',
		wentWrong: 'Gik galt',
		nothingToReport: 'Intet at bemærke.',
		moreInStages: '… og {count} mere på fasesiderne.',
		checkpoint: 'Kontrolpunkt',
		answer: 'Svar',
		points: 'Point',
		note: 'Note',
		critical: 'Kritisk',
		photos: 'Fotos',
		photo: 'Foto',
		capturedAt: 'Taget',
		timeSpent: 'Tidsforbrug',
		narrative: 'Samlet indtryk',
		receipt: 'Kvittering',
		otherPhotos: 'Andre fotos',
		yes: 'Ja',
		no: 'Nej',
		notApplicable: 'Ikke relevant',
		notAnswered: 'Ikke besvaret',
		notScored: 'ikke pointgivende',
		hoursShort: 't',
		minutesShort: 'min',
		pageOf: 'Side {page} af {pages}',
		presence: 'Tilstedeværelse ved ankomst',
		presenceWithin: 'Inden for butikkens radius',
		presenceOutside: 'Uden for butikkens radius',
		presenceUnavailable: 'Position ikke tilgængelig',
		presenceAccuracy: 'nøjagtighed {band}',
		accuracyLe50: '≤\u00a050\u00a0m',
		accuracyLe200: '≤\u00a0200\u00a0m',
		accuracyGt200: '>\u00a0200\u00a0m',
		verificationCode: 'Verifikationskode',
		verifyHint: 'Kontrollér at rapporten er ægte og den nyeste version på {url}, eller scan koden.'
	},
	nb: {
		reportTitle: 'Mystery shopping-rapport',
		organisation: 'Organisasjon',
		location: 'Butikk',
		address: 'Adresse',
		competitorStore: 'Konkurrent',
		ownStore: 'Egen butikk',
		date: 'Dato',
		timeIn: 'Ankomst',
		timeOut: 'Avreise',
		duration: 'Varighet',
		template: 'Mal',
		version: 'versjon',
		shopper: 'Mystery shopper',
		generatedAt: 'Rapport laget',
		reviewState: 'Gjennomgang',
		reportVersion: 'Rapportversjon {version}',
		reviewSubmitted: 'Sendt inn, venter på gjennomgang',
		reviewReturned: 'Sendt tilbake til testkunden',
		reviewResubmitted: 'Sendt inn på nytt, venter på gjennomgang',
		reviewApproved: 'Godkjent',
		summary: 'Sammendrag',
		totalScore: 'Samlet poengsum',
		cappedNote:
			'Begrenset til {cap} fordi et kritisk kontrollpunkt feilet (uten begrensning: {uncapped}).',
		stageScores: 'Poengsum per fase',
		criticalFailures: 'Kritiske feil',
		noCriticalFailures: 'Ingen kritiske kontrollpunkter feilet.',
		wentWell: 'Gikk bra',
		wentWrong: 'Gikk galt',
		nothingToReport: 'Ingenting å melde.',
		moreInStages: '… og {count} til på fasesidene.',
		checkpoint: 'Kontrollpunkt',
		answer: 'Svar',
		points: 'Poeng',
		note: 'Notat',
		critical: 'Kritisk',
		photos: 'Bilder',
		photo: 'Bilde',
		capturedAt: 'Tatt',
		timeSpent: 'Tidsbruk',
		narrative: 'Helhetsinntrykk',
		receipt: 'Kvittering',
		otherPhotos: 'Andre bilder',
		yes: 'Ja',
		no: 'Nei',
		notApplicable: 'Ikke relevant',
		notAnswered: 'Ikke besvart',
		notScored: 'gir ikke poeng',
		hoursShort: 't',
		minutesShort: 'min',
		pageOf: 'Side {page} av {pages}',
		presence: 'Tilstedeværelse ved ankomst',
		presenceWithin: 'Innenfor butikkens radius',
		presenceOutside: 'Utenfor butikkens radius',
		presenceUnavailable: 'Posisjon ikke tilgjengelig',
		presenceAccuracy: 'nøyaktighet {band}',
		accuracyLe50: '≤\u00a050\u00a0m',
		accuracyLe200: '≤\u00a0200\u00a0m',
		accuracyGt200: '>\u00a0200\u00a0m',
		verificationCode: 'Verifiseringskode',
		verifyHint:
			'Kontroller at rapporten er ekte og den nyeste versjonen på {url}, eller skann koden.'
	},
	pl: {
		reportTitle: 'Raport z wizyty tajemniczego klienta',
		organisation: 'Organizacja',
		location: 'Sklep',
		address: 'Adres',
		competitorStore: 'Konkurencja',
		ownStore: 'Własny sklep',
		date: 'Data',
		timeIn: 'Wejście',
		timeOut: 'Wyjście',
		duration: 'Czas trwania',
		template: 'Szablon',
		version: 'wersja',
		shopper: 'Tajemniczy klient',
		generatedAt: 'Raport utworzony',
		reviewState: 'Weryfikacja',
		reportVersion: 'Wersja raportu {version}',
		reviewSubmitted: 'Przesłany, czeka na weryfikację',
		reviewReturned: 'Zwrócony audytorowi',
		reviewResubmitted: 'Przesłany ponownie, czeka na weryfikację',
		reviewApproved: 'Zatwierdzony',
		summary: 'Podsumowanie',
		totalScore: 'Wynik łączny',
		cappedNote:
			'Ograniczony do {cap}, ponieważ krytyczny punkt kontrolny nie został spełniony (bez ograniczenia: {uncapped}).',
		stageScores: 'Wynik według etapu',
		criticalFailures: 'Błędy krytyczne',
		noCriticalFailures: 'Żaden krytyczny punkt kontrolny nie został niespełniony.',
		wentWell: 'Co poszło dobrze',
		wentWrong: 'Co poszło źle',
		nothingToReport: 'Brak uwag.',
		moreInStages: '… i {count} więcej na stronach etapów.',
		checkpoint: 'Punkt kontrolny',
		answer: 'Odpowiedź',
		points: 'Punkty',
		note: 'Notatka',
		critical: 'Krytyczny',
		photos: 'Zdjęcia',
		photo: 'Zdjęcie',
		capturedAt: 'Wykonane',
		timeSpent: 'Czas',
		narrative: 'Ogólne wrażenie',
		receipt: 'Paragon',
		otherPhotos: 'Inne zdjęcia',
		yes: 'Tak',
		no: 'Nie',
		notApplicable: 'Nie dotyczy',
		notAnswered: 'Brak odpowiedzi',
		notScored: 'bez punktów',
		hoursShort: 'godz.',
		minutesShort: 'min',
		pageOf: 'Strona {page} z {pages}',
		presence: 'Obecność przy wejściu',
		presenceWithin: 'W promieniu sklepu',
		presenceOutside: 'Poza promieniem sklepu',
		presenceUnavailable: 'Położenie niedostępne',
		presenceAccuracy: 'dokładność {band}',
		accuracyLe50: '≤\u00a050\u00a0m',
		accuracyLe200: '≤\u00a0200\u00a0m',
		accuracyGt200: '>\u00a0200\u00a0m',
		verificationCode: 'Kod weryfikacyjny',
		verifyHint: 'Sprawdź, czy raport jest autentyczny i najnowszy, na {url} lub zeskanuj kod.'
	}
};

const INTL_LOCALE: Record<Locale, string> = {
	en: 'en-GB',
	da: 'da-DK',
	nb: 'nb-NO',
	pl: 'pl-PL'
};

/** A checkpoint of at least this weight (or a critical one) is "high-weight" for "went well". */
export const HIGH_WEIGHT = 2;
/** A stage at or above this percentage is listed under "went well". */
export const GOOD_STAGE_PERCENT = 80;
/** At most this many lines under "went well" and under "went wrong"; the stages show all. */
export const MAX_HIGHLIGHTS = 12;
/** The share of the points a positive (not merely non-negative) answer earns. */
const POSITIVE_FRACTION = 0.75;

/** The report's own words in `locale`. */
export function reportLabels(locale: Locale): ReportLabels {
	return LABELS[locale];
}

/** The audit content the report needs (the shape stored for a received audit). */
export interface ReportAuditContent {
	answers: { checkpointId: string; value: AnswerValue }[];
	notes: { checkpointId: string; text: string }[];
	narrative: string;
	timeIn: number;
	timeOut: number | null;
	stageTimeMs: Record<string, number>;
	location: Location;
	/** The shopper's language; the report may be in another. */
	locale: Locale;
	/** The presence check's outcome at time-in, when one was made. */
	presence?: PresenceOutcome | null;
}

export interface ReportPhotoInput {
	id: string;
	checkpointId: string | null;
	kind: 'checkpoint' | 'receipt' | 'general';
	caption: string;
	capturedAt: number;
}

export interface ReportInput {
	template: JourneyTemplate;
	content: ReportAuditContent;
	score: AuditScore;
	photos: ReportPhotoInput[];
	organisationName: string;
	shopperPseudonym: string;
	reportLocale: Locale;
	generatedAt: number;
	/** IANA zone for dates and times; default Europe/Copenhagen. */
	timeZone?: string;
	/** The review state and report version this report shows; absent on an unversioned preview. */
	review?: { state: ReportReviewState; version: number };
	/** The seal of this version: its verification code and the verify page's address for it. */
	verification?: { code: string; url: string; pageUrl: string };
	/** This store's recent trend and the competitor comparison; absent when not computed. */
	insights?: ReportInsightsInput;
}

/** The cover's wording of a review state. */
function reviewStateLabel(labels: ReportLabels, state: ReportReviewState): string {
	const byState: Record<ReportReviewState, string> = {
		submitted: labels.reviewSubmitted,
		returned: labels.reviewReturned,
		resubmitted: labels.reviewResubmitted,
		approved: labels.reviewApproved
	};
	return byState[state];
}

/** The review states a report can show (a report is made only once an audit is handed in). */
export type ReportReviewState = 'submitted' | 'returned' | 'resubmitted' | 'approved';

export interface ReportFact {
	label: string;
	value: string;
}

export interface ReportCover {
	title: string;
	organisation: string;
	locationName: string;
	locationAddress: string;
	competitor: boolean;
	date: string;
	timeIn: string;
	timeOut: string | null;
	duration: string | null;
	templateName: string;
	templateVersion: number;
	shopper: string;
	generatedAt: string;
	/** "Approved", "Returned to the shopper", … ; null when the input names no review. */
	reviewState: string | null;
	/** "Report version 2"; null when the input names no review. */
	reportVersion: string | null;
	/** Everything above as label/value pairs, in display order. */
	facts: ReportFact[];
	/** The seal's code, the address the QR code holds and the sentence that explains it. */
	verification: { code: string; url: string; label: string; hint: string } | null;
	/** "Within the store’s radius · accuracy ≤ 50 m"; null when no check was made. */
	presence: string | null;
}

export interface ReportStageBar {
	stageId: string;
	title: string;
	/** Rounded 0..100, or null when nothing in the stage is scored. */
	percent: number | null;
	percentText: string;
}

/** One line under "went well" or "went wrong". */
export interface ReportHighlight {
	kind: 'stage' | 'checkpoint';
	stageTitle: string;
	/** The stage title or the checkpoint prompt. */
	text: string;
	/** The answer, or the stage percentage. */
	detail: string;
	note: string | null;
	critical: boolean;
	/** Ordering weight: the stage percent for stages, the checkpoint weight otherwise. */
	rank: number;
}

export interface ReportSummary {
	totalPercent: number | null;
	totalText: string;
	capped: boolean;
	/** The translated capped explanation, or null. */
	cappedNote: string | null;
	stages: ReportStageBar[];
	criticalFailures: ReportHighlight[];
	/** The most telling lines, at most MAX_HIGHLIGHTS: good stages, then by weight. */
	wentWell: ReportHighlight[];
	/** Lines left out of `wentWell`. */
	wentWellMore: number;
	/** At most MAX_HIGHLIGHTS: critical first, then by weight, then those with a note. */
	wentWrong: ReportHighlight[];
	wentWrongMore: number;
}

/** What the renderer draws next to a checkpoint. */
export type ReportMark = 'full' | 'partial' | 'negative' | 'neutral';

export interface ReportCheckpoint {
	id: string;
	prompt: string;
	/** The answer in the report language, or the "not answered" label. */
	answer: string;
	answered: boolean;
	/** "3 / 4", or null when the checkpoint is not scored. */
	points: string | null;
	mark: ReportMark;
	negative: boolean;
	critical: boolean;
	criticalFailure: boolean;
	note: string | null;
	photoIds: string[];
}

export interface ReportStage {
	id: string;
	title: string;
	percent: number | null;
	percentText: string;
	timeSpent: string | null;
	checkpoints: ReportCheckpoint[];
	/** The stage's checkpoint photos in checkpoint order. */
	photoIds: string[];
}

export interface ReportPhoto {
	id: string;
	/** 1-based, in order of appearance, for "Photo 3". */
	number: number;
	caption: string;
	capturedAt: string;
	/** The prompt of the checkpoint it belongs to, if any. */
	checkpointPrompt: string | null;
}

export interface ReportModel {
	locale: Locale;
	labels: ReportLabels;
	cover: ReportCover;
	summary: ReportSummary;
	stages: ReportStage[];
	narrative: string;
	receiptPhotoIds: string[];
	/** Photos of the whole audit that are not the receipt. */
	otherPhotoIds: string[];
	/** Every photo the report shows, each once, by id. */
	photos: Record<string, ReportPhoto>;
	/** The trend and competitor comparison section, or null. */
	insights: ReportInsights | null;
}

/** Formatting in the report language and time zone. */
interface Formats {
	labels: ReportLabels;
	number: Intl.NumberFormat;
	percent: Intl.NumberFormat;
	date: Intl.DateTimeFormat;
	time: Intl.DateTimeFormat;
	dateTime: Intl.DateTimeFormat;
}

function formatsFor(locale: Locale, timeZone: string): Formats {
	const intl = INTL_LOCALE[locale];
	return {
		labels: LABELS[locale],
		number: new Intl.NumberFormat(intl, { maximumFractionDigits: 2 }),
		percent: new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 1 }),
		date: new Intl.DateTimeFormat(intl, { dateStyle: 'long', timeZone }),
		time: new Intl.DateTimeFormat(intl, {
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23',
			timeZone
		}),
		dateTime: new Intl.DateTimeFormat(intl, {
			dateStyle: 'short',
			timeStyle: 'short',
			hourCycle: 'h23',
			timeZone
		})
	};
}

/** A percentage (0..100) as "82,5 %", or "—" when null. */
function percentText(percent: number | null, formats: Formats): string {
	const rounded = roundPercent(percent);
	return rounded === null ? '—' : formats.percent.format(rounded / 100);
}

/** A span of milliseconds as "1 t 5 min" / "35 min". */
export function formatDuration(ms: number, labels: ReportLabels): string {
	const minutes = Math.max(0, Math.round(ms / 60_000));
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	if (hours === 0) return `${rest} ${labels.minutesShort}`;
	return rest === 0
		? `${hours} ${labels.hoursShort}`
		: `${hours} ${labels.hoursShort} ${rest} ${labels.minutesShort}`;
}

/**
 * A valid or invalid answer as text in the report language: yes/no/n.a. labels, "4 / 5" for a
 * scale, option labels (joined with ", "), numbers with their unit, text and times as given.
 */
export function answerText(spec: ResponseSpec, value: AnswerValue, locale: Locale): string {
	const labels = LABELS[locale];
	switch (spec.type) {
		case 'yes_no':
		case 'yes_no_na':
			if (value === 'yes') return labels.yes;
			if (value === 'no') return labels.no;
			if (value === 'na') return labels.notApplicable;
			break;
		case 'scale':
			if (typeof value === 'number') return `${value} / ${spec.max}`;
			break;
		case 'single_choice':
		case 'multiple_choice': {
			const ids = Array.isArray(value) ? value : [String(value)];
			return ids
				.map((id) => {
					const option = spec.options.find((candidate) => candidate.id === id);
					return option ? localize(option.label, locale) : id;
				})
				.join(', ');
		}
		case 'number':
			if (typeof value === 'number') {
				const number = new Intl.NumberFormat(INTL_LOCALE[locale]).format(value);
				return spec.unit ? `${number} ${localize(spec.unit, locale)}` : number;
			}
			break;
		default:
			break;
	}
	return Array.isArray(value) ? value.join(', ') : String(value);
}

function markOf(score: CheckpointScore): ReportMark {
	if (score.negative) return 'negative';
	if (!score.scored || score.maxPoints === 0) return 'neutral';
	return score.points >= score.maxPoints ? 'full' : 'partial';
}

function isPositive(checkpoint: Checkpoint, score: CheckpointScore): boolean {
	if (!score.scored || score.negative || score.maxPoints === 0) return false;
	const highWeight = checkpoint.weight >= HIGH_WEIGHT || checkpoint.critical;
	return highWeight && score.points / score.maxPoints >= POSITIVE_FRACTION;
}

/**
 * Builds the report model of one audit: cover facts, summary (total, cap, stage bars, critical
 * failures, "went well" = stages ≥ 80 % and positive answers on high-weight or critical
 * checkpoints, "went wrong" = negative answers with their notes), every stage's visible
 * checkpoints with answers, points, marks, notes and photos, the narrative and the receipt.
 * Photos on hidden or unknown checkpoints are left out.
 */
export function buildReportModel(input: ReportInput): ReportModel {
	const { template, content, score } = input;
	const locale = input.reportLocale;
	const formats = formatsFor(locale, input.timeZone ?? 'Europe/Copenhagen');
	const { labels } = formats;
	const answers = new Map(content.answers.map((answer) => [answer.checkpointId, answer.value]));
	const notes = new Map(
		content.notes
			.filter((note) => note.text.trim() !== '')
			.map((note) => [note.checkpointId, note.text.trim()])
	);
	const scores = new Map(
		score.stages.flatMap((stage) => stage.checkpoints.map((cp) => [cp.checkpointId, cp]))
	);
	const stageScores = new Map(score.stages.map((stage) => [stage.stageId, stage]));
	const photosByCheckpoint = new Map<string, ReportPhotoInput[]>();
	for (const photo of input.photos) {
		if (photo.kind !== 'checkpoint' || photo.checkpointId === null) continue;
		const list = photosByCheckpoint.get(photo.checkpointId) ?? [];
		list.push(photo);
		photosByCheckpoint.set(photo.checkpointId, list);
	}

	const photos: Record<string, ReportPhoto> = {};
	const addPhoto = (photo: ReportPhotoInput, checkpointPrompt: string | null) => {
		photos[photo.id] = {
			id: photo.id,
			number: Object.keys(photos).length + 1,
			caption: photo.caption.trim(),
			capturedAt: formats.dateTime.format(photo.capturedAt),
			checkpointPrompt
		};
		return photo.id;
	};

	const wentWell: ReportHighlight[] = [];
	const wentWrong: ReportHighlight[] = [];
	const criticalFailures: ReportHighlight[] = [];
	const stages: ReportStage[] = [];
	const bars: ReportStageBar[] = [];

	for (const stage of template.stages) {
		const stageTitle = localize(stage.title, locale);
		const stageScore = stageScores.get(stage.id);
		const percent = roundPercent(stageScore?.percent ?? null);
		const stagePercentText = percentText(percent, formats);
		bars.push({ stageId: stage.id, title: stageTitle, percent, percentText: stagePercentText });
		if (percent !== null && percent >= GOOD_STAGE_PERCENT) {
			wentWell.push({
				kind: 'stage',
				stageTitle,
				text: stageTitle,
				detail: stagePercentText,
				note: null,
				critical: false,
				rank: percent
			});
		}
		const checkpoints: ReportCheckpoint[] = [];
		const stagePhotoIds: string[] = [];
		for (const checkpoint of stage.checkpoints) {
			const cpScore = scores.get(checkpoint.id);
			if (!cpScore?.visible) continue;
			const prompt = localize(checkpoint.prompt, locale);
			const value = answers.get(checkpoint.id);
			const answered = value !== undefined;
			const answer = answered ? answerText(checkpoint.response, value, locale) : labels.notAnswered;
			const note = notes.get(checkpoint.id) ?? null;
			const negative =
				cpScore.negative || (answered && isNegativeAnswer(checkpoint.response, value));
			const photoIds = (photosByCheckpoint.get(checkpoint.id) ?? []).map((photo) =>
				addPhoto(photo, prompt)
			);
			stagePhotoIds.push(...photoIds);
			checkpoints.push({
				id: checkpoint.id,
				prompt,
				answer,
				answered,
				points: cpScore.scored
					? `${formats.number.format(cpScore.points)} / ${formats.number.format(cpScore.maxPoints)}`
					: null,
				mark: markOf(cpScore),
				negative,
				critical: checkpoint.critical,
				criticalFailure: cpScore.criticalFailure,
				note,
				photoIds
			});
			const highlight: ReportHighlight = {
				kind: 'checkpoint',
				stageTitle,
				text: prompt,
				detail: answer,
				note,
				critical: checkpoint.critical,
				rank: checkpoint.weight
			};
			if (negative) wentWrong.push(highlight);
			else if (isPositive(checkpoint, cpScore)) wentWell.push(highlight);
			if (cpScore.criticalFailure) criticalFailures.push(highlight);
		}
		const stageMs = content.stageTimeMs[stage.id];
		stages.push({
			id: stage.id,
			title: stageTitle,
			percent,
			percentText: stagePercentText,
			timeSpent: stageMs === undefined ? null : formatDuration(stageMs, labels),
			checkpoints,
			photoIds: stagePhotoIds
		});
	}

	const auditPhotos = input.photos.filter((photo) => photo.kind !== 'checkpoint');
	const receiptPhotoIds = auditPhotos
		.filter((photo) => photo.kind === 'receipt')
		.map((photo) => addPhoto(photo, null));
	const otherPhotoIds = auditPhotos
		.filter((photo) => photo.kind === 'general')
		.map((photo) => addPhoto(photo, null));

	const totalPercent = roundPercent(score.totalPercent);
	const totalText = percentText(totalPercent, formats);
	const cappedNote = score.capped
		? labels.cappedNote
				.replace('{cap}', totalText)
				.replace('{uncapped}', percentText(score.uncappedPercent, formats))
		: null;

	return {
		locale,
		labels,
		cover: buildCover(input, formats),
		summary: {
			totalPercent,
			totalText,
			capped: score.capped,
			cappedNote,
			stages: bars,
			criticalFailures,
			wentWell: strongest(wentWell),
			wentWellMore: Math.max(0, wentWell.length - MAX_HIGHLIGHTS),
			wentWrong: strongest(wentWrong),
			wentWrongMore: Math.max(0, wentWrong.length - MAX_HIGHLIGHTS)
		},
		stages,
		narrative: content.narrative.trim(),
		receiptPhotoIds,
		otherPhotoIds,
		photos,
		insights: input.insights
			? buildReportInsights(input.insights, template, locale, input.timeZone ?? 'Europe/Copenhagen')
			: null
	};
}

/** The MAX_HIGHLIGHTS most telling lines, stable in template order among equals. */
function strongest(items: ReportHighlight[]): ReportHighlight[] {
	const key = (item: ReportHighlight) => [
		item.kind === 'stage' ? 1 : 0,
		item.critical ? 1 : 0,
		item.rank,
		item.note === null ? 0 : 1
	];
	return items
		.map((item, index) => ({ item, index, key: key(item) }))
		.sort((a, b) => {
			for (let i = 0; i < a.key.length; i++) {
				const difference = (b.key[i] ?? 0) - (a.key[i] ?? 0);
				if (difference !== 0) return difference;
			}
			return a.index - b.index;
		})
		.slice(0, MAX_HIGHLIGHTS)
		.map(({ item }) => item);
}

/** A presence outcome in the report's words: the outcome and, when read, the accuracy band. */
export function presenceText(presence: PresenceOutcome, labels: ReportLabels): string {
	const outcome = {
		within: labels.presenceWithin,
		outside: labels.presenceOutside,
		unavailable: labels.presenceUnavailable
	}[presence.outcome];
	if (presence.accuracy === null) return outcome;
	const band = {
		le50: labels.accuracyLe50,
		le200: labels.accuracyLe200,
		gt200: labels.accuracyGt200
	}[presence.accuracy];
	return `${outcome} · ${labels.presenceAccuracy.replace('{band}', band)}`;
}

function buildCover(input: ReportInput, formats: Formats): ReportCover {
	const { content, template } = input;
	const { labels } = formats;
	const location = content.location;
	const competitor = location.kind === 'competitor';
	const timeOut = content.timeOut === null ? null : formats.time.format(content.timeOut);
	const duration =
		content.timeOut === null ? null : formatDuration(content.timeOut - content.timeIn, labels);
	const templateName = localize(template.name, input.reportLocale);
	const cover = {
		title: labels.reportTitle,
		organisation: input.organisationName,
		locationName: location.name,
		locationAddress: location.address,
		competitor,
		date: formats.date.format(content.timeIn),
		timeIn: formats.time.format(content.timeIn),
		timeOut,
		duration,
		templateName,
		templateVersion: template.version,
		shopper: input.shopperPseudonym,
		generatedAt: formats.dateTime.format(input.generatedAt),
		reviewState: input.review ? reviewStateLabel(labels, input.review.state) : null,
		reportVersion: input.review
			? labels.reportVersion.replace('{version}', String(input.review.version))
			: null
	};
	const presence = content.presence ? presenceText(content.presence, labels) : null;
	const facts: ReportFact[] = [
		{ label: labels.organisation, value: cover.organisation },
		{
			label: labels.location,
			value: `${location.name} (${competitor ? labels.competitorStore : labels.ownStore})`
		},
		{ label: labels.address, value: location.address },
		{ label: labels.date, value: cover.date },
		// The store's zone, named when the server gave it (times are in it, not the reader's).
		{
			label: labels.timeIn,
			value: input.timeZone ? `${cover.timeIn} (${input.timeZone})` : cover.timeIn
		},
		{ label: labels.timeOut, value: timeOut ?? '—' },
		{ label: labels.duration, value: duration ?? '—' },
		{ label: labels.template, value: `${templateName}, ${labels.version} ${template.version}` },
		{ label: labels.shopper, value: cover.shopper },
		...(cover.reviewState && cover.reportVersion
			? [{ label: labels.reviewState, value: `${cover.reviewState} · ${cover.reportVersion}` }]
			: []),
		...(presence ? [{ label: labels.presence, value: presence }] : []),
		{ label: labels.generatedAt, value: cover.generatedAt }
	];
	const verification = input.verification
		? {
				code: input.verification.code,
				url: input.verification.url,
				label: labels.verificationCode,
				hint: labels.verifyHint.replace('{url}', input.verification.pageUrl)
			}
		: null;
	return { ...cover, facts, verification, presence };
}
