// Plain JavaScript on purpose: the server starts this file as a child process as it is (in
// vitest, in dev and beside the production build), so it imports nothing but Node built-ins,
// pdfmake and sharp. The server also imports its functions to render in-process (tests, and the
// fallback when the file cannot be found on disk).
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { getPriority } from 'node:os';
import { dirname, resolve, sep } from 'node:path';
import pdfmake from 'pdfmake';
import Roboto from 'pdfmake/fonts/Roboto.js';

/** @typedef {import('./pdf-job').PdfJob} PdfJob */
/** @typedef {import('./pdf-job').RenderRequest} RenderRequest */
/** @typedef {import('./pdf-job').RenderResult} RenderResult */

/** The first argument that makes this module serve one render request as a child process. */
export const REPORT_RENDER_ROLE = 'shopwalk-report-pdf';

/** The long edge of a report rendition, in pixels. */
export const REPORT_PHOTO_EDGE = 1200;
/** JPEG quality of a report rendition. */
export const REPORT_PHOTO_QUALITY = 75;
/** Renditions made at once: the renderer has a core to itself at best. */
const RENDITION_LANES = 2;
/** A renderer process retires after this many jobs, or once it has grown past this size. */
const RETIRE_AFTER_JOBS = 200;
const RETIRE_ABOVE_RSS_BYTES = 512 * 1024 * 1024;

/** @type {Promise<typeof import('sharp').default> | undefined} */
let sharpModule;
/** sharp, loaded on first use: a report whose renditions all exist never pays for it. */
function loadSharp() {
	sharpModule ??= import('sharp').then(({ default: sharp }) => {
		// One image at a time, never seen again: libvips's operation cache would only hold memory.
		sharp.cache(false);
		return sharp;
	});
	return sharpModule;
}

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
 * The pdfmake document of a job: Roboto, no URL access at all, local files only under the job's
 * roots and the font folder, header and footer rebuilt from data.
 * @param {PdfJob} job
 */
function createDocument(job) {
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
	return pdfmake.createPdf({ ...job.definition, header, footer });
}

/**
 * Renders a job to PDF bytes in memory. Layout is synchronous and blocks this thread.
 * @param {PdfJob} job
 * @returns {Promise<Buffer>}
 */
export function renderPdfJob(job) {
	return createDocument(job).getBuffer();
}

/**
 * Renders a job straight into `file` (streamed, never whole in memory); returns its size.
 * @param {PdfJob} job
 * @param {string} file
 * @returns {Promise<number>}
 */
export async function writePdfJob(job, file) {
	await createDocument(job).write(file);
	return (await stat(file)).size;
}

/**
 * Makes the report rendition of one photo (long edge ≤ 1200 px, quality 75, no metadata) unless
 * it exists. Photos are immutable per id, so an existing rendition is current; a temporary file
 * and a rename keep a half-written one from ever being used.
 * The temporary name carries `tempTag` (the server's `host~pid`), so a crash's leftovers can be
 * told from a live write (files/temp-files.ts sweeps them).
 * @param {string} source
 * @param {string} target
 * @param {string} [tempTag]
 */
export async function makeRendition(source, target, tempTag = `renderer~${process.pid}`) {
	if (await isFile(target)) return;
	await mkdir(dirname(target), { recursive: true });
	const temp = `${target}.${randomUUID()}.${tempTag}.tmp`;
	const sharp = await loadSharp();
	try {
		// Upright by its EXIF orientation (the app's photos have none, but an upload from elsewhere
		// may); sharp writes no metadata unless asked to, so EXIF stays out of the report.
		await sharp(source)
			.rotate()
			.resize(REPORT_PHOTO_EDGE, REPORT_PHOTO_EDGE, { fit: 'inside', withoutEnlargement: true })
			.jpeg({ quality: REPORT_PHOTO_QUALITY })
			.toFile(temp);
		await testDelay();
		await rename(temp, target);
	} catch (error) {
		await rm(temp, { force: true });
		throw error;
	}
}

/**
 * Serves one request: the missing renditions, then the PDF streamed into `request.output`.
 * @param {RenderRequest} request
 * @returns {Promise<RenderResult>}
 */
export async function runRenderRequest(request) {
	const started = performance.now();
	let next = 0;
	const lane = async () => {
		while (next < request.renditions.length) {
			const task = /** @type {import('./pdf-job').RenditionTask} */ (request.renditions[next++]);
			await makeRendition(task.source, task.target, request.tempTag);
		}
	};
	await Promise.all(
		Array.from({ length: Math.min(RENDITION_LANES, request.renditions.length) }, lane)
	);
	const bytes = await writePdfJob(request.job, request.output);
	return {
		bytes,
		ms: performance.now() - started,
		maxRssKb: process.resourceUsage().maxRSS,
		pid: process.pid,
		niceness: getPriority()
	};
}

/**
 * Test hook: `SHOPWALK_TEST_RENDITION_DELAY_MS` holds each finished rendition in its temporary
 * file that long before the rename, so a crash test can catch a report mid-render. Unset in
 * production.
 */
function testDelay() {
	const ms = Number(process.env.SHOPWALK_TEST_RENDITION_DELAY_MS ?? 0);
	return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/** @param {string} path */
async function isFile(path) {
	try {
		return (await stat(path)).isFile();
	} catch (error) {
		if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return false;
		throw error;
	}
}

// As a child process: requests over IPC, one at a time, each answered with its id. The process
// stays warm between jobs (loading pdfmake and compiling its layout code costs about half a
// second) and retires itself — the server starts a fresh one — after RETIRE_AFTER_JOBS jobs or
// once it has grown past RETIRE_ABOVE_RSS_BYTES, so a large report's memory does not stay.
if (process.argv[2] === REPORT_RENDER_ROLE && typeof process.send === 'function') {
	const send = /** @type {NonNullable<typeof process.send>} */ (process.send.bind(process));
	let served = 0;
	// The server is gone: there is no one to render for.
	process.on('disconnect', () => process.exit(0));
	/** @param {{ id: number, ok: boolean, result?: RenderResult, message?: string }} reply */
	const answer = (reply) => {
		served++;
		const retire =
			served >= RETIRE_AFTER_JOBS || process.memoryUsage().rss > RETIRE_ABOVE_RSS_BYTES;
		send({ ...reply, retire }, () => {
			if (retire) process.exit(0);
		});
	};
	process.on('message', (message) => {
		const { id, request } = /** @type {{ id: number, request: RenderRequest }} */ (message);
		runRenderRequest(request).then(
			(result) => answer({ id, ok: true, result }),
			(error) => answer({ id, ok: false, message: String(error?.message ?? error) })
		);
	});
}
