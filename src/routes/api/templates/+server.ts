import { json } from '@sveltejs/kit';
import { MAX_JSON_BODY_BYTES } from '$lib/contract/api-paths';
import { CreateTemplateSchema } from '$lib/contract/templates';
import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { readJson } from '$lib/server/http/read-body';
import { createTemplate, listTemplatesPage } from '$lib/server/services/template-builder';
import type { RequestHandler } from './$types';

const NO_STORE = { 'cache-control': 'private, no-store' };

/** The organisation's templates, most recently changed first, a keyset page (see docs/api.md). */
export const GET: RequestHandler = ({ locals, url }) =>
	respond(async () => {
		const user = requireUser(locals);
		const ctx = await getServerContext();
		return json(await listTemplatesPage(ctx, user, url.searchParams.get('cursor')), {
			headers: NO_STORE
		});
	});

/** A new draft: blank, a copy, a built-in, or a linked competitor template. */
export const POST: RequestHandler = ({ locals, request }) =>
	respond(async () => {
		const user = requireUser(locals);
		const body = await readJson(request, CreateTemplateSchema, MAX_JSON_BODY_BYTES);
		const ctx = await getServerContext();
		return json(await createTemplate(ctx, user, body, Date.now()), { status: 201 });
	});
