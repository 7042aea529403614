import * as v from 'valibot';
import { ApiRequestError, errorFromResponse } from './api-error';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** One request to the API: method, path, body and the schema its 2xx body must match. */
export interface ApiRequest<T> {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	path: string;
	/** JSON-serialisable value, or raw bytes sent as-is. */
	json?: unknown;
	bytes?: { body: ArrayBuffer; type: string };
	headers?: Record<string, string>;
	/** null: the body is ignored (204 or anything). */
	schema: v.GenericSchema<unknown, T> | null;
	timeoutMs: number;
}

/**
 * Sends one request and resolves with its parsed 2xx body. Throws ApiRequestError: `offline`
 * when fetch throws, `timeout` when the whole exchange (body included) takes longer than
 * `timeoutMs`, the status's reason for a non-2xx, `bad_response` for a body off the contract.
 */
export async function sendRequest<T>(
	fetchFn: FetchLike,
	baseUrl: string,
	request: ApiRequest<T>
): Promise<T> {
	const controller = new AbortController();
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		controller.abort();
	}, request.timeoutMs);
	const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
	let body: string | ArrayBuffer | undefined;
	if (request.bytes) {
		headers['content-type'] = request.bytes.type;
		body = request.bytes.body;
	} else if (request.json !== undefined) {
		headers['content-type'] = 'application/json';
		body = JSON.stringify(request.json);
	}
	const label = `${request.method} ${request.path}`;
	try {
		let response: Response;
		try {
			response = await fetchFn(baseUrl + request.path, {
				method: request.method,
				headers,
				body,
				credentials: 'same-origin',
				signal: controller.signal
			});
		} catch (error) {
			throw timedOut
				? new ApiRequestError('timeout', `${label} timed out`, { cause: error })
				: new ApiRequestError('offline', `${label} failed: no response`, { cause: error });
		}
		if (!response.ok) throw await errorFromResponse(response);
		if (request.schema === null) {
			await response.body?.cancel().catch(() => undefined);
			return undefined as T;
		}
		let payload: unknown;
		try {
			payload = await response.json();
		} catch (error) {
			if (timedOut) throw new ApiRequestError('timeout', `${label} timed out`, { cause: error });
			throw new ApiRequestError('bad_response', `${label}: the response is not JSON`, {
				status: response.status,
				cause: error
			});
		}
		const parsed = v.safeParse(request.schema, payload);
		if (!parsed.success) {
			throw new ApiRequestError('bad_response', `${label}: ${v.summarize(parsed.issues)}`, {
				status: response.status,
				details: parsed.issues.map((issue) => issue.message)
			});
		}
		return parsed.output;
	} catch (error) {
		if (error instanceof ApiRequestError) throw error;
		// A body read cut off by the network or by our abort.
		throw timedOut
			? new ApiRequestError('timeout', `${label} timed out`, { cause: error })
			: new ApiRequestError('offline', `${label} failed: ${String(error)}`, { cause: error });
	} finally {
		clearTimeout(timer);
	}
}
