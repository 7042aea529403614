import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { API } from '$lib/contract/api-paths';
import { submitRequestOf, type BuiltAudit } from '$lib/server/testing/complete-audit';

/**
 * Hands in a built audit the way the tablet does, as the signed-in `shopper`: the audit, each of
 * its photos, then the submit (with `seal`, the device's digest, when given); every step must
 * answer 200.
 */
export async function handInAudit(
	shopper: typeof fetch,
	baseUrl: string,
	built: BuiltAudit,
	seal?: string
): Promise<void> {
	const put = await shopper(`${baseUrl}${API.audit(built.id)}`, {
		method: 'PUT',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(built.upload)
	});
	expect(put.status).toBe(200);
	for (const photo of built.photos) {
		const stored = await shopper(`${baseUrl}${API.auditPhoto(built.id, photo.entry.id)}`, {
			method: 'PUT',
			headers: { 'content-type': 'image/jpeg', 'x-content-sha256': photo.entry.sha256 },
			body: photo.bytes as Uint8Array<ArrayBuffer>
		});
		expect(stored.status).toBe(200);
	}
	const request = submitRequestOf(built);
	const submitted = await shopper(`${baseUrl}${API.submit(built.id)}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
		body: JSON.stringify(seal === undefined ? request : { ...request, seal })
	});
	expect(submitted.status).toBe(200);
}
