/** The part of `window` and `document` the engine listens to; injectable for tests. */
export interface EventSourceLike {
	addEventListener(type: string, listener: () => void): void;
	removeEventListener(type: string, listener: () => void): void;
}

export interface DocumentLike extends EventSourceLike {
	readonly visibilityState: string;
}

export interface SyncEnvironment {
	/** Fires `online`. */
	window?: EventSourceLike;
	/** Fires `visibilitychange`. */
	document?: DocumentLike;
	/** Whether the browser says it has a network (`navigator.onLine`); unknown when absent. */
	isOnline?: () => boolean;
}

export interface Timers {
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

/** The page's window and document, when there are any. */
export function browserEnvironment(): SyncEnvironment {
	const scope = globalThis as {
		window?: EventSourceLike;
		document?: DocumentLike;
		navigator?: { onLine?: boolean };
	};
	return {
		window: scope.window,
		document: scope.document,
		isOnline: () => scope.navigator?.onLine !== false
	};
}

export const realTimers: Timers = {
	setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
	clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>)
};
