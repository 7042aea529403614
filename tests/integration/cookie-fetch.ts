import type { Location } from '$lib/domain/types';

/**
 * A fetch that keeps cookies like a browser tab of one origin does (node's fetch has no jar),
 * and sends the Origin header a browser adds to non-GET requests.
 */
export function cookieFetch(baseUrl: string): typeof fetch {
	const jar = new Map<string, string>();
	return async (input, init = {}) => {
		const url = new URL(
			typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
			baseUrl
		);
		const headers = new Headers(init.headers);
		if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
		const method = (init.method ?? 'GET').toUpperCase();
		if (method !== 'GET' && method !== 'HEAD') headers.set('origin', new URL(baseUrl).origin);
		const response = await fetch(url, { ...init, headers });
		for (const cookie of response.headers.getSetCookie()) {
			const [pair] = cookie.split(';');
			const [name, ...value] = pair!.split('=');
			if (/max-age=0|expires=thu, 01 jan 1970/i.test(cookie)) jar.delete(name!.trim());
			else jar.set(name!.trim(), value.join('='));
		}
		return response;
	};
}

/** A location as the device sends it: the contract's fields only, none of the server's. */
export function plainLocation(location: Location): Location {
	const { id, name, kind, brand, address, region } = location;
	return { id, name, kind, brand, address, region };
}
