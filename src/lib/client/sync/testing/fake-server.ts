import * as v from 'valibot';
import { API, CONTENT_SHA256_HEADER, IDEMPOTENCY_KEY_HEADER } from '$lib/contract/api-paths';
import { SignInRequestSchema, type SessionUser } from '$lib/contract/auth';
import {
	AuditUploadSchema,
	SubmitRequestSchema,
	type AuditUpload,
	type PullResponse,
	type ServerAuditState,
	type SubmitResponse
} from '$lib/contract/sync';
import { sha256Hex } from '../sha256';

export interface FakeAudit {
	upload: AuditUpload;
	state: ServerAuditState;
	/** When the review state last changed (for pulls). */
	changedAt: number;
	comments: { checkpointId: string | null; body: string; createdAt: number; round: number }[];
}

export interface FakePhoto {
	auditId: string;
	sha256: string;
	bytes: Uint8Array;
}

type Reference = Omit<PullResponse, 'cursor' | 'audits'>;

export const FAKE_USER: SessionUser = {
	id: 'user-1',
	email: 'shopper@example.com',
	displayName: 'Sam Shopper',
	pseudonym: 'Shopper 7',
	role: 'shopper',
	fieldWork: true,
	organisation: { id: 'org-1', name: 'Demo' }
};
export const FAKE_PASSWORD = 'secret';

/**
 * An in-memory server with the contract's semantics, as a fetch function: idempotent audit
 * upserts by revision, photo bytes checked against their SHA-256 and the manifest, submit
 * with an idempotency-key store (replay, or 422 for a reused key with another body) that is
 * accepted only when every manifest photo is present. Counts what actually changed state.
 */
export class FakeSyncServer {
	readonly audits = new Map<string, FakeAudit>();
	readonly photos = new Map<string, FakePhoto>();
	/** Submits that changed an audit's state, in order; replays are not counted. */
	readonly submitExecutions: string[] = [];
	/** The idempotency key of each submit that changed an audit's state, in order. */
	readonly submitKeys: string[] = [];
	/** Every request that reached the server. */
	readonly received: { method: string; path: string }[] = [];
	/** Audit ids this server refuses with 422 (to test a refused audit). */
	readonly refuse = new Set<string>();
	reference: Reference = { templates: [], locations: [], assignments: [] };
	referenceChangedAt = 1;
	sessionValid = true;
	clock = 1_000;
	readonly #idempotency = new Map<string, { requestHash: string; response: SubmitResponse }>();

	/** The session cookie expires: every request but sign-in gets 401 until someone signs in. */
	expireSession(): void {
		this.sessionValid = false;
	}

	/** A reviewer returns a submitted audit with an overall comment and checkpoint comments. */
	returnAudit(
		auditId: string,
		body: string,
		checkpointComments: { checkpointId: string; body: string }[] = []
	): void {
		const audit = this.audits.get(auditId);
		if (!audit) throw new Error(`No audit ${auditId}`);
		audit.state = 'returned';
		audit.changedAt = ++this.clock;
		const round = Math.max(0, ...audit.comments.map((comment) => comment.round)) + 1;
		audit.comments.push({ checkpointId: null, body, createdAt: this.clock, round });
		for (const comment of checkpointComments) {
			audit.comments.push({ ...comment, createdAt: this.clock, round });
		}
	}

	/** A reviewer approves a submitted or resubmitted audit. */
	approveAudit(auditId: string): void {
		const audit = this.audits.get(auditId);
		if (!audit) throw new Error(`No audit ${auditId}`);
		audit.state = 'approved';
		audit.changedAt = ++this.clock;
	}

	readonly fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
		const url = new URL(input, 'http://fake.local');
		const method = (init.method ?? 'GET').toUpperCase();
		const headers = new Headers(init.headers);
		const body = bodyBytes(init.body);
		this.received.push({ method, path: url.pathname });
		this.clock++;
		if (method === 'POST' && url.pathname === API.signIn) return this.#signIn(body);
		if (!this.sessionValid) return error(401, 'unauthenticated', 'Sign in again');
		if (method === 'POST' && url.pathname === API.signOut) {
			this.sessionValid = false;
			return new Response(null, { status: 204 });
		}
		if (method === 'GET' && url.pathname === API.me) return json(200, { user: FAKE_USER });
		if (method === 'GET' && url.pathname === API.pull) {
			return this.#pull(Number(url.searchParams.get('since') ?? 0));
		}
		const parts = url.pathname.split('/').map(decodeURIComponent);
		if (method === 'GET' && parts[1] === 'api' && parts[2] === 'photos' && parts.length === 4) {
			const photo = this.photos.get(parts[3]!);
			if (!photo) return error(404, 'photo_not_found', 'There is no such photo.');
			return new Response(photo.bytes.slice(), { headers: { 'content-type': 'image/jpeg' } });
		}
		// ['', 'api', 'audits', id, ('photos', photoId) | 'submit']
		if (parts[1] === 'api' && parts[2] === 'audits' && parts[3]) {
			const auditId = parts[3];
			if (method === 'PUT' && parts.length === 4) return this.#putAudit(auditId, body);
			if (method === 'PUT' && parts[4] === 'photos' && parts[5] && parts.length === 6) {
				return this.#putPhoto(auditId, parts[5], body, headers.get(CONTENT_SHA256_HEADER));
			}
			if (method === 'POST' && parts[4] === 'submit' && parts.length === 5) {
				return this.#submit(auditId, body, headers.get(IDEMPOTENCY_KEY_HEADER));
			}
		}
		return error(404, 'not_found', `No route ${method} ${url.pathname}`);
	};

	#signIn(body: Uint8Array): Response {
		const parsed = v.safeParse(SignInRequestSchema, parseJson(body));
		if (!parsed.success) return error(400, 'invalid', 'Bad sign-in');
		if (parsed.output.email !== FAKE_USER.email || parsed.output.password !== FAKE_PASSWORD) {
			return error(401, 'invalid_credentials', 'Wrong email or password');
		}
		this.sessionValid = true;
		return json(200, { user: FAKE_USER });
	}

	#pull(since: number): Response {
		const fresh = this.referenceChangedAt > since;
		const response: PullResponse = {
			cursor: this.clock,
			templates: fresh ? this.reference.templates : [],
			locations: fresh ? this.reference.locations : [],
			assignments: fresh ? this.reference.assignments : [],
			audits: [...this.audits.entries()]
				.filter(([, audit]) => audit.changedAt > since)
				.map(([id, audit]) => ({
					id,
					state: audit.state,
					revision: audit.upload.revision,
					comments: audit.comments
				}))
		};
		return json(200, response);
	}

	#putAudit(auditId: string, body: Uint8Array): Response {
		const parsed = v.safeParse(AuditUploadSchema, parseJson(body));
		if (!parsed.success) return error(400, 'invalid', v.summarize(parsed.issues));
		if (this.refuse.has(auditId)) return error(422, 'refused', 'This audit is refused');
		const upload = parsed.output;
		const existing = this.audits.get(auditId);
		for (const photo of upload.photos) {
			const owner = this.photos.get(photo.id)?.auditId;
			if (owner && owner !== auditId) return error(409, 'photo_conflict', 'Photo id taken');
		}
		if (!existing) {
			this.audits.set(auditId, { upload, state: 'draft', changedAt: 0, comments: [] });
		} else if (upload.revision > existing.upload.revision) {
			if (existing.state !== 'draft' && existing.state !== 'returned') {
				return error(409, 'audit_locked', `The audit is ${existing.state}`, {
					state: existing.state,
					revision: existing.upload.revision
				});
			}
			existing.upload = upload;
		}
		const stored = this.audits.get(auditId)!;
		return json(200, {
			id: auditId,
			revision: stored.upload.revision,
			state: stored.state,
			missingPhotos: this.#missing(stored.upload)
		});
	}

	async #putPhoto(
		auditId: string,
		photoId: string,
		body: Uint8Array,
		claimed: string | null
	): Promise<Response> {
		const audit = this.audits.get(auditId);
		if (!audit) return error(404, 'not_found', 'No such audit');
		const entry = audit.upload.photos.find((photo) => photo.id === photoId);
		if (!entry) return error(404, 'photo_not_in_manifest', 'Photo not in the manifest');
		const actual = await sha256Hex(body.slice().buffer);
		if (claimed !== actual) return error(422, 'hash_mismatch', 'Body does not match its hash');
		if (actual !== entry.sha256) return error(409, 'manifest_mismatch', 'Not the manifest hash');
		this.photos.set(photoId, { auditId, sha256: actual, bytes: body.slice() });
		return json(200, { id: photoId, sha256: actual, byteLength: body.byteLength });
	}

	#submit(auditId: string, body: Uint8Array, key: string | null): Response {
		if (!key) return error(400, 'idempotency_key_missing', 'Idempotency-Key is required');
		const payload = parseJson(body);
		const requestHash = `${auditId}:${JSON.stringify(payload)}`;
		const seen = this.#idempotency.get(key);
		if (seen) {
			if (seen.requestHash !== requestHash) {
				return error(422, 'idempotency_key_reused', 'Key used with another request');
			}
			return json(200, seen.response);
		}
		const parsed = v.safeParse(SubmitRequestSchema, payload);
		if (!parsed.success) return error(400, 'invalid', v.summarize(parsed.issues));
		const audit = this.audits.get(auditId);
		if (!audit) return error(404, 'not_found', 'No such audit');
		if (parsed.output.revision !== audit.upload.revision) {
			return error(409, 'revision_mismatch', 'Upload this revision first');
		}
		const manifest = audit.upload.photos.map((p) => `${p.id}:${p.sha256}`).sort();
		const sent = parsed.output.photos.map((p) => `${p.id}:${p.sha256}`).sort();
		if (JSON.stringify(manifest) !== JSON.stringify(sent)) {
			return error(409, 'manifest_mismatch', 'Photos differ from the uploaded manifest');
		}
		if (this.#missing(audit.upload).length > 0) {
			return error(409, 'photos_missing', 'Some photos are not uploaded');
		}
		if (audit.state === 'draft' || audit.state === 'returned') {
			audit.state = audit.state === 'draft' ? 'submitted' : 'resubmitted';
			audit.changedAt = this.clock;
			this.submitExecutions.push(auditId);
			this.submitKeys.push(key);
		}
		const response: SubmitResponse = {
			id: auditId,
			state: audit.state,
			revision: audit.upload.revision,
			totalPercent: null,
			submittedAt: this.clock
		};
		this.#idempotency.set(key, { requestHash, response });
		return json(200, response);
	}

	#missing(upload: AuditUpload): string[] {
		return upload.photos
			.filter((photo) => this.photos.get(photo.id)?.sha256 !== photo.sha256)
			.map((photo) => photo.id);
	}
}

function bodyBytes(body: RequestInit['body']): Uint8Array {
	if (body === undefined || body === null) return new Uint8Array(0);
	if (typeof body === 'string') return new TextEncoder().encode(body);
	if (body instanceof ArrayBuffer) return new Uint8Array(body);
	if (ArrayBuffer.isView(body))
		return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
	throw new Error('The fake server takes string or byte bodies only');
}

function parseJson(body: Uint8Array): unknown {
	try {
		return JSON.parse(new TextDecoder().decode(body));
	} catch {
		return undefined;
	}
}

function json(status: number, body: unknown): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json' }
	});
}

function error(status: number, code: string, message: string, details?: unknown): Response {
	return json(
		status,
		details === undefined ? { error: code, message } : { error: code, message, details }
	);
}
