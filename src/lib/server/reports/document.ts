import type {
	ReportCheckpoint,
	ReportHighlight,
	ReportLabels,
	ReportModel,
	ReportStage
} from '$lib/domain/report-model';
import { barNode, COLOURS, markNode, scoreColour, type PdfNode } from './drawing';
import type { PdfJob } from './pdf-job';

const SIDE_MARGIN = 40;
/** A4 width minus the side margins, in points. */
const CONTENT_WIDTH = 595.28 - 2 * SIDE_MARGIN;
const PHOTO_BOX = 250;
const PHOTO_GAP = CONTENT_WIDTH - 2 * PHOTO_BOX;
const BAR_LABEL_WIDTH = 170;
const BAR_VALUE_WIDTH = 50;
const BAR_WIDTH = CONTENT_WIDTH - BAR_LABEL_WIDTH - BAR_VALUE_WIDTH - 24;

/** The pdfmake image key of a photo; each photo is embedded once and referenced by key. */
function imageKey(photoId: string): string {
	return `photo-${photoId}`;
}

/**
 * The pdfmake job of a report: A4, cover, summary (total, stage bar chart, critical failures,
 * went well next to went wrong), each stage's checkpoint table with drawn marks, notes and photos,
 * the narrative and the receipt. `photoFiles` maps photo id → absolute path of its report
 * rendition; photos without a file keep their caption. `allowedRoots` are the folders the
 * renderer may read (the report-photo folder).
 */
export function buildReportJob(
	model: ReportModel,
	photoFiles: Readonly<Record<string, string>>,
	allowedRoots: string[]
): PdfJob {
	const { labels, cover } = model;
	const images: Record<string, string> = {};
	for (const id of Object.keys(model.photos)) {
		const file = photoFiles[id];
		if (file !== undefined) images[imageKey(id)] = file;
	}
	const context: Context = { model, labels, images };
	const content: PdfNode[] = [
		...coverSection(model),
		...summarySection(context),
		...insightsSection(context),
		...model.stages.flatMap((stage) => stageSection(context, stage)),
		...closingSection(context)
	];
	return {
		definition: {
			pageSize: 'A4',
			pageMargins: [SIDE_MARGIN, 56, SIDE_MARGIN, 48],
			info: {
				title: `${cover.title} – ${cover.locationName} – ${cover.date}`,
				author: cover.organisation,
				subject: cover.templateName,
				creator: 'Shopwalk',
				// Plain ASCII in the document information, so the verify page finds the code in the file.
				...(cover.verification ? { keywords: `shopwalk-seal:${cover.verification.code}` } : {})
			},
			defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 },
			styles: {
				title: { fontSize: 24, bold: true, margin: [0, 120, 0, 8] },
				h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] },
				h2: { fontSize: 12, bold: true, margin: [0, 14, 0, 6] },
				muted: { color: COLOURS.muted, fontSize: 8.5 },
				tableHeader: { bold: true, color: COLOURS.muted, fontSize: 8.5 }
			},
			images,
			content
		},
		header: { left: cover.organisation, right: `${cover.locationName} · ${cover.date}` },
		footer: { left: `${cover.title} · ${cover.templateName}`, pageOf: labels.pageOf },
		sideMargin: SIDE_MARGIN,
		allowedRoots
	};
}

interface Context {
	model: ReportModel;
	labels: ReportLabels;
	images: Record<string, string>;
}

function coverSection(model: ReportModel): PdfNode[] {
	const { cover, labels } = model;
	return [
		{ text: cover.title, style: 'title' },
		{ text: cover.locationName, fontSize: 16, margin: [0, 0, 0, 4] },
		cover.competitor
			? { text: labels.competitorStore.toUpperCase(), bold: true, color: COLOURS.bad, fontSize: 10 }
			: { text: labels.ownStore, color: COLOURS.muted, fontSize: 10 },
		{
			table: {
				widths: [130, '*'],
				body: cover.facts.map((fact) => [
					{ text: fact.label, style: 'muted' },
					{ text: fact.value }
				])
			},
			layout: 'lightHorizontalLines',
			margin: [0, 32, 0, 0]
		},
		{
			text: [
				{ text: `${labels.totalScore}: `, color: COLOURS.muted },
				{
					text: model.summary.totalText,
					bold: true,
					color: scoreColour(model.summary.totalPercent)
				}
			],
			fontSize: 18,
			margin: [0, 32, 0, 0]
		},
		...verificationBlock(model)
	];
}

/** The seal's QR code (the verify page's address for this code) beside the code itself. */
function verificationBlock({ cover }: ReportModel): PdfNode[] {
	const verification = cover.verification;
	if (!verification) return [];
	return [
		{
			columns: [
				{ qr: verification.url, fit: 96, eccLevel: 'M', width: 110 },
				{
					width: '*',
					stack: [
						{ text: verification.label, style: 'muted' },
						{ text: verification.code, fontSize: 16, bold: true, margin: [0, 2, 0, 4] },
						{ text: verification.hint, style: 'muted' }
					],
					margin: [0, 8, 0, 0]
				}
			],
			columnGap: 12,
			margin: [0, 28, 0, 0],
			unbreakable: true
		}
	];
}

function summarySection({ model, labels }: Context): PdfNode[] {
	const { summary } = model;
	const bars = {
		table: {
			widths: [BAR_LABEL_WIDTH, '*', BAR_VALUE_WIDTH],
			body: summary.stages.map((bar) => [
				{ text: bar.title },
				barNode(bar.percent, BAR_WIDTH),
				{ text: bar.percentText, alignment: 'right', bold: true }
			])
		},
		layout: 'noBorders'
	};
	const critical: PdfNode[] =
		summary.criticalFailures.length === 0
			? [{ text: labels.noCriticalFailures, color: COLOURS.muted }]
			: summary.criticalFailures.map((item) => highlightRow(item, 'negative', labels));
	return [
		{ text: labels.summary, style: 'h1', pageBreak: 'before' },
		{
			text: [
				{ text: `${labels.totalScore}: `, bold: true },
				{ text: summary.totalText, bold: true, color: scoreColour(summary.totalPercent) }
			],
			fontSize: 14
		},
		...(summary.cappedNote === null
			? []
			: [{ text: summary.cappedNote, color: COLOURS.bad, margin: [0, 4, 0, 0] }]),
		{ text: labels.stageScores, style: 'h2' },
		bars,
		{ text: labels.criticalFailures, style: 'h2', color: COLOURS.bad },
		...critical,
		{
			columns: [
				highlightColumn(labels.wentWell, summary.wentWell, summary.wentWellMore, 'full', labels),
				highlightColumn(
					labels.wentWrong,
					summary.wentWrong,
					summary.wentWrongMore,
					'negative',
					labels
				)
			],
			columnGap: 20
		}
	];
}

/** This store's recent months and the stage comparison with competitors, when computed. */
function insightsSection({ model }: Context): PdfNode[] {
	const insights = model.insights;
	if (!insights || insights.empty) return [];
	const header = (texts: string[]) => texts.map((text) => ({ text, style: 'tableHeader' }));
	return [
		{ text: insights.trendTitle, style: 'h2', pageBreak: 'before' },
		{
			table: {
				headerRows: 1,
				widths: [90, '*', 95, 105],
				body: [
					header([insights.monthColumn, '', insights.storeColumn, insights.organisationColumn]),
					...insights.months.map((month) => [
						{ text: month.label },
						month.storePercent === null ? { text: '' } : barNode(month.storePercent, 150),
						{ text: month.store, bold: true },
						{ text: month.organisation }
					])
				]
			},
			layout: 'lightHorizontalLines'
		},
		{ text: insights.comparisonTitle, style: 'h2' },
		{
			table: {
				headerRows: 1,
				widths: ['*', 78, 78, 78, 70],
				body: [
					header([
						insights.stageColumn,
						insights.storeColumn,
						insights.ownColumn,
						insights.competitorColumn,
						insights.gapColumn
					]),
					...insights.stages.map((stage) => [
						{ text: stage.title },
						{ text: stage.store, bold: true },
						{ text: stage.own },
						{ text: stage.competitor },
						{ text: stage.gap }
					])
				]
			},
			layout: 'lightHorizontalLines'
		},
		{ text: insights.note, style: 'muted', margin: [0, 6, 0, 0] }
	];
}

function highlightColumn(
	title: string,
	items: ReportHighlight[],
	more: number,
	mark: 'full' | 'negative',
	labels: ReportLabels
): PdfNode {
	const moreLine =
		more > 0
			? [{ text: labels.moreInStages.replace('{count}', String(more)), style: 'muted' }]
			: [];
	return {
		width: '*',
		stack: [
			{ text: title, style: 'h2', color: mark === 'full' ? COLOURS.good : COLOURS.bad },
			...(items.length === 0
				? [{ text: labels.nothingToReport, color: COLOURS.muted }]
				: items.map((item) => highlightRow(item, mark, labels))),
			...moreLine
		]
	};
}

function highlightRow(
	item: ReportHighlight,
	mark: 'full' | 'negative',
	labels: ReportLabels
): PdfNode {
	const context = item.kind === 'stage' ? item.detail : `${item.stageTitle} · ${item.detail}`;
	const lines: PdfNode[] = [
		{ text: [{ text: item.text, bold: true }, ...criticalTag(item.critical, labels)] },
		{ text: context, style: 'muted' }
	];
	if (item.note !== null) lines.push({ text: item.note, italics: true });
	return {
		columns: [markNode(mark), { width: '*', stack: lines }],
		columnGap: 4,
		margin: [0, 0, 0, 6],
		unbreakable: true
	};
}

function criticalTag(critical: boolean, labels: ReportLabels): PdfNode[] {
	return critical
		? [{ text: `  ${labels.critical.toUpperCase()}`, bold: true, color: COLOURS.bad, fontSize: 7 }]
		: [];
}

function stageSection(context: Context, stage: ReportStage): PdfNode[] {
	const { labels } = context;
	const facts = [`${stage.percentText}`];
	if (stage.timeSpent !== null) facts.push(`${labels.timeSpent}: ${stage.timeSpent}`);
	const nodes: PdfNode[] = [
		{ text: stage.title, style: 'h1', pageBreak: 'before' },
		{
			text: facts.join(' · '),
			color: scoreColour(stage.percent),
			bold: true,
			margin: [0, 0, 0, 8]
		},
		{
			table: {
				headerRows: 1,
				dontBreakRows: true,
				widths: [14, '*'],
				body: [
					[
						{ text: '' },
						{
							text: `${labels.checkpoint} · ${labels.answer} · ${labels.points}`,
							style: 'tableHeader'
						}
					],
					...stage.checkpoints.map((checkpoint) => checkpointRow(context, checkpoint))
				]
			},
			layout: 'lightHorizontalLines'
		}
	];
	if (stage.photoIds.length > 0) {
		nodes.push(...titledPhotoGrid(context, labels.photos, stage.photoIds));
	}
	return nodes;
}

// The prompt gets full lines of its own, so extracted text keeps it whole; answer and points
// sit on the line below.
function checkpointRow(context: Context, checkpoint: ReportCheckpoint): PdfNode[] {
	const { labels, model } = context;
	const lines: PdfNode[] = [
		{
			text: [{ text: checkpoint.prompt, bold: true }, ...criticalTag(checkpoint.critical, labels)]
		},
		{
			columns: [
				{
					width: '*',
					text: [
						{ text: `${labels.answer}: `, color: COLOURS.muted },
						{
							text: checkpoint.answer,
							color: checkpoint.negative
								? COLOURS.bad
								: checkpoint.answered
									? 'black'
									: COLOURS.muted
						}
					]
				},
				{
					width: 'auto',
					text: checkpoint.points ?? labels.notScored,
					color: COLOURS.muted,
					alignment: 'right'
				}
			]
		}
	];
	if (checkpoint.note !== null) {
		lines.push({
			text: [{ text: `${labels.note}: `, bold: true }, checkpoint.note],
			italics: true
		});
	}
	if (checkpoint.photoIds.length > 0) {
		const numbers = checkpoint.photoIds.map((id) => model.photos[id]?.number).filter(Boolean);
		lines.push({ text: `${labels.photos}: ${numbers.join(', ')}`, style: 'muted' });
	}
	return [markNode(checkpoint.mark), { stack: lines }];
}

/** A heading and the photo grid, the heading kept on the page of the first row. */
function titledPhotoGrid(context: Context, title: string, photoIds: string[]): PdfNode[] {
	const [first, ...rest] = photoGrid(context, photoIds);
	if (first === undefined) return [];
	return [{ stack: [{ text: title, style: 'h2' }, first], unbreakable: true }, ...rest];
}

function photoGrid(context: Context, photoIds: string[]): PdfNode[] {
	const rows: PdfNode[] = [];
	for (let index = 0; index < photoIds.length; index += 2) {
		const pair = photoIds.slice(index, index + 2);
		rows.push({
			columns: pair.map((id) => ({ width: PHOTO_BOX, stack: photoCell(context, id) })),
			columnGap: PHOTO_GAP,
			margin: [0, 0, 0, 12],
			unbreakable: true
		});
	}
	return rows;
}

function photoCell({ model, labels, images }: Context, photoId: string): PdfNode[] {
	const photo = model.photos[photoId];
	if (photo === undefined) return [];
	const key = imageKey(photoId);
	const title =
		photo.caption === ''
			? `${labels.photo} ${photo.number}`
			: `${labels.photo} ${photo.number}: ${photo.caption}`;
	const meta = [`${labels.capturedAt} ${photo.capturedAt}`];
	if (photo.checkpointPrompt !== null) meta.push(photo.checkpointPrompt);
	return [
		...(images[key] === undefined ? [] : [{ image: key, fit: [PHOTO_BOX, PHOTO_BOX] }]),
		{ text: title, bold: true, fontSize: 8.5, margin: [0, 3, 0, 0] },
		{ text: meta.join(' · '), style: 'muted', fontSize: 7.5 }
	];
}

function closingSection(context: Context): PdfNode[] {
	const { model, labels } = context;
	const nodes: PdfNode[] = [
		{ text: labels.narrative, style: 'h1', pageBreak: 'before' },
		{ text: model.narrative === '' ? '—' : model.narrative }
	];
	if (model.receiptPhotoIds.length > 0) {
		nodes.push(...titledPhotoGrid(context, labels.receipt, model.receiptPhotoIds));
	}
	if (model.otherPhotoIds.length > 0) {
		nodes.push(...titledPhotoGrid(context, labels.otherPhotos, model.otherPhotoIds));
	}
	return nodes;
}
