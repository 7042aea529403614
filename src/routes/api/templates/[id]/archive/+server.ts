import { json } from '@sveltejs/kit';
import { MAX_JSON_BODY_BYTES } from '$lib/contract/api-paths';
import { ArchiveTemplateSchema } from '$lib/contract/templates';
import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { readJson } from '$lib/server/http/read-body';
import { setTemplateArchive } from '$lib/server/services/template-builder';
import type { RequestHandler } from './$types';

/** Archives (`{"archived": true}`) or restores a template. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	respond(async () => {
		const user = requireUser(locals);
		const { archived } = await readJson(request, ArchiveTemplateSchema, MAX_JSON_BODY_BYTES);
		const ctx = await getServerContext();
		return json(await setTemplateArchive(ctx, user, params.id, archived, Date.now()));
	});
