import type { PresenceOutcome } from './presence';
import type { ReportInput, ReportPhotoInput, ReportReviewState } from './report-model';
import type {
	Answer,
	AuditScore,
	CheckpointNote,
	JourneyTemplate,
	Locale,
	Location
} from './types';

/**
 * What one audit's report is made of, wherever it is made: the server's PDF (from a report
 * version's snapshot) and the tablet's preview before sending (from IndexedDB) both describe the
 * audit this way and hand it to {@link reportInputOf}, so the two read the same model
 * (`buildReportModel`).
 */
export interface ReportSource {
	template: JourneyTemplate;
	content: {
		locale: Locale;
		location: Location;
		timeIn: number;
		timeOut: number | null;
		stageTimeMs: Record<string, number>;
		narrative: string;
		answers: readonly Pick<Answer, 'checkpointId' | 'value'>[];
		notes: readonly Pick<CheckpointNote, 'checkpointId' | 'text'>[];
		/** The presence check's outcome at time-in, when one was made. */
		presence?: PresenceOutcome | null;
	};
	score: AuditScore;
	photos: readonly ReportPhotoInput[];
	organisationName: string;
	shopperPseudonym: string;
	generatedAt: number;
	/** The report version's review state; absent on the tablet's preview (no version yet). */
	review?: { state: ReportReviewState; version: number };
	/** The store's time zone the report's times are shown in; absent: the runtime's own. */
	timeZone?: string;
	/** The version's seal (its verification code); absent on the preview (not sealed yet). */
	verification?: ReportInput['verification'];
	/** This store's recent trend and the competitor comparison; absent on the preview. */
	insights?: ReportInput['insights'];
}

/**
 * The report model's input for one audit, in the audit's own language: only the fields the
 * report reads are taken (answer and note times, device facts and anything else stay out), and
 * photos are put in the order they were taken (ties by id), whatever order the caller holds them
 * in, so "Photo 3" is the same photo on the tablet and in the PDF.
 */
export function reportInputOf(source: ReportSource): ReportInput {
	const { content } = source;
	return {
		template: source.template,
		content: {
			answers: content.answers.map((a) => ({ checkpointId: a.checkpointId, value: a.value })),
			notes: content.notes.map((n) => ({ checkpointId: n.checkpointId, text: n.text })),
			narrative: content.narrative,
			timeIn: content.timeIn,
			timeOut: content.timeOut,
			stageTimeMs: content.stageTimeMs,
			location: content.location,
			locale: content.locale,
			presence: content.presence ?? null
		},
		score: source.score,
		photos: [...source.photos].sort(byCapture).map((photo) => ({
			id: photo.id,
			checkpointId: photo.checkpointId,
			kind: photo.kind,
			caption: photo.caption,
			capturedAt: photo.capturedAt
		})),
		organisationName: source.organisationName,
		shopperPseudonym: source.shopperPseudonym,
		reportLocale: content.locale,
		generatedAt: source.generatedAt,
		...(source.review && { review: source.review }),
		...(source.timeZone && { timeZone: source.timeZone }),
		...(source.verification && { verification: source.verification }),
		...(source.insights && { insights: source.insights })
	};
}

function byCapture(a: ReportPhotoInput, b: ReportPhotoInput): number {
	if (a.capturedAt !== b.capturedAt) return a.capturedAt - b.capturedAt;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
