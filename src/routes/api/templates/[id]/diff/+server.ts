import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { ApiFailure, respond } from '$lib/server/http/api-error';
import { diffTemplateVersions } from '$lib/server/services/template-builder';
import type { RequestHandler } from './$types';

const versionParam = (url: URL, name: string): number => {
	const raw = url.searchParams.get(name);
	const value = Number(raw);
	if (raw === null || !Number.isInteger(value) || value < 0 || value > 2 ** 31 - 1) {
		throw new ApiFailure(400, 'invalid_query', `${name} must be a version number (0: the draft).`);
	}
	return value;
};

/** What changed between two versions (`?from=1&to=2`; `to=0` is the current draft). */
export const GET: RequestHandler = ({ locals, params, url }) =>
	respond(async () => {
		const user = requireUser(locals);
		const from = versionParam(url, 'from');
		const to = versionParam(url, 'to');
		const ctx = await getServerContext();
		return json(await diffTemplateVersions(ctx, user, params.id, from, to), {
			headers: { 'cache-control': 'private, no-store' }
		});
	});
