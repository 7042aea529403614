import { describe, expect, it } from 'vitest';
import { createApiClient } from '$lib/client/api/api-client';
import { ApiRequestError } from '$lib/client/api/api-error';
import { interpolate } from '$lib/i18n/i18n.svelte';
import { da as daCore } from '$lib/i18n/messages/da';
import { en as enCore } from '$lib/i18n/messages/en';
import { moreDa } from '$lib/i18n/more-messages/da';
import { moreEn } from '$lib/i18n/more-messages/en';

// The sign-in page shows the core texts and the field screens' ("more").
const en: Record<string, unknown> = { ...enCore, ...moreEn };
const da: Record<string, unknown> = { ...daCore, ...moreDa };
import { signInFailure } from './sign-in-failure';

/** What a sign-in through the API client throws when the server answers `status` with `body`. */
async function signInError(status: number, body: unknown): Promise<unknown> {
	const client = createApiClient({
		fetch: async () =>
			new Response(JSON.stringify(body), {
				status,
				headers: { 'content-type': 'application/json' }
			})
	});
	return client.signIn({ email: 'a@b.example', password: 'x' }).then(
		() => null,
		(error: unknown) => error
	);
}

describe('the sign-in screen’s message for a failed sign-in', () => {
	it('explains a bad_origin refusal, naming the address in the browser', async () => {
		const error = await signInError(403, {
			error: 'bad_origin',
			message: 'Cross-origin requests to the API are refused.'
		});
		const failure = signInFailure(error, 'http://192.168.1.20:3000');
		expect(failure).toEqual({
			messageKey: 'deploy.signIn.error.badOrigin',
			params: { address: 'http://192.168.1.20:3000' }
		});
		const english = interpolate(en[failure.messageKey] as string, failure.params);
		expect(english).toBe(
			'This server is set up for another address (ORIGIN). Open Shopwalk at its configured address, ' +
				'or ask your administrator to set ORIGIN to the address in your browser: http://192.168.1.20:3000'
		);
		const danish = interpolate(da[failure.messageKey] as string, failure.params);
		expect(danish).toContain('ORIGIN');
		expect(danish).toContain('http://192.168.1.20:3000');
		expect(danish).not.toBe(english);
	});

	it('keeps "could not sign you in" for other refusals', async () => {
		expect(
			signInFailure(await signInError(403, { error: 'forbidden', message: 'No.' }), 'x')
		).toEqual({ messageKey: 'signIn.error.server' });
		expect(signInFailure(await signInError(500, 'oops'), 'x').messageKey).toBe(
			'signIn.error.server'
		);
	});

	it('maps the other reasons as before', async () => {
		expect(
			signInFailure(await signInError(401, { error: 'unauthenticated', message: '' }), 'x')
				.messageKey
		).toBe('signIn.error.credentials');
		expect(
			signInFailure(await signInError(429, { error: 'rate_limited', message: '' }), 'x').messageKey
		).toBe('signIn.error.throttled');
		expect(signInFailure(new ApiRequestError('offline', 'no'), 'x').messageKey).toBe(
			'signIn.error.offline'
		);
		expect(signInFailure(new Error('boom'), 'x').messageKey).toBe('error.unexpected');
	});
});
