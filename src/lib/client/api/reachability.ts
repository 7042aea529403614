import type { FetchLike } from './request';

/** What the last request to the server did: answered (any status) or got no answer at all. */
export type Reachability = 'unknown' | 'reachable' | 'unreachable';

/**
 * Wraps `fetch` so every request reports whether the server answered: any response (even an
 * error status) means it is reachable; a fetch that throws (no network, server down, aborted by
 * a timeout) means it is not. The device's connection state follows this, not `navigator.onLine`
 * alone, which says nothing about the server.
 */
export function reportingFetch(
	fetchFn: FetchLike,
	report: (state: Exclude<Reachability, 'unknown'>) => void
): FetchLike {
	return async (input, init) => {
		try {
			const response = await fetchFn(input, init);
			report('reachable');
			return response;
		} catch (error) {
			report('unreachable');
			throw error;
		}
	};
}
