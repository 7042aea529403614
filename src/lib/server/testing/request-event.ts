import type { Cookies, RequestEvent } from '@sveltejs/kit';

/** A cookie jar standing in for Kit's: what the request sent, and what the handler set. */
export interface FakeCookies extends Cookies {
	/** Cookies set or deleted (value '') during the request, with their options. */
	readonly written: Map<string, { value: string; options: object }>;
}

function fakeCookies(sent: Record<string, string>): FakeCookies {
	const jar = new Map(Object.entries(sent));
	const written: FakeCookies['written'] = new Map();
	return {
		written,
		get: (name) => jar.get(name),
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		set(name, value, options) {
			jar.set(name, value);
			written.set(name, { value, options });
		},
		delete(name, options) {
			jar.delete(name);
			written.set(name, { value: '', options });
		},
		serialize: (name, value) => `${name}=${value}`
	};
}

/**
 * A RequestEvent for testing `handle` steps and endpoints without a server: the request, empty
 * locals, a fake cookie jar and a fixed client address.
 */
export function fakeRequestEvent(
	request: Request,
	options: { cookies?: Record<string, string>; clientAddress?: string } = {}
): RequestEvent & { cookies: FakeCookies } {
	const url = new URL(request.url);
	const event = {
		request,
		url,
		cookies: fakeCookies(options.cookies ?? {}),
		locals: { user: null, sessionId: null },
		params: {},
		route: { id: null },
		platform: undefined,
		isDataRequest: false,
		isSubRequest: false,
		isRemoteRequest: false,
		tracing: { enabled: false, root: undefined, current: undefined },
		fetch: globalThis.fetch,
		getClientAddress: () => options.clientAddress ?? '127.0.0.1',
		setHeaders: () => undefined
	};
	return event as unknown as RequestEvent & { cookies: FakeCookies };
}
