import type { ReportModel } from '$lib/domain/report-model';
import { buildReportJob } from './document';
import { renderReportPdfInWorker, reportWorkerFile } from './render-in-worker';
import { renderReportPdf } from './render-pdf';
import { prepareReportPhotos, reportPhotoRoot } from './report-photos';

/**
 * The PDF of one audit's report: makes (or reuses) the report renditions of its photos, builds
 * the document and renders it, in a worker thread unless `inProcess` is set or the worker file
 * cannot be found (then in this thread, with a warning).
 */
export async function makeReportPdf(options: {
	dataDir: string;
	organisationId: string;
	auditId: string;
	model: ReportModel;
	inProcess?: boolean;
}): Promise<Buffer> {
	const { dataDir, model } = options;
	const photoFiles = await prepareReportPhotos(
		dataDir,
		{ organisationId: options.organisationId, auditId: options.auditId },
		Object.keys(model.photos)
	);
	const job = buildReportJob(model, photoFiles, [reportPhotoRoot(dataDir)]);
	if (options.inProcess) return renderReportPdf(job);
	if (reportWorkerFile() === null) {
		console.warn('Report worker file not found; rendering the report in the main thread');
		return renderReportPdf(job);
	}
	return renderReportPdfInWorker(job);
}
