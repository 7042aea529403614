/**
 * What the PDF renderer takes: a pdfmake document definition without functions (so it can be
 * sent to the renderer process) plus the data the header and footer functions are rebuilt from.
 */
export interface PdfJob {
	/** A pdfmake document definition of plain data: no functions, images as absolute paths. */
	definition: Record<string, unknown>;
	/** Running header from page 2 on. */
	header: { left: string; right: string };
	/** Footer on every page; `pageOf` has `{page}` and `{pages}` placeholders. */
	footer: { left: string; pageOf: string };
	/** Left and right page margin in points, for the header and footer. */
	sideMargin: number;
	/** Folders the renderer may read files from (the font folder is always allowed). */
	allowedRoots: string[];
}

/** One photo's report rendition to make (if it does not exist yet) before the layout. */
export interface RenditionTask {
	/** The stored photo. */
	source: string;
	/** Where its report rendition lives. */
	target: string;
}

/** What the renderer process is sent: renditions to make, the job, and where the PDF goes. */
export interface RenderRequest {
	job: PdfJob;
	renditions: RenditionTask[];
	/** The file the PDF is streamed into (a temporary name; the caller renames it). */
	output: string;
	/** The server's `host~pid` tag for the renderer's temporary files (see files/temp-files.ts). */
	tempTag?: string;
}

/** What the renderer reports back. */
export interface RenderResult {
	/** Size of the PDF written. */
	bytes: number;
	/** Renditions plus layout, inside the renderer. */
	ms: number;
	/** Peak resident memory of the process that rendered, in KiB. */
	maxRssKb: number;
	/** The process that rendered (this one when rendered in-process). */
	pid: number;
	/** Its nice value: positive when it yields the CPU to request handling. */
	niceness: number;
}
