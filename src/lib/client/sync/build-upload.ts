import { toStorableText } from '$lib/contract/common';
import { MAX_STAGE_TIME_MS, type AuditUpload, type PhotoManifestEntry } from '$lib/contract/sync';
import type { AuditStore } from '$lib/client/storage/audit-store';
import type { OutboxStore } from '$lib/client/storage/outbox-store';
import { StorageError } from '$lib/client/storage/storage-errors';
import type { Audit } from '$lib/domain/types';

/**
 * The audit as the server takes it: content, answers, notes and the manifest of every photo
 * with its SHA-256. A photo's hash is computed from its stored bytes once and cached in its
 * metadata. Call it only on an audit whose content is locked (queued or uploading).
 */
export async function buildAuditUpload(
	audits: AuditStore,
	outbox: OutboxStore,
	audit: Audit,
	hash: (bytes: ArrayBuffer) => Promise<string>
): Promise<AuditUpload> {
	const [answers, notes, photos] = await Promise.all([
		audits.listAnswers(audit.id),
		audits.listNotes(audit.id),
		audits.listPhotos(audit.id)
	]);
	const manifest: PhotoManifestEntry[] = [];
	for (const photo of photos) {
		let sha256 = photo.sha256;
		if (!sha256) {
			const stored = await audits.getPhotoBytes(photo.id);
			if (!stored) throw new StorageError('not_found', `The bytes of photo ${photo.id} are gone`);
			sha256 = await hash(stored.bytes);
			await outbox.setPhotoSha256(photo.id, sha256);
		}
		manifest.push({
			id: photo.id,
			checkpointId: photo.checkpointId,
			kind: photo.kind,
			caption: photo.caption,
			capturedAt: photo.capturedAt,
			sha256,
			byteLength: photo.byteLength,
			width: photo.width,
			height: photo.height
		});
	}
	return storableUpload({
		revision: audit.revision,
		templateId: audit.templateId,
		templateVersion: audit.templateVersion,
		assignmentId: audit.assignmentId,
		location: audit.location,
		locale: audit.locale,
		timeIn: audit.timeIn,
		timeOut: audit.timeOut,
		stageTimeMs: audit.stageTimeMs,
		narrative: audit.narrative,
		answers,
		notes,
		photos: manifest,
		// Only the outcome: the device never kept a position to send.
		...(audit.presence ? { presence: audit.presence } : {})
	});
}

/**
 * The upload as the server's rules take it, so a quirk of the device never strands an audit in
 * an outbox the server refuses forever: a clock that went back between time-in and time-out
 * (time-out is kept at time-in at the earliest), a stage timer that ran away (bounded to
 * 0…MAX_STAGE_TIME_MS, whole milliseconds), and pasted text with a NUL or a lone surrogate (each
 * becomes U+FFFD). What the shopper typed is otherwise sent exactly as stored.
 */
export function storableUpload(upload: AuditUpload): AuditUpload {
	const text = toStorableText;
	const stageTimeMs = Object.fromEntries(
		Object.entries(upload.stageTimeMs).map(([stage, ms]) => [
			stage,
			Number.isFinite(ms) ? Math.min(Math.max(Math.round(ms), 0), MAX_STAGE_TIME_MS) : 0
		])
	);
	return {
		...upload,
		location: {
			...upload.location,
			name: text(upload.location.name),
			brand: text(upload.location.brand),
			address: text(upload.location.address),
			region: text(upload.location.region)
		},
		timeOut: upload.timeOut === null ? null : Math.max(upload.timeOut, upload.timeIn),
		stageTimeMs,
		narrative: text(upload.narrative),
		answers: upload.answers.map((answer) => ({
			...answer,
			value:
				typeof answer.value === 'string'
					? text(answer.value)
					: Array.isArray(answer.value)
						? answer.value.map(text)
						: answer.value
		})),
		notes: upload.notes.map((note) => ({ ...note, text: text(note.text) })),
		photos: upload.photos.map((photo) => ({ ...photo, caption: text(photo.caption) }))
	};
}
