import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AuditUpload, PhotoManifestEntry, SubmitRequest } from '$lib/contract/sync';
import { isCheckpointVisible } from '$lib/domain/visibility';
import type {
	AnswerValue,
	Checkpoint,
	JourneyTemplate,
	Location,
	ResponseSpec
} from '$lib/domain/types';
import { inspectJpeg, stripJpegMetadata } from '../files/jpeg';
import { sha256Hex } from '../services/sha256';

/** The shared test photos (full-size camera JPEGs, plus broken files). */
export const FIXTURE_PHOTOS_DIR = resolve(
	process.env.FIXTURE_PHOTOS_DIR ?? resolve(process.cwd(), '../shared/fixtures/photos')
);

/** The bytes of one fixture file, e.g. `receipt.jpg`, `truncated.jpg`. */
export function fixturePhoto(name: string): Uint8Array {
	return new Uint8Array(readFileSync(resolve(FIXTURE_PHOTOS_DIR, name)));
}

/**
 * A fixture JPEG as the app's device sends it: without any metadata segment (the device
 * re-encodes; here the EXIF, GPS included, is cut out losslessly). The server refuses the raw
 * camera files (`422 photo_has_metadata`).
 */
export function devicePhoto(name: string): Uint8Array {
	return stripJpegMetadata(fixturePhoto(name));
}

/**
 * A distinct, still valid and metadata-free JPEG for each `n` (0 ≤ n < 65 025): `base` with two
 * entries of its first 8-bit quantisation table (the highest frequencies) set from `n`. The
 * picture barely changes; the bytes, and so the SHA-256, differ.
 */
export function distinctJpeg(base: Uint8Array, n: number): Uint8Array {
	const bytes = base.slice();
	let pos = 2;
	while (pos + 4 < bytes.length && !(bytes[pos] === 0xff && bytes[pos + 1] === 0xdb)) {
		pos += 2 + (((bytes[pos + 2] ?? 0) << 8) | (bytes[pos + 3] ?? 0));
	}
	if (bytes[pos + 1] !== 0xdb || ((bytes[pos + 4] ?? 0) & 0xf0) !== 0) {
		throw new Error('distinctJpeg needs a JPEG whose first DQT is an 8-bit table');
	}
	// Marker (2), length (2), precision and id (1), then 64 entries: the last two are 63 and 64.
	bytes[pos + 5 + 62] = 1 + (n % 255);
	bytes[pos + 5 + 63] = 1 + (Math.floor(n / 255) % 255);
	return bytes;
}

/** A photo of a built audit: its manifest entry and its bytes. */
export interface BuiltPhoto {
	entry: PhotoManifestEntry;
	bytes: Uint8Array;
}

/** An audit as a device would upload it, with the bytes of every photo in its manifest. */
export interface BuiltAudit {
	id: string;
	upload: AuditUpload;
	photos: BuiltPhoto[];
}

/** The manifest entry of real JPEG bytes (hash, size and dimensions read from the bytes). */
export function photoEntry(
	bytes: Uint8Array,
	fields: Pick<PhotoManifestEntry, 'checkpointId' | 'kind'> &
		Partial<Pick<PhotoManifestEntry, 'id' | 'caption' | 'capturedAt'>>
): PhotoManifestEntry {
	const jpeg = inspectJpeg(bytes);
	if (!jpeg.ok) throw new Error(`Test photo is not a usable JPEG: ${jpeg.problem}`);
	return {
		id: fields.id ?? randomUUID(),
		checkpointId: fields.checkpointId,
		kind: fields.kind,
		caption: fields.caption ?? '',
		capturedAt: fields.capturedAt ?? 1_760_000_000_000,
		sha256: sha256Hex(bytes),
		byteLength: bytes.byteLength,
		width: jpeg.width,
		height: jpeg.height
	};
}

/**
 * A complete, realistic audit of `template`: every visible checkpoint answered with a good
 * answer (in template order, so conditional checkpoints appear as a shopper would see them), a
 * photo on every checkpoint that requires one plus the receipt, time-out set, stage times and a
 * narrative. `photoBytes` are used in turn for the photos (default: `receipt.jpg` as the device
 * sends it); `receipt:
 * false` leaves out the receipt photo (only required photos remain).
 */
export function buildCompleteAudit(options: {
	template: JourneyTemplate;
	location: Location;
	assignmentId?: string | null;
	id?: string;
	revision?: number;
	now?: number;
	photoBytes?: Uint8Array[];
	receipt?: boolean;
}): BuiltAudit {
	const { template } = options;
	const now = options.now ?? 1_760_000_000_000;
	const pool = options.photoBytes ?? [devicePhoto('receipt.jpg')];
	const answers = new Map<string, AnswerValue>();
	const visible = new Set<string>();
	const photos: BuiltPhoto[] = [];
	const addPhoto = (checkpointId: string | null, kind: PhotoManifestEntry['kind']) => {
		const bytes = pool[photos.length % pool.length];
		if (!bytes) throw new Error('buildCompleteAudit needs at least one photo');
		const capturedAt = now - 30 * 60_000 + photos.length * 60_000;
		photos.push({ bytes, entry: photoEntry(bytes, { checkpointId, kind, capturedAt }) });
	};
	const answerList: AuditUpload['answers'] = [];
	for (const stage of template.stages) {
		for (const checkpoint of stage.checkpoints) {
			if (!isCheckpointVisible(checkpoint, answers, visible)) continue;
			visible.add(checkpoint.id);
			const value = goodAnswer(checkpoint);
			answers.set(checkpoint.id, value);
			answerList.push({
				checkpointId: checkpoint.id,
				value,
				answeredAt: now - 20 * 60_000 + answerList.length * 1000
			});
			if (checkpoint.evidence.photo === 'required') addPhoto(checkpoint.id, 'checkpoint');
		}
	}
	if (options.receipt !== false) addPhoto(null, 'receipt');
	const firstAnswer = answerList[0];
	return {
		id: options.id ?? randomUUID(),
		photos,
		upload: {
			revision: options.revision ?? 1,
			templateId: template.id,
			templateVersion: template.version,
			assignmentId: options.assignmentId ?? null,
			location: options.location,
			locale: 'en',
			timeIn: now - 40 * 60_000,
			timeOut: now - 5 * 60_000,
			stageTimeMs: Object.fromEntries(template.stages.map((stage) => [stage.id, 120_000])),
			narrative: 'Calm visit; the advisor was knowledgeable and friendly throughout.',
			answers: answerList,
			notes: firstAnswer
				? [{ checkpointId: firstAnswer.checkpointId, text: 'Clean and bright.', updatedAt: now }]
				: [],
			photos: photos.map((photo) => photo.entry)
		}
	};
}

/** The submit request matching a built audit's current upload. */
export function submitRequestOf(audit: BuiltAudit): SubmitRequest {
	return {
		revision: audit.upload.revision,
		photos: audit.upload.photos.map((photo) => ({ id: photo.id, sha256: photo.sha256 }))
	};
}

/** The best valid answer a checkpoint's response type allows. */
function goodAnswer(checkpoint: Checkpoint): AnswerValue {
	const spec: ResponseSpec = checkpoint.response;
	switch (spec.type) {
		case 'yes_no':
		case 'yes_no_na':
			return 'yes';
		case 'scale':
			return spec.max;
		case 'single_choice':
			return [...spec.options].sort((a, b) => b.score - a.score)[0]?.id ?? '';
		case 'multiple_choice': {
			const scoring = spec.options.filter((option) => option.score > 0).map((o) => o.id);
			return scoring.length > 0 ? scoring : spec.options.slice(0, 1).map((o) => o.id);
		}
		case 'number': {
			const low = spec.pass?.min ?? spec.min;
			const high = spec.pass?.max ?? spec.max;
			return low ?? high ?? 1;
		}
		case 'text':
			return 'Helpful and clear.';
		case 'time':
			return '10:05';
	}
}
