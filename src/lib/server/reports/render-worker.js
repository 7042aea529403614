// Plain JavaScript on purpose: Node runs this file as a worker thread as it is, in vitest and
// next to the server build, so it may import nothing but Node built-ins and `pdfmake`.
import { dirname, resolve, sep } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import pdfmake from 'pdfmake';
import Roboto from 'pdfmake/fonts/Roboto.js';

/** @typedef {import('./pdf-job').PdfJob} PdfJob */

/** The `workerData.role` that makes this module render a job when loaded as a worker. */
export const REPORT_WORKER_ROLE = 'shopwalk-report-pdf';

const FONT_DIR = dirname(Roboto.Roboto.normal);
let fontsAdded = false;

/**
 * Whether `path` lies inside one of `roots` (after resolving `..`).
 * @param {string} path
 * @param {string[]} roots
 * @returns {boolean}
 */
export function isInsideRoots(path, roots) {
	const absolute = resolve(path);
	return roots.some((root) => absolute.startsWith(resolve(root) + sep));
}

/**
 * Renders a job with pdfmake: Roboto, no URL access at all, local files only under the job's
 * roots and the font folder, header and footer rebuilt from data. Layout is synchronous.
 * @param {PdfJob} job
 * @returns {Promise<Buffer>}
 */
export async function renderPdfJob(job) {
	if (!fontsAdded) {
		pdfmake.addFonts(Roboto);
		fontsAdded = true;
	}
	const roots = [...job.allowedRoots, FONT_DIR];
	pdfmake.setUrlAccessPolicy(() => false);
	// pdfmake reads the policy when the document is created, so concurrent jobs keep their own.
	pdfmake.setLocalAccessPolicy((path) => isInsideRoots(path, roots));
	const margin = job.sideMargin;
	const small = { fontSize: 8, color: '#6b6b6b' };
	/** @param {number} page */
	const header = (page) =>
		page === 1
			? null
			: {
					columns: [{ text: job.header.left }, { text: job.header.right, alignment: 'right' }],
					margin: [margin, 24, margin, 0],
					...small
				};
	/** @param {number} page @param {number} pages */
	const footer = (page, pages) => ({
		columns: [
			{ text: job.footer.left },
			{
				text: job.footer.pageOf.replace('{page}', String(page)).replace('{pages}', String(pages)),
				alignment: 'right'
			}
		],
		margin: [margin, 16, margin, 0],
		...small
	});
	return pdfmake.createPdf({ ...job.definition, header, footer }).getBuffer();
}

if (!isMainThread && parentPort && workerData?.role === REPORT_WORKER_ROLE) {
	const port = parentPort;
	renderPdfJob(workerData.job).then(
		(buffer) => {
			const backing = buffer.buffer;
			const whole =
				backing instanceof ArrayBuffer &&
				buffer.byteOffset === 0 &&
				buffer.byteLength === backing.byteLength;
			// Transfer rather than copy a whole backing store; a pooled slice is copied first.
			const bytes = whole ? new Uint8Array(backing) : new Uint8Array(buffer);
			port.postMessage({ ok: true, bytes }, [/** @type {ArrayBuffer} */ (bytes.buffer)]);
		},
		(error) => {
			port.postMessage({ ok: false, message: String(error?.stack ?? error) });
		}
	);
}
