/**
 * How far `timeZone`'s wall clock is ahead of UTC at `instant` (ms; negative west of UTC), read
 * from Intl so summer time and historical rules come from the runtime's zone data. Calendar days
 * (`day-range.ts`) and wall-clock times (`zoned-time.ts`) both convert through it, so the office's
 * filters and its visit windows agree on every zone's rules.
 */
export function zoneOffsetMs(instant: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric'
	}).formatToParts(instant);
	const part = (type: Intl.DateTimeFormatPartTypes) =>
		Number(parts.find((p) => p.type === type)?.value ?? 0);
	const wall = Date.UTC(
		part('year'),
		part('month') - 1,
		part('day'),
		part('hour'),
		part('minute'),
		part('second')
	);
	// Intl drops milliseconds, so compare against the instant truncated to its second.
	return wall - Math.floor(instant / 1000) * 1000;
}
