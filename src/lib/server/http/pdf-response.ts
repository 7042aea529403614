/** A report PDF as a download: never sniffed, never cached past its version. */
export function pdfResponse(report: { bytes: Buffer; filename: string }): Response {
	return new Response(new Uint8Array(report.bytes), {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(report.bytes.byteLength),
			'content-disposition': `attachment; filename="${report.filename}"`,
			'cache-control': 'private, no-cache',
			'x-content-type-options': 'nosniff'
		}
	});
}
