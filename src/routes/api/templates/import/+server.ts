import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { MAX_JSON_BODY_BYTES } from '$lib/contract/api-paths';
import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { readJson } from '$lib/server/http/read-body';
import { importTemplateDocument } from '$lib/server/services/template-builder';
import type { RequestHandler } from './$types';

/** A new draft from a template document (docs/template-schema.md); 422 import_invalid with every problem. */
export const POST: RequestHandler = ({ locals, request }) =>
	respond(async () => {
		const user = requireUser(locals);
		const document = await readJson(request, v.unknown(), MAX_JSON_BODY_BYTES);
		const ctx = await getServerContext();
		return json(await importTemplateDocument(ctx, user, document, Date.now()), { status: 201 });
	});
