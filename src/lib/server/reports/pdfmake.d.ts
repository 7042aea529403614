/*
 * pdfmake 0.3 ships no types, and @types/pdfmake describes the 0.1/0.2 PdfPrinter API. Only the
 * server calls Shopwalk uses are declared; document definitions are checked by our own builders.
 */
declare module 'pdfmake' {
	interface PdfmakeFontFiles {
		normal: string;
		bold: string;
		italics: string;
		bolditalics: string;
	}
	interface PdfmakeOutputDocument {
		getBuffer(): Promise<Buffer>;
		getStream(): Promise<NodeJS.ReadableStream>;
		write(filename: string): Promise<void>;
	}
	interface Pdfmake {
		addFonts(fonts: Record<string, PdfmakeFontFiles>): void;
		setFonts(fonts: Record<string, PdfmakeFontFiles>): void;
		setUrlAccessPolicy(callback: ((url: string) => boolean) | undefined): void;
		setLocalAccessPolicy(callback: ((path: string) => boolean) | undefined): void;
		createPdf(
			definition: Record<string, unknown>,
			options?: { bufferPages?: boolean; fontLayoutCache?: boolean }
		): PdfmakeOutputDocument;
	}
	const pdfmake: Pdfmake;
	export default pdfmake;
}

declare module 'pdfmake/fonts/Roboto.js' {
	const fonts: {
		Roboto: { normal: string; bold: string; italics: string; bolditalics: string };
	};
	export default fonts;
}
