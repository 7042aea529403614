import { ApiRequestError, errorFromResponse } from './api-error';
import type { FetchLike } from './request';

/** One file to download from the API: where, which media type it must be, and how to read it. */
export interface FileDownload<T> {
	path: string;
	/** The media type the 2xx body must have, e.g. `image/jpeg`; JSON is accepted for errors. */
	mediaType: string;
	/** How the error message names the expected file, e.g. `a JPEG`. */
	description: string;
	/** Reads the body (`arrayBuffer`, `blob`); runs under the same timeout as the request. */
	read: (response: Response) => Promise<T>;
	timeoutMs: number;
}

/** The body as `read` gave it, and the response's headers (a file name, say). */
export interface DownloadedFile<T> {
	body: T;
	headers: Headers;
}

/**
 * GETs one binary file with the session cookie. Throws only ApiRequestError: `offline` when fetch
 * or the body read fails, `timeout` when the whole exchange (body included) takes longer than
 * `timeoutMs`, the status's reason for a non-2xx, `bad_response` when a 2xx is not `mediaType`.
 */
export async function downloadFile<T>(
	fetchFn: FetchLike,
	baseUrl: string,
	download: FileDownload<T>
): Promise<DownloadedFile<T>> {
	const label = `GET ${download.path}`;
	const controller = new AbortController();
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		controller.abort();
	}, download.timeoutMs);
	const cutOff = (error: unknown) =>
		timedOut
			? new ApiRequestError('timeout', `${label} timed out`, { cause: error })
			: new ApiRequestError('offline', `${label} failed: no response`, { cause: error });
	try {
		let response: Response;
		try {
			response = await fetchFn(baseUrl + download.path, {
				method: 'GET',
				headers: { accept: `${download.mediaType}, application/json` },
				credentials: 'same-origin',
				signal: controller.signal
			});
		} catch (error) {
			throw cutOff(error);
		}
		if (!response.ok) throw await errorFromResponse(response);
		const type = response.headers.get('content-type') ?? '';
		if (!type.startsWith(download.mediaType)) {
			// A captive portal's or proxy's page, not the file.
			await response.body?.cancel().catch(() => undefined);
			throw new ApiRequestError('bad_response', `${label}: not ${download.description} (${type})`, {
				status: response.status
			});
		}
		let body: T;
		try {
			body = await download.read(response);
		} catch (error) {
			throw cutOff(error);
		}
		return { body, headers: response.headers };
	} finally {
		clearTimeout(timer);
	}
}
