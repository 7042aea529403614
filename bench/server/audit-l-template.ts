import type { Checkpoint, JourneyTemplate, Location } from '$lib/domain/types';

/** Audit-L (performance-anchors §8.0): 10 stages × 15 checkpoints, yes/no and 1–5 scales. */
export const STAGES = 10;
export const CHECKPOINTS_PER_STAGE = 15;

/**
 * A synthetic 150-checkpoint template. By default no photo is required, so its audits carry
 * none; `photos: 60` requires a photo on 60 of the checkpoints (two in every five), as Audit-L has.
 */
export function auditLTemplate(
	id = 'bench-audit-l',
	version = 1,
	options: { photos?: 0 | 60 } = {}
): JourneyTemplate {
	return {
		id,
		version,
		name: { en: 'Benchmark Audit-L (150 checkpoints)' },
		locationKind: 'any',
		stages: Array.from({ length: STAGES }, (_, s) => ({
			id: `stage-${s + 1}`,
			title: { en: `Stage ${s + 1}` },
			weight: 1,
			checkpoints: Array.from({ length: CHECKPOINTS_PER_STAGE }, (_, c): Checkpoint => ({
				id: `s${s + 1}-c${c + 1}`,
				prompt: { en: `Checkpoint ${c + 1} of stage ${s + 1}` },
				response: c % 3 === 2 ? { type: 'scale', min: 1, max: 5 } : { type: 'yes_no' },
				weight: 1 + (c % 2),
				critical: c === 0,
				required: true,
				evidence: {
					photo:
						options.photos === 60 && (s * CHECKPOINTS_PER_STAGE + c) % 5 < 2 ? 'required' : 'none',
					noteOnNegative: true
				}
			}))
		}))
	};
}

/** A location reduced to the contract's fields (factories add `organisationId`). */
export function contractLocation(location: Location): Location {
	const { id, name, kind, brand, address, region } = location;
	return { id, name, kind, brand, address, region };
}
