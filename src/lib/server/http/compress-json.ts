import type { Handle } from '@sveltejs/kit';

/** Bodies smaller than this are sent as they are: gzip's header would eat the saving. */
export const COMPRESS_MIN_BYTES = 1024;

/** Whether the client takes gzip (`Accept-Encoding`: an explicit `gzip` wins over `*`; q=0 refuses). */
export function acceptsGzip(header: string | null): boolean {
	if (!header) return false;
	const weights = new Map<string, number>();
	for (const part of header.split(',')) {
		const [coding, ...params] = part.trim().toLowerCase().split(';');
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		if (coding) weights.set(coding.trim(), q === undefined ? 1 : Number(q.slice(2)));
	}
	const weight = weights.get('gzip') ?? weights.get('*') ?? 0;
	return weight > 0;
}

/** Text the API sends that compresses well: JSON, and the exports' JSON lines and CSV. */
const COMPRESSED_TYPES = ['application/json', 'application/x-ndjson', 'text/csv'];

/**
 * Gzips JSON answers of the API (and the exports, JSON lines or CSV, also the office's) for clients that take it — a pull or an audit list is a large,
 * repetitive text (a first pull: 218 KB raw, 39 KB gzipped) — streamed through
 * `CompressionStream`, so memory stays constant whatever the body's size. Photos and PDFs are
 * already compressed and pass through untouched, as do small bodies and anything with an
 * encoding of its own. `Vary: Accept-Encoding` keeps caches honest.
 */
export const compressJsonHandle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const path = event.url.pathname;
	const compressed = path.startsWith('/api/') || path.startsWith('/office/export/');
	if (!compressed || event.request.method === 'HEAD') return response;
	const type = response.headers.get('content-type') ?? '';
	const length = Number(response.headers.get('content-length') ?? NaN);
	if (
		!COMPRESSED_TYPES.some((prefix) => type.startsWith(prefix)) ||
		response.headers.has('content-encoding') ||
		!response.body ||
		(Number.isFinite(length) && length < COMPRESS_MIN_BYTES) ||
		!acceptsGzip(event.request.headers.get('accept-encoding'))
	) {
		if (type.startsWith('application/json')) response.headers.append('vary', 'Accept-Encoding');
		return response;
	}
	const headers = new Headers(response.headers);
	headers.set('content-encoding', 'gzip');
	headers.delete('content-length');
	headers.append('vary', 'Accept-Encoding');
	return new Response(response.body.pipeThrough(new CompressionStream('gzip')), {
		status: response.status,
		statusText: response.statusText,
		headers
	});
};
