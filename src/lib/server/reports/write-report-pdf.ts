import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ownTempTag, tempPathFor } from '../files/temp-files';
import type { ReportModel } from '$lib/domain/report-model';
import { buildReportJob } from './document';
import type { RenderRequest, RenderResult } from './pdf-job';
import { reportRendererFile, sharedReportRenderer } from './render-in-child';
import { runRenderRequest } from './render-process.js';
import { reportFilePath } from './report-files';
import { reportPhotoRoot, reportRenditionTasks } from './report-photos';

export interface WriteReportPdfOptions {
	dataDir: string;
	organisationId: string;
	auditId: string;
	model: ReportModel;
	/** Where the PDF goes, relative to the data folder (`reportFileName`). */
	file: string;
	/** Render in this process (tests); default false. */
	inProcess?: boolean;
}

/**
 * Writes one audit's report PDF to `file`: the renderer makes (or reuses) the report renditions
 * of its photos and streams the PDF into a temporary file, which is renamed into place only when
 * complete. The renderer is this server's low-priority renderer process unless `inProcess` is set or its file
 * cannot be found (then this process, with a warning).
 */
export async function writeReportPdf(options: WriteReportPdfOptions): Promise<RenderResult> {
	const { dataDir, model } = options;
	const renditions = reportRenditionTasks(
		dataDir,
		{ organisationId: options.organisationId, auditId: options.auditId },
		Object.keys(model.photos)
	);
	const photoFiles = Object.fromEntries(renditions.map((task) => [task.photoId, task.target]));
	const target = reportFilePath(dataDir, options.file);
	await mkdir(dirname(target), { recursive: true });
	const request: RenderRequest = {
		job: buildReportJob(model, photoFiles, [reportPhotoRoot(dataDir)]),
		renditions: renditions.map(({ source, target }) => ({ source, target })),
		output: tempPathFor(target),
		tempTag: ownTempTag()
	};
	try {
		const result = await render(request, options.inProcess === true);
		await rename(request.output, target);
		return result;
	} catch (error) {
		await rm(request.output, { force: true });
		throw error;
	}
}

function render(request: RenderRequest, inProcess: boolean): Promise<RenderResult> {
	if (inProcess) return runRenderRequest(request);
	if (reportRendererFile() === null) {
		console.warn('Report renderer file not found; rendering the report in this process');
		return runRenderRequest(request);
	}
	return sharedReportRenderer().render(request);
}
