type Issuers<T extends readonly unknown[]> = { [K in keyof T]: () => Promise<T[K]> };

/**
 * Issues requests back to back in the current transaction, without waiting between them, and
 * returns their promises so the caller can await only what it needs next. If one fails the
 * transaction aborts and the others reject too; those rejections are swallowed here, and the
 * caller sees the first failure from what it awaits (or from the commit).
 */
export function start<T extends readonly unknown[]>(
	...issue: Issuers<T>
): { [K in keyof T]: Promise<T[K]> } {
	const started: Promise<unknown>[] = [];
	for (const request of issue) {
		const promise = request();
		promise.catch(() => undefined);
		started.push(promise);
	}
	return started as { [K in keyof T]: Promise<T[K]> };
}

/** `start`, then wait for every result; rejects with the first failure. */
export async function requests<T extends readonly unknown[]>(...issue: Issuers<T>): Promise<T> {
	return (await Promise.all(start(...issue))) as unknown as T;
}

/**
 * `requests` for a list of any length: the issuers are passed as one array, never spread into
 * arguments, so a pull of a hundred thousand records does not hit the engine's argument limit
 * (Chromium throws a RangeError near 125,000) and abort the transaction that applies it.
 */
export async function requestAll(issue: readonly (() => Promise<unknown>)[]): Promise<void> {
	const started: Promise<unknown>[] = [];
	for (const request of issue) {
		const promise = request();
		promise.catch(() => undefined);
		started.push(promise);
	}
	await Promise.all(started);
}
