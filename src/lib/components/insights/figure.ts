/**
 * A mean percent with the number of audits (or answers) behind it, as the insights services send
 * it: the screens never show one without the other.
 */
export type Figure = { mean: number | null; n: number; small: boolean };

/** The calendar days a figure was computed over, as the reader chose them. */
export type DayPeriod = { fromDay: string; toDay: string };
