import type { PdfJob } from './pdf-job';
import { renderPdfJob } from './render-worker.js';

/**
 * Renders a report job to PDF bytes in this thread. Layout is synchronous and blocks the event
 * loop for the whole build; request handlers should use `renderReportPdfInWorker`.
 */
export function renderReportPdf(job: PdfJob): Promise<Buffer> {
	return renderPdfJob(job);
}
