/**
 * What the PDF renderer takes: a pdfmake document definition without functions (so it can be
 * posted to a worker thread) plus the data the header and footer functions are rebuilt from.
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
