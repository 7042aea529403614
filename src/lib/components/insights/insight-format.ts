import { i18n } from '$lib/i18n/i18n.svelte';

/** A calendar day (`YYYY-MM-DD`) in the reader's language, e.g. "1 Oct 2025". */
export function formatDay(day: string): string {
	return new Intl.DateTimeFormat(i18n.intlTag, { dateStyle: 'medium', timeZone: 'UTC' }).format(
		Date.parse(`${day}T00:00:00Z`)
	);
}

/** A bucket's label on a chart axis: "Oct 25" for months, "6 Oct" for weeks. */
export function bucketLabel(day: string, granularity: 'week' | 'month'): string {
	const options: Intl.DateTimeFormatOptions =
		granularity === 'month'
			? { month: 'short', year: '2-digit', timeZone: 'UTC' }
			: { day: 'numeric', month: 'short', timeZone: 'UTC' };
	return new Intl.DateTimeFormat(i18n.intlTag, options).format(Date.parse(`${day}T00:00:00Z`));
}

/** A gap in percentage points, signed ("+4.2 points", "−3 points"), or a dash. */
export function formatGap(gap: number | null): string {
	if (gap === null) return '–';
	const value = new Intl.NumberFormat(i18n.intlTag, {
		maximumFractionDigits: 1,
		signDisplay: 'exceptZero'
	}).format(gap);
	return i18n.t('insights.gapPoints', { value });
}
