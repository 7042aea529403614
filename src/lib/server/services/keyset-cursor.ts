import { ServiceError } from '../service-error';

/**
 * An opaque page cursor: the last row's position in a list ordered by (a time, an id). The next
 * page starts strictly after it, so pages neither skip nor repeat rows as new ones arrive.
 */
export function encodeKeysetCursor(at: number, id: string): string {
	return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

/** The position in a cursor this server gave out; bad_request `invalid_cursor` otherwise. */
export function decodeKeysetCursor(cursor: string): { at: number; id: string } {
	try {
		const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
		if (
			Array.isArray(value) &&
			value.length === 2 &&
			Number.isSafeInteger(value[0]) &&
			typeof value[1] === 'string'
		) {
			return { at: value[0] as number, id: value[1] };
		}
	} catch {
		// Reported below.
	}
	throw new ServiceError(
		'bad_request',
		'invalid_cursor',
		'The cursor is not one this API gave out.'
	);
}
