import * as v from 'valibot';
import { API, CONTENT_SHA256_HEADER, IDEMPOTENCY_KEY_HEADER } from '$lib/contract/api-paths';
import {
	SessionUserSchema,
	SignInResponseSchema,
	type SessionUser,
	type SignInRequest
} from '$lib/contract/auth';
import {
	AuditUploadResponseSchema,
	PhotoUploadResponseSchema,
	PullResponseSchema,
	SubmitResponseSchema,
	type AuditUpload,
	type AuditUploadResponse,
	type PullResponse,
	type SubmitRequest,
	type SubmitResponse
} from '$lib/contract/sync';
import { downloadFile } from './download-file';
import { sendRequest, type FetchLike } from './request';

export type PhotoUploadResponse = v.InferOutput<typeof PhotoUploadResponseSchema>;

/** The sync API as the device uses it. Every method throws only ApiRequestError. */
export interface ApiClient {
	/** Signs in; the server sets the session cookie. Resolves with the user. */
	signIn(request: SignInRequest): Promise<SessionUser>;
	/** Ends the server session. */
	signOut(): Promise<void>;
	/** Who the session belongs to; `unauthenticated` when there is none. */
	me(): Promise<SessionUser>;
	/** What changed since `since` (0 for everything). */
	pull(since: number): Promise<PullResponse>;
	/** Upserts the audit at `upload.revision`; tells which manifest photos lack bytes. */
	putAudit(auditId: string, upload: AuditUpload): Promise<AuditUploadResponse>;
	/** Uploads one photo's JPEG bytes with their SHA-256 (hex). */
	putPhoto(
		auditId: string,
		photoId: string,
		bytes: ArrayBuffer,
		sha256: string
	): Promise<PhotoUploadResponse>;
	/** Submits the audit; the same `idempotencyKey` always gets the first outcome back. */
	submit(auditId: string, request: SubmitRequest, idempotencyKey: string): Promise<SubmitResponse>;
	/** A stored photo's JPEG bytes (`GET /api/photos/{id}`); `not_found` when the server lacks it. */
	getPhoto(photoId: string): Promise<ArrayBuffer>;
}

export interface ApiClientOptions {
	/** Defaults to the global fetch. */
	fetch?: FetchLike;
	/** Prefix for the contract's paths; '' (same origin) in the app. */
	baseUrl?: string;
	jsonTimeoutMs?: number;
	photoTimeoutMs?: number;
}

// The server may answer /api/me with the user or with `{ user }` like sign-in does.
const MeResponseSchema = v.union([
	v.pipe(
		SignInResponseSchema,
		v.transform((r) => r.user)
	),
	SessionUserSchema
]);

/** An ApiClient over `fetch` (same-origin credentials, contract schemas, typed errors). */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
	const fetchFn: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
	const base = options.baseUrl ?? '';
	const jsonTimeoutMs = options.jsonTimeoutMs ?? 30_000;
	const photoTimeoutMs = options.photoTimeoutMs ?? 120_000;
	return {
		async signIn(request) {
			const response = await sendRequest(fetchFn, base, {
				method: 'POST',
				path: API.signIn,
				json: request,
				schema: SignInResponseSchema,
				timeoutMs: jsonTimeoutMs
			});
			return response.user;
		},
		signOut: () =>
			sendRequest(fetchFn, base, {
				method: 'POST',
				path: API.signOut,
				json: {},
				schema: null,
				timeoutMs: jsonTimeoutMs
			}),
		me: () =>
			sendRequest(fetchFn, base, {
				method: 'GET',
				path: API.me,
				schema: MeResponseSchema,
				timeoutMs: jsonTimeoutMs
			}),
		pull: (since) =>
			sendRequest(fetchFn, base, {
				method: 'GET',
				path: `${API.pull}?since=${encodeURIComponent(String(since))}`,
				schema: PullResponseSchema,
				timeoutMs: jsonTimeoutMs
			}),
		putAudit: (auditId, upload) =>
			sendRequest(fetchFn, base, {
				method: 'PUT',
				path: API.audit(auditId),
				json: upload,
				schema: AuditUploadResponseSchema,
				timeoutMs: jsonTimeoutMs
			}),
		putPhoto: (auditId, photoId, bytes, sha256) =>
			sendRequest(fetchFn, base, {
				method: 'PUT',
				path: API.auditPhoto(auditId, photoId),
				bytes: { body: bytes, type: 'image/jpeg' },
				headers: { [CONTENT_SHA256_HEADER]: sha256 },
				schema: PhotoUploadResponseSchema,
				timeoutMs: photoTimeoutMs
			}),
		submit: (auditId, request, idempotencyKey) =>
			sendRequest(fetchFn, base, {
				method: 'POST',
				path: API.submit(auditId),
				json: request,
				headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
				schema: SubmitResponseSchema,
				timeoutMs: jsonTimeoutMs
			}),
		getPhoto: async (photoId) => {
			const photo = await downloadFile(fetchFn, base, {
				path: API.photo(photoId),
				mediaType: 'image/jpeg',
				description: 'a JPEG',
				read: (response) => response.arrayBuffer(),
				timeoutMs: photoTimeoutMs
			});
			return photo.body;
		}
	};
}
