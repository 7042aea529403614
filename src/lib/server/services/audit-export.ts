import { stringify } from 'csv-stringify/sync';
import type { SessionUser } from '$lib/contract/auth';
import type { ServerAuditState } from '$lib/contract/sync';
import { usesOffice } from '$lib/domain/roles';
import { roundPercent } from '$lib/domain/scoring';
import { localize } from '$lib/domain/text';
import type {
	AnswerValue,
	AuditScore,
	Checkpoint,
	JourneyTemplate,
	Locale,
	Stage
} from '$lib/domain/types';
import { ALL_MESSAGES, type AllMessages as Messages } from '$lib/i18n/all-messages';
import type { UiLocale } from '$lib/i18n/locales';
import { CSV_DIALECT } from '$lib/shared/csv-dialect';
import { auditExportQuery, type AuditExportRow, type AuditListFilter } from '../repos/audits';
import { listTemplates } from '../repos/templates';
import { ServiceError } from '../service-error';
import { parseContent, type AuditContent } from './audit-content';
import { listScopeOf } from './audit-queries';
import { checkReceivedSpan } from './received-span';
import type { ServiceContext } from './context';
import { decodeStoredScore } from './stored-score';

export type ExportDataset = 'audits' | 'answers';
export type ExportFormat = 'csv' | 'ndjson';

/** Audits read per query: a keyset batch, the most an export holds in memory at once. */
export const EXPORT_BATCH_SIZE = 250;

export interface ExportQuery {
	state?: ServerAuditState;
	kind?: 'own' | 'competitor';
	templateId?: string;
	locationId?: string;
	/** Received in `[receivedFrom, receivedBefore)`, epoch ms. */
	receivedFrom?: number;
	receivedBefore?: number;
	/** The language of headers and words (CSV), and with it the delimiter and decimal separator. */
	locale: UiLocale;
	/** The time zone the CSV's times are written in. */
	timeZone: string;
	/** The server's origin, for the link to each audit (`https://…`). */
	origin: string;
}

export interface OpenedExport {
	body: ReadableStream<Uint8Array>;
	contentType: string;
	filename: string;
}

/** The CSV dialect per language (see `CSV_DIALECT`): times `YYYY-MM-DD HH:MM` in the reader's
 * zone, a form Excel and LibreOffice take as a date in every locale; records end in CRLF. */
export { CSV_DIALECT };

const BOM = '\uFEFF';

/** Every catalogue, on the server (no runes: an export may run outside Svelte). */
const CATALOGUES: Record<UiLocale, Messages> = ALL_MESSAGES;

/** Fills `{name}` placeholders, as the interface's `interpolate` does. */
function interpolate(text: string, params: Record<string, string> | undefined): string {
	if (!params) return text;
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/**
 * Opens an export of the audits the inbox would list for `query` (the same scope: reviewers the
 * organisation's, report readers the approved audits of their locations), newest received first:
 * `audits` one row per audit with its stage percentages, `answers` one row per checkpoint answer;
 * as CSV (see `CSV_DIALECT`) or NDJSON (one JSON object a line, numbers unrounded, times in epoch
 * ms). Streamed: each pull of the body reads the next keyset batch, so memory stays at one batch
 * whatever the size, and a slow reader slows the reading (backpressure). Refusals come before
 * the first byte: forbidden for anyone outside the office (shoppers); bad_request invalid_query
 * for a bad span.
 */
export async function openExport(
	ctx: ServiceContext,
	user: SessionUser,
	dataset: ExportDataset,
	format: ExportFormat,
	query: ExportQuery
): Promise<OpenedExport> {
	if (!usesOffice(user)) {
		throw new ServiceError(
			'forbidden',
			'forbidden',
			'Exports are for reviewers and report readers.'
		);
	}
	checkSpan(query);
	const organisationId = user.organisation.id;
	const scope = await listScopeOf(ctx, user, query.state);
	const filter: Omit<AuditListFilter, 'limit'> = {
		organisationId,
		...scope,
		kind: query.kind,
		templateId: query.templateId,
		locationId: query.locationId,
		receivedFrom: query.receivedFrom,
		receivedBefore: query.receivedBefore
	};
	const templates = new Map<string, JourneyTemplate>();
	for (const { template } of await listTemplates(ctx.db, organisationId)) {
		templates.set(`${template.id}@${template.version}`, template);
	}
	const messages = CATALOGUES[query.locale];
	const writer =
		format === 'csv'
			? csvWriter(dataset, query, messages, [...templates.values()])
			: ndjsonWriter(dataset, query);
	const encoder = new TextEncoder();
	let after: AuditListFilter['after'];
	let started = false;
	let done = false;
	const body = new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				if (!started) {
					started = true;
					const head = writer.head();
					if (head) {
						controller.enqueue(encoder.encode(head));
						return;
					}
				}
				if (done) {
					controller.close();
					return;
				}
				const rows = (await auditExportQuery(ctx.db, {
					...filter,
					after,
					limit: EXPORT_BATCH_SIZE
				}).execute()) as AuditExportRow[];
				const last = rows[rows.length - 1];
				if (rows.length < EXPORT_BATCH_SIZE) done = true;
				if (last) after = { receivedAt: Number(last.received_at), id: last.id };
				// One audit at a time, each row let go once its line is written: a batch of parsed
				// answers alive together pushed the server's peak past 250 MB at 500,000 audits.
				let text = '';
				for (let row = rows.shift(); row; row = rows.shift()) {
					const template = templates.get(`${row.template_id}@${row.template_version}`);
					const content = parseContent(row.content);
					text += writer.rows([{ row, template, content, score: decodeStoredScore(row.score) }]);
				}
				if (text) controller.enqueue(encoder.encode(text));
				else if (done) controller.close();
			}
		},
		{ highWaterMark: 1 }
	);
	const day = new Date().toISOString().slice(0, 10);
	return {
		body,
		contentType:
			format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
		filename: `shopwalk-${dataset}-${day}.${format === 'csv' ? 'csv' : 'ndjson'}`
	};
}

// The audit list's span check; unlike the list's, the export's refusal of a reversed span has
// never named the bounds in its details.
function checkSpan(query: ExportQuery): void {
	checkReceivedSpan(query, { echoBounds: false });
}

interface ExportItem {
	row: AuditExportRow;
	/** Undefined only if the template version is gone (never deleted today). */
	template: JourneyTemplate | undefined;
	content: AuditContent;
	score: AuditScore;
}

interface Writer {
	head(): string;
	rows(items: ExportItem[]): string;
}

function auditLink(origin: string, id: string): string {
	return `${origin}/office/audits/${id}`;
}

/** A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading `'`. */
export function safeText(value: string | null | undefined): string {
	if (value === null || value === undefined) return '';
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvWriter(
	dataset: ExportDataset,
	query: ExportQuery,
	messages: Messages,
	templates: JourneyTemplate[]
): Writer {
	const dialect = CSV_DIALECT[query.locale];
	const locale: Locale = query.locale;
	const m = (key: keyof Messages, params?: Record<string, string>) =>
		interpolate(messages[key] as string, params);
	const number = (value: number | null, digits: number) => {
		if (value === null || !Number.isFinite(value)) return '';
		const text = String(Number(value.toFixed(digits)));
		return dialect.decimal === '.' ? text : text.replace('.', dialect.decimal);
	};
	const percent = (value: number | null) => number(roundPercent(value), 1);
	const time = timeFormatter(query.timeZone);
	const stateName = (state: string) =>
		messages[`office.state.${state}` as keyof Messages] as string;
	const kindName = (kind: string | null) =>
		kind === 'own' ? m('location.own') : kind === 'competitor' ? m('location.competitor') : '';
	const line = (cells: string[][]) =>
		stringify(cells, { delimiter: dialect.delimiter, record_delimiter: 'windows' });
	const templateName = (item: ExportItem) =>
		safeText(item.template ? localize(item.template.name, locale) : item.row.template_id);

	if (dataset === 'audits') {
		// One column per stage key of the organisation's templates, in template order: the own-store
		// and competitor visits share their keys, so their percentages line up in the same columns.
		const stageColumns: { id: string; title: string }[] = [];
		const scoped = query.templateId
			? templates.filter((t) => t.id === query.templateId)
			: templates;
		const origin = new Map<string, string[]>();
		for (const template of scoped) {
			for (const stage of template.stages) {
				if (!stageColumns.some((c) => c.id === stage.id)) {
					stageColumns.push({ id: stage.id, title: localize(stage.title, locale) });
				}
				const names = origin.get(stage.id) ?? [];
				const name = localize(template.name, locale);
				if (!names.includes(name)) origin.set(stage.id, [...names, name]);
			}
		}
		// Two stage keys with one title (a copied journey, say) get the names of the journeys that
		// use them, then their key, so no two columns share a header and a spreadsheet keeps both.
		const seen = (title: string) => stageColumns.filter((c) => c.title === title).length > 1;
		for (const column of stageColumns.filter((c) => seen(c.title))) {
			column.title = `${column.title} (${(origin.get(column.id) ?? []).join(', ')})`;
		}
		for (const column of stageColumns.filter((c) => seen(c.title))) {
			column.title = `${column.title} [${column.id}]`;
		}
		return {
			head: () =>
				BOM +
				line([
					[
						m('export.col.audit'),
						m('export.col.link'),
						m('export.col.received'),
						m('export.col.submitted'),
						m('export.col.state'),
						m('export.col.location'),
						m('export.col.locationId'),
						m('export.col.kind'),
						m('export.col.brand'),
						m('export.col.region'),
						m('export.col.template'),
						m('export.col.templateVersion'),
						m('export.col.shopper'),
						m('export.col.language'),
						m('export.col.timeIn'),
						m('export.col.timeOut'),
						m('export.col.total'),
						m('export.col.uncapped'),
						m('export.col.criticalFailures'),
						...stageColumns.map((c) => m('export.col.stagePercent', { stage: c.title }))
					]
				]),
			rows: (items) =>
				items.length === 0
					? ''
					: line(
							items.map(({ row, content, score, template }) => {
								const byStage = new Map(score.stages.map((s) => [s.stageId, s.percent]));
								return [
									row.id,
									auditLink(query.origin, row.id),
									time(row.received_at),
									row.submitted_at === null ? '' : time(row.submitted_at),
									stateName(row.state),
									safeText(row.location_name ?? content.location.name),
									row.location_id,
									kindName(row.location_kind),
									safeText(row.location_brand),
									safeText(row.location_region),
									templateName({ row, content, score, template }),
									String(row.template_version),
									safeText(row.shopper_pseudonym),
									content.locale,
									time(content.timeIn),
									content.timeOut === null ? '' : time(content.timeOut),
									percent(score.totalPercent),
									percent(score.uncappedPercent),
									String(score.criticalFailures.length),
									...stageColumns.map((c) =>
										byStage.has(c.id) ? percent(byStage.get(c.id) ?? null) : ''
									)
								];
							})
						)
		};
	}

	const answerText = (checkpoint: Checkpoint | undefined, value: AnswerValue): string => {
		const spec = checkpoint?.response;
		if (value === 'yes' || value === 'no' || value === 'na') {
			if (spec?.type === 'yes_no' || spec?.type === 'yes_no_na') return m(`answer.${value}`);
		}
		if (spec?.type === 'single_choice' && typeof value === 'string') {
			const option = spec.options.find((o) => o.id === value);
			return safeText(option ? localize(option.label, locale) : value);
		}
		if (spec?.type === 'multiple_choice' && Array.isArray(value)) {
			return safeText(
				value
					.map((id) => {
						const option = spec.options.find((o) => o.id === id);
						return option ? localize(option.label, locale) : id;
					})
					.join(' | ')
			);
		}
		if (typeof value === 'number') return number(value, 6);
		return safeText(Array.isArray(value) ? value.join(' | ') : String(value));
	};
	return {
		head: () =>
			BOM +
			line([
				[
					m('export.col.audit'),
					m('export.col.link'),
					m('export.col.received'),
					m('export.col.state'),
					m('export.col.location'),
					m('export.col.locationId'),
					m('export.col.kind'),
					m('export.col.template'),
					m('export.col.stage'),
					m('export.col.checkpointId'),
					m('export.col.checkpoint'),
					m('export.col.answer'),
					m('export.col.points'),
					m('export.col.maxPoints'),
					m('export.col.critical'),
					m('export.col.note')
				]
			]),
		rows: (items) => {
			const cells: string[][] = [];
			for (const item of items) {
				const { row, content, score, template } = item;
				const checkpoints = checkpointIndex(template);
				const scores = new Map(
					score.stages.flatMap((s) => s.checkpoints.map((c) => [c.checkpointId, c] as const))
				);
				const notes = new Map(content.notes.map((n) => [n.checkpointId, n.text]));
				const common = [
					row.id,
					auditLink(query.origin, row.id),
					time(row.received_at),
					stateName(row.state),
					safeText(row.location_name ?? content.location.name),
					row.location_id,
					kindName(row.location_kind),
					templateName(item)
				];
				for (const answer of content.answers) {
					const found = checkpoints.get(answer.checkpointId);
					const s = scores.get(answer.checkpointId);
					cells.push([
						...common,
						found ? safeText(localize(found.stage.title, locale)) : '',
						answer.checkpointId,
						found ? safeText(localize(found.checkpoint.prompt, locale)) : '',
						answerText(found?.checkpoint, answer.value),
						s?.scored ? number(s.points, 4) : '',
						s?.scored ? number(s.maxPoints, 4) : '',
						s?.criticalFailure ? m('answer.yes') : '',
						safeText(notes.get(answer.checkpointId))
					]);
				}
			}
			return cells.length ? line(cells) : '';
		}
	};
}

function ndjsonWriter(dataset: ExportDataset, query: ExportQuery): Writer {
	return {
		head: () => '',
		rows: (items) => {
			let text = '';
			for (const { row, content, score } of items) {
				const url = auditLink(query.origin, row.id);
				if (dataset === 'audits') {
					text +=
						JSON.stringify({
							id: row.id,
							url,
							state: row.state,
							revision: Number(row.revision),
							receivedAt: Number(row.received_at),
							submittedAt: row.submitted_at === null ? null : Number(row.submitted_at),
							location: {
								id: row.location_id,
								name: row.location_name ?? content.location.name,
								kind: row.location_kind ?? content.location.kind,
								brand: row.location_brand ?? content.location.brand,
								region: row.location_region ?? content.location.region
							},
							templateId: row.template_id,
							templateVersion: Number(row.template_version),
							shopper: row.shopper_pseudonym,
							locale: content.locale,
							timeIn: content.timeIn,
							timeOut: content.timeOut,
							totalPercent: score.totalPercent,
							uncappedPercent: score.uncappedPercent,
							capped: score.capped,
							criticalFailures: score.criticalFailures,
							stages: score.stages.map((s) => ({
								stageId: s.stageId,
								points: s.points,
								maxPoints: s.maxPoints,
								percent: s.percent
							}))
						}) + '\n';
					continue;
				}
				const scores = new Map(
					score.stages.flatMap((s) =>
						s.checkpoints.map((c) => [c.checkpointId, { stageId: s.stageId, c }] as const)
					)
				);
				const notes = new Map(content.notes.map((n) => [n.checkpointId, n.text]));
				for (const answer of content.answers) {
					const s = scores.get(answer.checkpointId);
					text +=
						JSON.stringify({
							auditId: row.id,
							url,
							state: row.state,
							receivedAt: Number(row.received_at),
							locationId: row.location_id,
							templateId: row.template_id,
							templateVersion: Number(row.template_version),
							stageId: s?.stageId ?? null,
							checkpointId: answer.checkpointId,
							value: answer.value,
							note: notes.get(answer.checkpointId) ?? null,
							scored: s?.c.scored ?? false,
							points: s?.c.points ?? 0,
							maxPoints: s?.c.maxPoints ?? 0,
							negative: s?.c.negative ?? false,
							criticalFailure: s?.c.criticalFailure ?? false
						}) + '\n';
				}
			}
			return text;
		}
	};
}

const checkpointIndexes = new WeakMap<
	JourneyTemplate,
	Map<string, { stage: Stage; checkpoint: Checkpoint }>
>();

function checkpointIndex(
	template: JourneyTemplate | undefined
): Map<string, { stage: Stage; checkpoint: Checkpoint }> {
	if (!template) return new Map();
	let index = checkpointIndexes.get(template);
	if (!index) {
		index = new Map(
			template.stages.flatMap((stage) =>
				stage.checkpoints.map((checkpoint) => [checkpoint.id, { stage, checkpoint }] as const)
			)
		);
		checkpointIndexes.set(template, index);
	}
	return index;
}

/** `YYYY-MM-DD HH:MM` in `timeZone` (Swedish dates are ISO-shaped). */
function timeFormatter(timeZone: string): (epochMs: number) => string {
	const format = new Intl.DateTimeFormat('sv-SE', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	});
	return (epochMs) => format.format(Number(epochMs));
}
