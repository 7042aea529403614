import type { Audit, JourneyTemplate, Locale, Location } from './types';

/**
 * A fresh draft audit of `template` at `location`. Time-in is `now`: the shopper starts the
 * audit as they walk in. The id is made by the caller (a UUID on the device).
 */
export function newAudit(input: {
	id: string;
	template: JourneyTemplate;
	location: Location;
	locale: Locale;
	now: number;
	assignmentId?: string | null;
}): Audit {
	return {
		id: input.id,
		templateId: input.template.id,
		templateVersion: input.template.version,
		location: input.location,
		assignmentId: input.assignmentId ?? null,
		locale: input.locale,
		status: 'draft',
		revision: 1,
		createdAt: input.now,
		updatedAt: input.now,
		timeIn: input.now,
		timeOut: null,
		stageTimeMs: {},
		narrative: ''
	};
}

/** Adds the time spent on one stage's screen; negative or absurd spans (clock changes) are ignored. */
export function addStageTime(
	stageTimeMs: Record<string, number>,
	stageId: string,
	enteredAt: number,
	leftAt: number
): Record<string, number> {
	const spent = leftAt - enteredAt;
	if (!(spent > 0) || spent > 12 * 60 * 60 * 1000) return stageTimeMs;
	return { ...stageTimeMs, [stageId]: (stageTimeMs[stageId] ?? 0) + spent };
}
