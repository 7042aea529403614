import type { JourneyTemplate, Locale } from './types';

/** A mean percent with the number of audits behind it. */
export interface ReportFigure {
	mean: number | null;
	n: number;
}

/**
 * What the report shows beside the audit (computed by the server when the report is made): this
 * store's recent months against the organisation's average, and per stage this store, the own
 * stores and the competitors over the same months.
 */
export interface ReportInsightsInput {
	/** [from, before) epoch ms of the months shown. */
	from: number;
	before: number;
	months: { start: number; store: ReportFigure; organisation: ReportFigure }[];
	stages: { stageKey: string; store: ReportFigure; own: ReportFigure; competitor: ReportFigure }[];
	/** Below this many audits a figure is marked. */
	smallSample: number;
}

export interface ReportInsights {
	trendTitle: string;
	comparisonTitle: string;
	monthColumn: string;
	stageColumn: string;
	storeColumn: string;
	organisationColumn: string;
	ownColumn: string;
	competitorColumn: string;
	gapColumn: string;
	months: { label: string; store: string; storePercent: number | null; organisation: string }[];
	stages: { title: string; store: string; own: string; competitor: string; gap: string }[];
	note: string;
	/** Nothing approved to show yet: the report leaves the section out. */
	empty: boolean;
}

interface InsightLabels {
	trend: string;
	comparison: string;
	month: string;
	stage: string;
	store: string;
	organisation: string;
	own: string;
	competitor: string;
	gap: string;
	points: string;
	note: string;
}

const LABELS: Record<Locale, InsightLabels> = {
	en: {
		trend: 'This store’s recent trend',
		comparison: 'Against competitors, {from} – {to}',
		month: 'Month',
		stage: 'Stage',
		store: 'This store',
		organisation: 'Organisation average',
		own: 'Own stores',
		competitor: 'Competitors',
		gap: 'Store − competitors',
		points: 'pts',
		note: 'Approved audits only; (n) is the number of audits behind a figure, * marks fewer than {small} audits.'
	},
	da: {
		trend: 'Butikkens seneste udvikling',
		comparison: 'Mod konkurrenter, {from} – {to}',
		month: 'Måned',
		stage: 'Fase',
		store: 'Denne butik',
		organisation: 'Organisationens gennemsnit',
		own: 'Egne butikker',
		competitor: 'Konkurrenter',
		gap: 'Butik − konkurrenter',
		points: 'point',
		note: 'Kun godkendte audits; (n) er antallet af audits bag et tal, * markerer færre end {small} audits.'
	},
	nb: {
		trend: 'Butikkens siste utvikling',
		comparison: 'Mot konkurrenter, {from} – {to}',
		month: 'Måned',
		stage: 'Fase',
		store: 'Denne butikken',
		organisation: 'Organisasjonens gjennomsnitt',
		own: 'Egne butikker',
		competitor: 'Konkurrenter',
		gap: 'Butikk − konkurrenter',
		points: 'poeng',
		note: 'Bare godkjente revisjoner; (n) er antall revisjoner bak et tall, * merker færre enn {small} revisjoner.'
	},
	pl: {
		trend: 'Ostatni trend tego sklepu',
		comparison: 'Na tle konkurencji, {from} – {to}',
		month: 'Miesiąc',
		stage: 'Etap',
		store: 'Ten sklep',
		organisation: 'Średnia organizacji',
		own: 'Własne sklepy',
		competitor: 'Konkurencja',
		gap: 'Sklep − konkurencja',
		points: 'pkt',
		note: 'Tylko zatwierdzone audyty; (n) to liczba audytów za liczbą, * oznacza mniej niż {small} audytów.'
	}
};

const INTL: Record<Locale, string> = { en: 'en-GB', da: 'da-DK', nb: 'nb-NO', pl: 'pl-PL' };

/**
 * The report's insights section in the report's language: every percentage with its count "(n)",
 * small samples starred, stage titles from the audit's template (or the stage key).
 */
export function buildReportInsights(
	input: ReportInsightsInput,
	template: JourneyTemplate,
	locale: Locale,
	timeZone: string
): ReportInsights {
	const labels = LABELS[locale];
	const number = new Intl.NumberFormat(INTL[locale], { maximumFractionDigits: 1 });
	const signed = new Intl.NumberFormat(INTL[locale], {
		maximumFractionDigits: 1,
		signDisplay: 'exceptZero'
	});
	const month = new Intl.DateTimeFormat(INTL[locale], { month: 'long', year: 'numeric', timeZone });
	const day = new Intl.DateTimeFormat(INTL[locale], { dateStyle: 'medium', timeZone });
	const text = (f: ReportFigure) =>
		f.mean === null || f.n === 0
			? '–'
			: `${number.format(f.mean)} % (${f.n})${f.n < input.smallSample ? ' *' : ''}`;
	const title = (key: string) => {
		const stage = template.stages.find((s) => s.id === key);
		return stage ? (stage.title[locale] ?? stage.title.en) : key;
	};
	return {
		trendTitle: labels.trend,
		comparisonTitle: labels.comparison
			.replace('{from}', day.format(input.from))
			.replace('{to}', day.format(input.before - 1)),
		monthColumn: labels.month,
		stageColumn: labels.stage,
		storeColumn: labels.store,
		organisationColumn: labels.organisation,
		ownColumn: labels.own,
		competitorColumn: labels.competitor,
		gapColumn: labels.gap,
		months: input.months.map((m) => ({
			label: month.format(m.start),
			store: text(m.store),
			storePercent: m.store.n > 0 ? m.store.mean : null,
			organisation: text(m.organisation)
		})),
		stages: input.stages.map((s) => ({
			title: title(s.stageKey),
			store: text(s.store),
			own: text(s.own),
			competitor: text(s.competitor),
			gap:
				s.store.mean !== null && s.competitor.mean !== null && s.store.n > 0 && s.competitor.n > 0
					? `${signed.format(s.store.mean - s.competitor.mean)} ${labels.points}`
					: '–'
		})),
		note: labels.note.replace('{small}', String(input.smallSample)),
		empty:
			input.stages.length === 0 &&
			input.months.every((m) => m.store.n === 0 && m.organisation.n === 0)
	};
}
