/**
 * Wall-clock times in a named zone, for the office's visit windows: what `<input
 * type="datetime-local">` shows and sends (`YYYY-MM-DDTHH:mm`), read and written in the store's
 * zone, whatever zone the server or the browser is in.
 */
import { zoneOffsetMs } from './zone-offset';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The instant a wall-clock `YYYY-MM-DDTHH:mm` in `timeZone` stands for, or null when malformed. */
export function instantOfLocal(local: string, timeZone: string): number | null {
	const match = LOCAL.exec(local);
	if (!match) return null;
	const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number];
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || y < 1970) return null;
	const wall = Date.UTC(y, mo - 1, d, h, mi);
	const check = new Date(wall);
	if (check.getUTCDate() !== d) return null;
	const guess = wall - zoneOffsetMs(wall, timeZone);
	return wall - zoneOffsetMs(guess, timeZone);
}

/** `instant` as `YYYY-MM-DDTHH:mm` on `timeZone`'s wall clock. */
export function localOfInstant(instant: number, timeZone: string): string {
	const wall = new Date(instant + zoneOffsetMs(instant, timeZone));
	const pad = (n: number) => String(n).padStart(2, '0');
	return (
		`${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
		`T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`
	);
}

/** A date and time in `timeZone`, in the reader's language (`intlTag`), naming the zone. */
export function formatInZone(instant: number, intlTag: string, timeZone: string): string {
	return new Intl.DateTimeFormat(intlTag, {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone
	}).format(instant);
}
