/** The API's paths, shared by the device and the server. */
export const API = {
	signIn: '/api/auth/sign-in',
	signOut: '/api/auth/sign-out',
	me: '/api/me',
	pull: '/api/sync/pull',
	audit: (auditId: string) => `/api/audits/${encodeURIComponent(auditId)}`,
	auditPhoto: (auditId: string, photoId: string) =>
		`/api/audits/${encodeURIComponent(auditId)}/photos/${encodeURIComponent(photoId)}`,
	auditReport: (auditId: string) => `/api/audits/${encodeURIComponent(auditId)}/report`,
	submit: (auditId: string) => `/api/audits/${encodeURIComponent(auditId)}/submit`,
	audits: '/api/audits',
	approve: (auditId: string) => `/api/audits/${encodeURIComponent(auditId)}/approve`,
	returnAudit: (auditId: string) => `/api/audits/${encodeURIComponent(auditId)}/return`,
	trail: (auditId: string) => `/api/audits/${encodeURIComponent(auditId)}/trail`,
	changes: (auditId: string) => `/api/audits/${encodeURIComponent(auditId)}/changes`,
	reportVersions: (auditId: string) => `/api/audits/${encodeURIComponent(auditId)}/reports`,
	reportVersion: (auditId: string, version: number) =>
		`/api/audits/${encodeURIComponent(auditId)}/reports/${version}`,
	reviewQueue: '/api/review-queue',
	commentLibrary: '/api/comment-library',
	libraryComment: (id: string) => `/api/comment-library/${encodeURIComponent(id)}`,
	photo: (photoId: string) => `/api/photos/${encodeURIComponent(photoId)}`,
	templates: '/api/templates',
	template: (id: string) => `/api/templates/${encodeURIComponent(id)}`,
	templatePublish: (id: string) => `/api/templates/${encodeURIComponent(id)}/publish`,
	templateArchive: (id: string) => `/api/templates/${encodeURIComponent(id)}/archive`,
	templateVersion: (id: string, version: number) =>
		`/api/templates/${encodeURIComponent(id)}/versions/${version}`,
	templateDiff: (id: string, from: number, to: number) =>
		`/api/templates/${encodeURIComponent(id)}/diff?from=${from}&to=${to}`,
	templateImport: '/api/templates/import',
	templateImportCsv: '/api/templates/import-csv'
} as const;

/** Header carrying the SHA-256 (hex) of a photo upload's body; the server recomputes and compares. */
export const CONTENT_SHA256_HEADER = 'x-content-sha256';

/** Header making a submit safe to repeat (IETF draft-ietf-httpapi-idempotency-key-header). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** The largest photo upload the server accepts; the device sends at most 2048 px JPEGs. */
export const MAX_PHOTO_UPLOAD_BYTES = 12 * 1024 * 1024;

/** The largest JSON body the server accepts (a 150-checkpoint audit with notes is ~100 KB). */
export const MAX_JSON_BODY_BYTES = 2 * 1024 * 1024;
