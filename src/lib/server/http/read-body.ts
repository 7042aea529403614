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

/** Reads the whole body, stopping with 413 as soon as it passes `maxBytes`. */
export async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > maxBytes) throw tooLarge(maxBytes);
	if (!request.body) return new Uint8Array(0);
	const chunks: Uint8Array[] = [];
	let total = 0;
	const reader = request.body.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > maxBytes) {
			await reader.cancel();
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

function tooLarge(maxBytes: number): ApiFailure {
	return new ApiFailure(413, 'payload_too_large', `The body is larger than ${maxBytes} bytes.`);
}
