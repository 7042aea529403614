import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import * as v from 'valibot';
import { MAX_JSON_BODY_BYTES } from '$lib/contract/api-paths';
import { AuditUploadSchema } from '$lib/contract/sync';
import { requireUser } from '$lib/server/auth/require-user';
import { SESSION_COOKIE } from '$lib/server/auth/session-cookie';
import { authenticate } from '$lib/server/auth/sessions';
import { ApiFailure } from '$lib/server/http/api-error';
import type { ServiceContext } from '$lib/server/services/context';
import { upsertAudit } from '$lib/server/services/audit-upsert';

const AUDIT_PATH = /^\/api\/audits\/([^/]+)$/;

/**
 * The peer of the sync-endpoint benchmark: `PUT /api/audits/{id}` on a bare `node:http` server,
 * doing the work the SvelteKit route and its `handle` steps do, with the same functions — the
 * session cookie through `authenticate`, the same-origin check, the JSON body (size limit,
 * strict UTF-8, `AuditUploadSchema`), then `upsertAudit` — and nothing of Kit (no Request or
 * Response objects, no routing, no hooks).
 */
export function startBareSyncServer(
	ctx: ServiceContext,
	origin: string,
	port: number
): Promise<Server> {
	const server = createServer((req, res) => {
		void handle(ctx, origin, req, res);
	});
	server.keepAliveTimeout = 10_000;
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(server));
	});
}

async function handle(
	ctx: ServiceContext,
	origin: string,
	req: IncomingMessage,
	res: ServerResponse
): Promise<void> {
	try {
		const match = AUDIT_PATH.exec(new URL(req.url ?? '/', origin).pathname);
		if (req.method !== 'PUT' || !match) throw new ApiFailure(404, 'not_found', 'Not found.');
		if (req.headers.origin !== origin) {
			throw new ApiFailure(403, 'bad_origin', 'Cross-origin requests to the API are refused.');
		}
		const token = cookieValue(req.headers.cookie, SESSION_COOKIE);
		const session = token ? await authenticate(ctx.db, token, Date.now()) : null;
		const user = requireUser(
			{ user: session?.user ?? null, sessionId: session?.sessionId ?? null },
			['shopper']
		);
		if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
			throw new ApiFailure(415, 'unsupported_media_type', 'Send application/json.');
		}
		const bytes = await readBody(req, MAX_JSON_BODY_BYTES);
		let parsed: unknown;
		try {
			parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
		} catch {
			throw new ApiFailure(400, 'malformed_json', 'The body is not valid JSON.');
		}
		const upload = v.safeParse(AuditUploadSchema, parsed);
		if (!upload.success) {
			throw new ApiFailure(422, 'invalid_payload', 'The payload does not match the API.');
		}
		const auditId = decodeURIComponent(match[1]!);
		const body = await upsertAudit(ctx, user, auditId, upload.output, Date.now());
		send(res, 200, body);
	} catch (error) {
		if (error instanceof ApiFailure) {
			send(res, error.status, { error: error.code, message: error.message });
		} else {
			send(res, 500, { error: 'internal_error', message: String(error) });
		}
	}
}

function send(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text)
	});
	res.end(text);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
	for (const part of (header ?? '').split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === name) {
			return decodeURIComponent(part.slice(eq + 1).trim());
		}
	}
	return undefined;
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
	const chunks: Buffer[] = [];
	let total = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		total += chunk.byteLength;
		if (total > maxBytes) {
			throw new ApiFailure(413, 'payload_too_large', `The body is larger than ${maxBytes} bytes.`);
		}
		chunks.push(chunk);
	}
	return Buffer.concat(chunks, total);
}
