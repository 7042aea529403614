import { describe, expect, it } from 'vitest';
import { isConnected } from './device-status.svelte';

describe('isConnected', () => {
	it('follows what the last request did, not only navigator.onLine', () => {
		expect(isConnected(true, 'unknown')).toBe(true);
		expect(isConnected(true, 'reachable')).toBe(true);
		// "Online" beside "No connection": the browser has a network, the server did not answer.
		expect(isConnected(true, 'unreachable')).toBe(false);
		expect(isConnected(false, 'reachable')).toBe(false);
	});
});
