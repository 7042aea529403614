import { ApiRequestError } from '$lib/client/api/api-error';
import type { MessageParams } from '$lib/i18n/i18n.svelte';
import type { MessageKey } from '$lib/i18n/i18n.svelte';

/** What the sign-in screen says when signing in failed. */
export interface SignInFailure {
	messageKey: MessageKey;
	params?: MessageParams;
}

/**
 * The message for a failed sign-in. `address` is the origin the browser is at, named in the
 * `bad_origin` message (the server is set up for another ORIGIN than the one in the address bar).
 */
export function signInFailure(error: unknown, address: string): SignInFailure {
	if (!(error instanceof ApiRequestError)) return { messageKey: 'error.unexpected' };
	if (error.code === 'bad_origin') {
		return { messageKey: 'deploy.signIn.error.badOrigin', params: { address } };
	}
	switch (error.reason) {
		case 'offline':
		case 'timeout':
			return { messageKey: 'signIn.error.offline' };
		case 'rate_limited':
			return { messageKey: 'signIn.error.throttled' };
		case 'unauthenticated':
		case 'invalid':
			return { messageKey: 'signIn.error.credentials' };
		default:
			return { messageKey: 'signIn.error.server' };
	}
}
