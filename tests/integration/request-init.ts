/**
 * A form post as a browser without JavaScript sends it. The `accept: text/html` is what a browser
 * sends: without it SvelteKit answers the enhanced (JSON) form protocol instead of a redirect.
 */
export function formPost(fields: Record<string, string>): RequestInit {
	return {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams(fields).toString()
	};
}

/** A request with a JSON body, as the API's clients send it. */
export function jsonRequest(method: string, body: unknown): RequestInit {
	return {
		method,
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	};
}
