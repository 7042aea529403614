/** First retry waits up to this long. */
export const BACKOFF_BASE_MS = 30_000;
/** No retry waits longer than this. */
export const BACKOFF_CAP_MS = 10 * 60_000;
/**
 * While the device has a network, a failed try (the server down, a timeout) is repeated at
 * least this often: no `online` event will come when the server is back, so a long backoff would
 * leave the shopper's audit waiting minutes after the server answers again.
 */
export const ONLINE_RETRY_CAP_MS = 20_000;
// Full jitter can draw ~0; a floor keeps a failing network from being hit in a tight loop.
const BACKOFF_FLOOR_MS = 1_000;

/**
 * How long to wait before attempt `attempts + 1`, after `attempts` (≥ 1) failures: full jitter
 * over an exponential ceiling, `random() * min(cap, base * 2^(attempts - 1))`, at least 1 s.
 * `random` returns [0, 1) like Math.random.
 */
export function backoffDelay(attempts: number, random: () => number): number {
	const exponent = Math.max(0, attempts - 1);
	const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(exponent, 30));
	return Math.max(BACKOFF_FLOOR_MS, Math.floor(random() * ceiling));
}
