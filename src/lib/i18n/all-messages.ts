import type { UiLocale } from './locales';
import { da } from './messages/da';
import { en, type Messages } from './messages/en';
import { nb } from './messages/nb';
import { pl } from './messages/pl';
import { moreDa } from './more-messages/da';
import { moreEn, type MoreMessages } from './more-messages/en';
import { moreNb } from './more-messages/nb';
import { morePl } from './more-messages/pl';
import { officeDa } from './office-messages/da';
import { officeEn, type OfficeMessages } from './office-messages/en';
import { officeNb } from './office-messages/nb';
import { officePl } from './office-messages/pl';

/** Every interface text of one language: the core, the field screens' and the office's. */
export type AllMessages = Messages & MoreMessages & OfficeMessages;

/**
 * All three catalogues of each language as one, for code that is not a screen and may need any
 * text at once: the server's exports, tests. Screens load theirs through `i18n` instead (see
 * scripts/split-messages.js); never import this from browser code, it would bundle everything.
 */
export const ALL_MESSAGES: Record<UiLocale, AllMessages> = {
	en: { ...en, ...moreEn, ...officeEn },
	da: { ...da, ...moreDa, ...officeDa },
	nb: { ...nb, ...moreNb, ...officeNb },
	pl: { ...pl, ...morePl, ...officePl }
};

/** The English texts of all three catalogues, each typed as the literal it is (for tests). */
export const ENGLISH = { ...en, ...moreEn, ...officeEn };
