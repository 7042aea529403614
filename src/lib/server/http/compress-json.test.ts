import { describe, expect, it } from 'vitest';
import { acceptsGzip } from './compress-json';

describe('acceptsGzip', () => {
	it.each([
		['gzip, deflate, br', true],
		['br;q=1.0, gzip;q=0.8, *;q=0.1', true],
		['*', true],
		['identity', false],
		['gzip;q=0', false],
		['gzip;q=0, identity', false],
		['gzip;q=0, *', false],
		['', false],
		[null, false]
	])('%s → %s', (header, expected) => {
		expect(acceptsGzip(header)).toBe(expected);
	});
});
