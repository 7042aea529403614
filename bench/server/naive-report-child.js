// The naive peer of the report-render benchmark (bench/server/report-render.bench.node.ts), run
// as a child process with an IPC channel, `node naive-report-child.js`, kept between jobs as a
// server would render in its own long-lived process (and as ours keeps its renderer). Per job it
// receives the
// production report job plus, per image key, the ORIGINAL photo file; reads and base64-encodes
// every original, inlines each as a `data:image/jpeg;base64,…` string in its content node (no
// `images` dictionary), renders with the production renderer's pdfmake setup (same version,
// Roboto, header and footer: `renderPdfJob`), collects the PDF with `getBuffer()`, writes it to
// `output`, and replies with its own time and peak RSS (the process's, so far). Timed from the
// message to the reply.
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, getPriority } from 'node:os';
import { renderPdfJob } from '../../src/lib/server/reports/render-process.js';

/**
 * @typedef {object} NaiveRequest
 * @property {import('../../src/lib/server/reports/pdf-job').PdfJob} job
 * @property {Record<string, string>} originals image key → original photo file
 * @property {string} output
 */

/**
 * A deep copy of `node` with every `image: key` of `dataUrls` replaced by its data URL.
 * @param {unknown} node
 * @param {Map<string, string>} dataUrls
 * @param {{ count: number }} inlined
 * @returns {unknown}
 */
function inline(node, dataUrls, inlined) {
	if (Array.isArray(node)) return node.map((item) => inline(item, dataUrls, inlined));
	if (node === null || typeof node !== 'object') return node;
	/** @type {Record<string, unknown>} */
	const copy = {};
	for (const [key, value] of Object.entries(node)) {
		const url = key === 'image' && typeof value === 'string' ? dataUrls.get(value) : undefined;
		if (url !== undefined) {
			copy[key] = url;
			inlined.count++;
		} else {
			copy[key] = inline(value, dataUrls, inlined);
		}
	}
	return copy;
}

/** @param {NaiveRequest} request */
async function serve(request) {
	const started = performance.now();
	/** @type {Map<string, string>} */
	const dataUrls = new Map();
	let inlinedBytes = 0;
	for (const [key, file] of Object.entries(request.originals)) {
		const bytes = await readFile(file);
		inlinedBytes += bytes.byteLength;
		dataUrls.set(key, `data:image/jpeg;base64,${bytes.toString('base64')}`);
	}
	const inlined = { count: 0 };
	const source = request.job.definition;
	const definition = { ...source, content: inline(source.content, dataUrls, inlined) };
	delete definition.images;
	const pdf = await renderPdfJob({ ...request.job, definition });
	await writeFile(request.output, pdf);
	return {
		bytes: pdf.byteLength,
		ms: performance.now() - started,
		maxRssKb: process.resourceUsage().maxRSS,
		pid: process.pid,
		niceness: getPriority(),
		cores: availableParallelism(),
		inlinedImages: inlined.count,
		inlinedBytes
	};
}

if (typeof process.send === 'function') {
	const send = /** @type {NonNullable<typeof process.send>} */ (process.send.bind(process));
	process.on('disconnect', () => process.exit(0));
	process.on('message', (message) => {
		const { id, request } = /** @type {{ id: number, request: NaiveRequest }} */ (message);
		serve(request).then(
			(result) => send({ id, ok: true, result }),
			(error) => send({ id, ok: false, message: String(error?.stack ?? error) })
		);
	});
}
