import type { AnswerValue } from './types';

/** The parts of an audit a reviewer compares across a return. */
export interface ComparableAudit {
	answers: readonly { checkpointId: string; value: AnswerValue }[];
	notes: readonly { checkpointId: string; text: string }[];
	narrative: string;
	photos: readonly { id: string; checkpointId: string | null; caption: string }[];
}

/** A value on each side; null where it is absent on that side. */
export interface ValueChange<T> {
	checkpointId: string;
	before: T | null;
	after: T | null;
}

/** What changed between two versions of an audit, in checkpoint order of first appearance. */
export interface AuditChanges {
	answers: ValueChange<AnswerValue>[];
	notes: ValueChange<string>[];
	narrative: { before: string; after: string } | null;
	photosAdded: { id: string; checkpointId: string | null; caption: string }[];
	photosRemoved: { id: string; checkpointId: string | null; caption: string }[];
	captionsChanged: { id: string; before: string; after: string }[];
}

/**
 * What the shopper changed between `before` (the audit as returned) and `after` (as it is now):
 * answers and notes added, changed or removed, the narrative, photos added or removed (a photo's
 * bytes never change under its id) and captions changed.
 */
export function diffAudits(before: ComparableAudit, after: ComparableAudit): AuditChanges {
	return {
		answers: diffByCheckpoint(
			before.answers.map((a) => [a.checkpointId, a.value]),
			after.answers.map((a) => [a.checkpointId, a.value]),
			sameAnswer
		),
		notes: diffByCheckpoint(
			before.notes.map((n) => [n.checkpointId, n.text]),
			after.notes.map((n) => [n.checkpointId, n.text]),
			(a, b) => a === b
		),
		narrative:
			before.narrative === after.narrative
				? null
				: { before: before.narrative, after: after.narrative },
		photosAdded: after.photos.filter((p) => !before.photos.some((q) => q.id === p.id)).map(photoOf),
		photosRemoved: before.photos
			.filter((p) => !after.photos.some((q) => q.id === p.id))
			.map(photoOf),
		captionsChanged: after.photos.flatMap((p) => {
			const old = before.photos.find((q) => q.id === p.id);
			return old && old.caption !== p.caption
				? [{ id: p.id, before: old.caption, after: p.caption }]
				: [];
		})
	};
}

/** Whether nothing changed. */
export function isUnchanged(changes: AuditChanges): boolean {
	return (
		changes.answers.length === 0 &&
		changes.notes.length === 0 &&
		changes.narrative === null &&
		changes.photosAdded.length === 0 &&
		changes.photosRemoved.length === 0 &&
		changes.captionsChanged.length === 0
	);
}

function photoOf(photo: { id: string; checkpointId: string | null; caption: string }) {
	return { id: photo.id, checkpointId: photo.checkpointId, caption: photo.caption };
}

function diffByCheckpoint<T>(
	before: readonly [string, T][],
	after: readonly [string, T][],
	same: (a: T, b: T) => boolean
): ValueChange<T>[] {
	const old = new Map(before);
	const now = new Map(after);
	const ids = [...new Set([...before.map(([id]) => id), ...after.map(([id]) => id)])];
	return ids.flatMap((checkpointId) => {
		const a = old.get(checkpointId);
		const b = now.get(checkpointId);
		if (a !== undefined && b !== undefined && same(a, b)) return [];
		return [{ checkpointId, before: a ?? null, after: b ?? null }];
	});
}

function sameAnswer(a: AnswerValue, b: AnswerValue): boolean {
	if (Array.isArray(a) && Array.isArray(b)) {
		return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
	}
	return a === b;
}
