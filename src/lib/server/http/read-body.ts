import * as v from 'valibot';
import { ApiFailure } from './api-error';

/**
 * Reads a JSON body of at most `maxBytes`, refusing other content types, malformed JSON and
 * anything the schema does not accept — each with a clear 4xx and nothing stored.
 */
export async function readJson<S extends v.GenericSchema>(
	request: Request,
	schema: S,
	maxBytes: number
): Promise<v.InferOutput<S>> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json\s*(;|$)/i.test(type)) {
		throw new ApiFailure(
			415,
			'unsupported_media_type',
			'Send JSON (Content-Type: application/json).'
		);
	}
	const bytes = await readBytes(request, maxBytes);
	let parsed: unknown;
	try {
		parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch {
		throw new ApiFailure(400, 'malformed_json', 'The body is not valid JSON.');
	}
	const result = v.safeParse(schema, parsed);
	if (!result.success) {
		throw new ApiFailure(422, 'invalid_payload', 'The payload does not match the API.', {
			issues: result.issues.slice(0, 20).map((issue) => ({
				path: v.getDotPath(issue),
				message: issue.message
			}))
		});
	}
	return result.output;
}

/**
 * Past the limit, up to this much more is read and dropped so the client receives the 413
 * (stopping to read would reset the connection under an upload); beyond it the connection closes.
 */
const DRAIN_LIMIT = 32 * 1024 * 1024;

/** The client went away (or timed out) before its body was complete: nothing is left to answer. */
export class ClientAbortError extends ApiFailure {
	constructor(cause: unknown) {
		super(400, 'request_aborted', 'The request body ended before it was complete.');
		this.name = 'ClientAbortError';
		this.cause = cause;
	}
}

/**
 * Reads the whole body. Past `maxBytes` it answers 413 `payload_too_large` — after reading and
 * dropping the rest of a moderately larger body, so a chunked upload gets the answer instead of a
 * reset. A body cut off by the client (or the server's request timeout) is a `ClientAbortError`,
 * never a server error.
 */
export async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > maxBytes) throw tooLarge(maxBytes);
	if (!request.body) return new Uint8Array(0);
	const chunks: Uint8Array[] = [];
	let total = 0;
	const reader = request.body.getReader();
	for (;;) {
		const { done, value } = await read(reader, maxBytes);
		if (done) break;
		total += value.byteLength;
		if (total > maxBytes) {
			await drain(reader, total, maxBytes);
			throw tooLarge(maxBytes);
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}

async function read(
	reader: ReadableStreamDefaultReader<Uint8Array>,
	maxBytes: number
): Promise<ReadableStreamReadResult<Uint8Array>> {
	try {
		return await reader.read();
	} catch (error) {
		// adapter-node's own BODY_SIZE_LIMIT check errors the stream with a 413.
		if ((error as { status?: unknown }).status === 413) throw tooLarge(maxBytes);
		throw new ClientAbortError(error);
	}
}

async function drain(
	reader: ReadableStreamDefaultReader<Uint8Array>,
	seen: number,
	maxBytes: number
): Promise<void> {
	try {
		while (seen <= maxBytes + DRAIN_LIMIT) {
			const { done, value } = await reader.read();
			if (done) return;
			seen += value.byteLength;
		}
		await reader.cancel();
	} catch {
		// The client went away; the 413 goes nowhere, which is fine.
	}
}

function tooLarge(maxBytes: number): ApiFailure {
	return new ApiFailure(413, 'payload_too_large', `The body is larger than ${maxBytes} bytes.`);
}
