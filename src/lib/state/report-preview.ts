import { reportInputOf } from '$lib/domain/report-input';
import { buildReportModel, type ReportModel } from '$lib/domain/report-model';
import type { AuditSession } from './audit-session.svelte';

/**
 * The report of an open audit as it stands, made on the device with the same model as the
 * server's PDF (`reportInputOf` → `buildReportModel`), in the audit's language. `who` is the
 * signed-in user (organisation name, pseudonym), `now` the time it is made. Kept out of
 * `AuditSession` so the audit runner does not load the report model.
 */
export function deviceReportModel(
	session: AuditSession,
	who: { organisation: { name: string }; pseudonym: string } | null,
	now: number
): ReportModel {
	const audit = session.audit;
	return buildReportModel(
		reportInputOf({
			template: session.template,
			content: {
				locale: audit.locale,
				location: audit.location,
				timeIn: audit.timeIn,
				timeOut: audit.timeOut,
				stageTimeMs: audit.stageTimeMs,
				narrative: audit.narrative,
				answers: session.answerEntries,
				notes: session.noteEntries
			},
			score: session.score,
			photos: session.allPhotos,
			organisationName: who?.organisation.name ?? '',
			shopperPseudonym: who?.pseudonym ?? '',
			generatedAt: now
		})
	);
}
