import type { Checkpoint, JourneyTemplate, LocalizedText, Stage } from '../types';
import { t } from './builders';
import { OWN_STORE_ONLY_CHECKPOINT_IDS, RETAIL_STORE_VISIT } from './retail-store-visit';

/** Photos a competitor visit still requires: the receipt is normal to photograph discreetly. */
const COMPETITOR_REQUIRED_PHOTOS = new Set(['checkout.receipt-correct']);

const DISCRETION = t(
	'At a competitor, take the photo only if you can do so discreetly.',
	'Hos en konkurrent skal du kun tage billedet, hvis du kan gøre det diskret.',
	'Hos en konkurrent tar du bildet bare hvis du kan gjøre det diskret.',
	'U konkurenta zrób zdjęcie tylko wtedy, gdy możesz zrobić to dyskretnie.'
);

/** Appends a sentence to each language present in `text` (English fallback for the others). */
function appendText(text: LocalizedText | undefined, extra: LocalizedText): LocalizedText {
	if (text === undefined) return extra;
	const result: LocalizedText = { en: `${text.en} ${extra.en}` };
	for (const locale of ['da', 'nb', 'pl'] as const) {
		const base = text[locale];
		if (base !== undefined) result[locale] = `${base} ${extra[locale] ?? extra.en}`;
	}
	return result;
}

/** The competitor version of one checkpoint: required photos become optional, except the receipt. */
function forCompetitor(checkpoint: Checkpoint): Checkpoint {
	if (checkpoint.evidence.photo !== 'required' || COMPETITOR_REQUIRED_PHOTOS.has(checkpoint.id)) {
		return checkpoint;
	}
	return {
		...checkpoint,
		guidance: appendText(checkpoint.guidance, DISCRETION),
		evidence: { ...checkpoint.evidence, photo: 'optional' }
	};
}

/**
 * Derives a competitor template from an own-store template: the same stage ids, weights and
 * checkpoint ids, without the `dropped` checkpoints and without any checkpoint whose visibility
 * depends on a dropped one (transitively), and with fewer required photos for discretion.
 */
export function deriveCompetitorTemplate(
	source: JourneyTemplate,
	dropped: readonly string[],
	meta: Pick<JourneyTemplate, 'id' | 'version' | 'name' | 'description'>
): JourneyTemplate {
	const removed = new Set(dropped);
	const stages: Stage[] = source.stages.map((stage) => ({
		...stage,
		checkpoints: stage.checkpoints.flatMap((checkpoint) => {
			const dependsOnRemoved =
				checkpoint.visibleWhen !== undefined && removed.has(checkpoint.visibleWhen.checkpointId);
			if (removed.has(checkpoint.id) || dependsOnRemoved) {
				removed.add(checkpoint.id);
				return [];
			}
			return [forCompetitor(checkpoint)];
		})
	}));
	const result: JourneyTemplate = { ...source, ...meta, locationKind: 'competitor', stages };
	if (meta.description === undefined) delete result.description;
	return result;
}

/** The built-in competitor visit, version 1: the retail store visit for competitors' stores. */
export const COMPETITOR_VISIT: JourneyTemplate = deriveCompetitorTemplate(
	RETAIL_STORE_VISIT,
	OWN_STORE_ONLY_CHECKPOINT_IDS,
	{
		id: 'competitor-visit',
		version: 1,
		name: t('Competitor visit', 'Konkurrentbesøg', 'Konkurrentbesøk', 'Wizyta u konkurenta'),
		description: t(
			"The retail store visit, walked at a competitor's store so the results compare. Own-store checks are left out and most photos are optional.",
			'Butiksbesøget, gennemført i en konkurrents butik, så resultaterne kan sammenlignes. Kontroller, der kun gælder egne butikker, er udeladt, og de fleste billeder er valgfrie.',
			'Butikkbesøket, gjennomført i en konkurrents butikk, slik at resultatene kan sammenlignes. Kontroller som bare gjelder egne butikker, er utelatt, og de fleste bildene er valgfrie.',
			'Wizyta w sklepie, przeprowadzona u konkurenta, aby wyniki dało się porównać. Pominięto kontrole dotyczące tylko własnych sklepów, a większość zdjęć jest opcjonalna.'
		)
	}
);
