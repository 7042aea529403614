import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { exportTemplateVersion } from '$lib/server/services/template-builder';
import type { RequestHandler } from './$types';

/** One published version as a template document; `?download` names it as a file. */
export const GET: RequestHandler = ({ locals, params, url }) =>
	respond(async () => {
		const user = requireUser(locals);
		const ctx = await getServerContext();
		const version = Number(params.version);
		const document = await exportTemplateVersion(ctx, user, params.id, version);
		const headers: Record<string, string> = { 'cache-control': 'private, no-store' };
		if (url.searchParams.has('download')) {
			headers['content-disposition'] = `attachment; filename="${params.id}-v${version}.json"`;
		}
		return json(document, { headers });
	});
