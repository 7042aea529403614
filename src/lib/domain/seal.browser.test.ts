import { describe, expect, it } from 'vitest';
import { sealDigest } from './seal';
import { SEAL_CASES, SEAL_GOLDEN } from './seal-cases';

// The same cases as seal.test.ts, in real Chromium: the tablet's digest must be the server's.
describe('seal digest (Chromium)', () => {
	it.each(SEAL_CASES)('$name: the same pinned digest as in Node', async (c) => {
		expect(navigator.userAgent).toContain('Chrome');
		expect(await sealDigest(c.auditId, c.source)).toBe(SEAL_GOLDEN[c.name]);
	});
});
